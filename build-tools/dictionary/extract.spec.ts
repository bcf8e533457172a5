import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDictionaryData } from './extract';

describe('build-time dictionary extraction', () => {
	it('writes CC-CEDICT as plain text (header and licence kept) and the six HSK lists as JSON', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dictionary-data-'));
		try {
			const written = extractDictionaryData(dir);
			const cedict = readFileSync(join(dir, 'cedict_ts.u8'), 'utf8');
			expect(cedict.startsWith('# CC-CEDICT\n')).toBe(true);
			expect(cedict).toContain('# Creative Commons Attribution-ShareAlike 4.0 International License');
			expect(cedict).toContain('\n發展 发展 [fa1 zhan3] /');
			expect(written.cedictBytes).toBe(Buffer.byteLength(cedict));
			const hsk = JSON.parse(readFileSync(join(dir, 'hsk.json'), 'utf8')) as string[][];
			expect(hsk.map((l) => l.length)).toEqual([150, 151, 300, 600, 1300, 2500]);
			expect(written.hskWords).toBe(5001);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
