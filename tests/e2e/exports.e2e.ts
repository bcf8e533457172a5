import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { segmentsWithPaths } from '../../src/lib/content/validate';
import { SLUG, article, glossary } from './content';

const segments = segmentsWithPaths(article).map((s) => s.segment);
const parser = new XMLParser({
	ignoreAttributes: false,
	isArray: (name) => ['tu', 'tuv', 'conceptEntry', 'unit'].includes(name)
});

test.describe('downloads offered on the reader page', () => {
	test('TMX: one <tu> per segment, zh-CN and en, every text intact', async ({ page }) => {
		await page.goto(`/articles/${SLUG}`);
		await page.locator('.reader-toolbar').getByRole('link', { name: 'Download', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Downloads' })).toBeVisible();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Translation memory (TMX)' }).click()
		]);
		expect(download.suggestedFilename()).toBe(`${SLUG}.tmx`);
		const xml = await (await page.request.get(`/articles/${SLUG}/export.tmx`)).text();
		const tus = parser.parse(xml).tmx.body.tu as {
			'@_tuid': string;
			tuv: { '@_xml:lang': string; seg: string | number }[];
		}[];
		expect(tus).toHaveLength(segments.length);
		// The byline and the photo credits are translation units like the text.
		expect(tus.map((tu) => tu['@_tuid'])).toEqual(
			expect.arrayContaining(['byline', 'c1-credit', 'c7-credit'])
		);
		for (const [i, tu] of tus.entries()) {
			expect(tu['@_tuid']).toBe(segments[i]!.id);
			const lang = (l: string) => String(tu.tuv.find((t) => t['@_xml:lang'] === l)?.seg);
			expect(lang('zh-CN')).toBe(segments[i]!.zh);
			expect(lang('en')).toBe(segments[i]!.en);
		}
	});

	test('JSON: the annotated model with pinyin and terms', async ({ request }) => {
		const response = await request.get(`/articles/${SLUG}/export.json`);
		expect(response.headers()['content-type']).toContain('application/json');
		const text = await response.text();
		expect(text).toContain('"zhRuns"');
		expect(text).toContain('"kuò"');
		expect(text).toContain(article.title.en);
	});

	test('XLIFF and CSV download with the right types', async ({ request }) => {
		const xlf = await request.get(`/articles/${SLUG}/export.xlf`);
		expect(xlf.headers()['content-type']).toContain('application/xliff+xml');
		const xliff = parser.parse(await xlf.text()).xliff;
		expect(xliff['@_version']).toBe('2.1');
		const units = xliff.file.unit as { '@_id': string; segment: { source: string | number } }[];
		expect(units.map((u) => u['@_id'])).toEqual(segments.map((s) => s.id));
		expect(String(units.find((u) => u['@_id'] === 'byline')?.segment.source)).toBe('周松华 龚雯雯');
		expect(String(units.find((u) => u['@_id'] === 'c7-credit')?.segment.source)).toBe('沈颖俊 摄');
		const csv = await request.get(`/articles/${SLUG}/export.csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		expect(await csv.text()).toContain(segments[0]!.id);
	});

	test('TBX: one concept per glossary entry', async ({ request }) => {
		const response = await request.get('/glossary/export.tbx');
		expect(response.headers()['content-disposition']).toContain('glossary.tbx');
		const tbx = parser.parse(await response.text());
		expect(tbx.tbx.text.body.conceptEntry).toHaveLength(glossary.length);
	});

	test('an unknown format or article is a 404, not a crash', async ({ request }) => {
		expect((await request.get(`/articles/${SLUG}/export.exe`)).status()).toBe(404);
		expect((await request.get('/articles/nope/export.tmx')).status()).toBe(404);
	});
});
