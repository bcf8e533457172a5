import { it, expect } from 'vitest';
import { readCedictText, readHskLists } from './files';
import { parseCedict, buildDictionary, numberedToMarks } from '$lib/dictionary';

it('scratch2', async () => {
	let t = performance.now();
	const text = await readCedictText();
	console.log('read', performance.now() - t); t = performance.now();
	const p = parseCedict(text);
	console.log('parse', performance.now() - t, p.rejected.length); t = performance.now();
	const lines = text.split('\n');
	console.log('split', performance.now() - t, lines.length); t = performance.now();
	for (const e of p.entries) numberedToMarks(e.pinyinNumbered);
	console.log('marks', performance.now() - t); t = performance.now();
	const d = buildDictionary({ cedict: p.entries });
	console.log('build', performance.now() - t, d.maxWordLength); t = performance.now();
	await readHskLists();
	console.log('hsk', performance.now() - t);
	expect(1).toBe(1);
}, 60000);
