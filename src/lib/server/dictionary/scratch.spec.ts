import { it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { getDictionary, dictionaryLoadStats } from './index';
import { segment, segmenterLexicon, measureCoverage } from '$lib/dictionary';

it('scratch', async () => {
	const d = await getDictionary();
	console.log(dictionaryLoadStats());
	const text = readFileSync('/work/shared/seed/000_c533767a5881d1a7.txt', 'utf8');
	const t0 = performance.now();
	const toks = segment(text, segmenterLexicon(d));
	console.log('seg ms', performance.now() - t0);
	console.log(toks.filter(t=>t.kind!=='space').map((t) => t.text).join('|'));
	const c = measureCoverage(toks, d);
	console.log(c.share, c.unknown, c.singleCharRuns.map(r=>r.form+'×'+r.count).join(' '));
	expect(1).toBe(1);
}, 60000);
