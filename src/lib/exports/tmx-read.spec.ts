import { describe, expect, it } from 'vitest';
import { getArticle } from '$lib/server/content/store';
import { readTmx } from './tmx-read';
import { toTmx } from './tmx';

const tmx = (body: string, srclang = 'zh-CN') =>
	`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t"
 adminlang="en" srclang="${srclang}" datatype="plaintext"/><body>${body}</body></tmx>`;
const tu = (zh: string, en: string, langs = ['zh-CN', 'en-US']) =>
	`<tu><tuv xml:lang="${langs[0]}"><seg>${zh}</seg></tuv><tuv xml:lang="${langs[1]}"><seg>${en}</seg></tuv></tu>`;

describe('reading TMX into the memory', () => {
	it('reads our own TMX export back: one unit per segment', async () => {
		const article = (await getArticle('beilun-liucu-liuyou'))!;
		const read = readTmx(toTmx(article));
		expect(read.ok).toBe(true);
		if (read.ok) expect(read.units[0]).toEqual({ zh: article.title.zh, en: article.title.en });
	});

	it('keeps a repeated pair once, skips tags-only and figures-only units, drops inline codes', () => {
		const read = readTmx(
			tmx(
				tu('扩中提低', 'Expand the middle') +
					tu('扩中提低', 'Expand the middle') +
					tu('<ph x="1">&lt;b&gt;</ph>', '<ph x="1">&lt;b&gt;</ph>') +
					tu('2022年，12.5%', '2022, 12.5%') +
					tu('<bpt i="1">&lt;i&gt;</bpt>六促六优<ept i="1">&lt;/i&gt;</ept>', 'Six <hi>Promotes</hi>')
			)
		);
		expect(read).toEqual({
			ok: true,
			units: [
				{ zh: '扩中提低', en: 'Expand the middle' },
				{ zh: '六促六优', en: 'Six Promotes' }
			],
			duplicates: 1,
			skipped: 2
		});
	});

	it('refuses a file whose units are all tags or figures, saying so', () => {
		const read = readTmx(
			tmx(tu('<ph x="1">&lt;br/&gt;</ph>', '<ph x="1">&lt;br/&gt;</ph>') + tu('12.5%', '12.5%'))
		);
		expect(read).toEqual({
			ok: false,
			errors: [
				"None of the file's 2 units has text to translate (each is only tags, figures or punctuation); nothing was added."
			]
		});
	});

	it('refuses the whole file for one bad unit among good ones (nothing half-imported)', () => {
		const read = readTmx(tmx(tu('扩中提低', 'Expand the middle') + tu('六促六优', 'x', ['zh-CN', 'fr-FR'])));
		expect(read).toEqual({
			ok: false,
			errors: ['Unit 2 has no English (en) variant (languages: zh, fr).']
		});
	});

	it('refuses malformed XML, with the line', () => {
		const read = readTmx(tmx(tu('扩中', 'x').replace('</seg>', '')));
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.errors[0]).toMatch(/^Not well-formed XML \(line \d+/);
	});

	it('refuses a DOCTYPE (no entity expansion)', () => {
		const xml = tmx(tu('&x;', 'y')).replace('<tmx', '<!DOCTYPE tmx [<!ENTITY x "boom">]><tmx');
		const read = readTmx(xml);
		expect(read.ok).toBe(false);
	});

	it('refuses another language pair, naming it', () => {
		const read = readTmx(tmx(tu('Hello', 'Bonjour', ['en-US', 'fr-FR']), 'en-US'));
		expect(read).toEqual({
			ok: false,
			errors: ['The source language is "en-US", not Chinese: this memory holds Chinese–English pairs.']
		});
		const ja = readTmx(tmx(tu('扩中', '拡中', ['zh-CN', 'ja'])));
		expect(ja.ok).toBe(false);
		if (!ja.ok) expect(ja.errors[0]).toBe('Unit 1 has no English (en) variant (languages: zh, ja).');
	});

	it('refuses a file that is not TMX 1.4, or has no units', () => {
		expect(readTmx('<xliff version="2.1"/>')).toMatchObject({ ok: false });
		expect(readTmx(tmx('').replace('version="1.4"', 'version="1.1"'))).toMatchObject({ ok: false });
		expect(readTmx(tmx(''))).toEqual({ ok: false, errors: ['The file contains no translation units.'] });
	});
});
