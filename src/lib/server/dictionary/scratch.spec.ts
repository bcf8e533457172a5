import { it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { getDictionary } from './index';
import { segment, segmenterLexicon, extractArticleDictionary, tokenKey } from '$lib/dictionary';

it('scratch', async () => {
	const d = await getDictionary();
	const text = readFileSync('/work/shared/seed/000_c533767a5881d1a7.txt', 'utf8');
	const toks = segment(text, segmenterLexicon(d));
	console.log(toks.filter(t=>t.text.includes('5138')||t.text.includes('亩')));
	const ex = extractArticleDictionary(toks, d);
	const keys = new Set(toks.map(tokenKey));
	const gz = (o: unknown) => gzipSync(JSON.stringify(o)).length;
	const tokenEntries = Object.fromEntries(Object.entries(ex).filter(([k]) => keys.has(k)));
	const charOnly = Object.fromEntries(Object.entries(ex).filter(([k]) => !keys.has(k)));
	console.log('token entries', Object.keys(tokenEntries).length, gz(tokenEntries), 'breakdown-only', Object.keys(charOnly).length, gz(charOnly));
	const singles = Object.values(ex).filter(e => [...e.simplified].length===1);
	console.log('readings per single', singles.reduce((n,e)=>n+e.readings.length,0)/singles.length, 'defs per reading', singles.flatMap(e=>e.readings).reduce((n,r)=>n+r.definitions.length,0)/singles.flatMap(e=>e.readings).length);
	console.log(JSON.stringify(ex['发']), JSON.stringify(ex['打']).length);
	const port = (await import('./index')).lookup('port', 5);
	console.log(JSON.stringify((await port).map(r=>[r.entry.simplified, r.score, r.entry.readings.map(x=>x.definitions)])));
	expect(1).toBe(1);
}, 60000);
