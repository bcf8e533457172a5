/**
 * Studying: the study page's JavaScript (gzipped, beside the site script every page carries); how long grading a
 * card and showing the next takes in Chromium (the click handler: FSRS, the next card, its render), and how soon
 * after the tap the grade is in localStorage, for stores of 10, 500 and 5,000 words; and the known share of the seed article for a store
 * of 5,000 words (reading the store, then the share).
 */
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import {
	STORAGE_KEY,
	WORDS_CHANGED,
	fingerprint,
	memoryStorage,
	readStore,
	useWordStorage
} from '$lib/words/saved-words';
import { STORE_VERSION, type SavedWord } from '$lib/words/schema';
import { knownShare } from '$lib/study/known-share';
import { gradeCard } from '$lib/study/scheduler';
import { kb, median, percentile, table } from './lib';

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 6 }).length;

/** A store of `size` words: the article's own words first, then made-up ones; some studied, half known. */
function syntheticStore(articleWords: string[], size: number, now: Date) {
	const words: SavedWord[] = [];
	const known: string[] = [];
	for (let i = 0; i < size; i++) {
		const word =
			articleWords[i] ?? String.fromCodePoint(0x4e00 + (i % 20000), 0x4e00 + ((i * 7) % 20000)) + i;
		const saved: SavedWord = {
			word,
			pinyin: 'pīn yīn',
			meaning: 'a meaning; another meaning',
			sentenceZh: `这是一个包含${word}的句子，用来测试复习页面的速度。`,
			sentenceEn: 'A sentence holding the word, to time the study page.',
			slug: 'beilun-liucu-liuyou',
			segmentId: 'p4-1',
			articleTitle: 'A title',
			savedAt: new Date(now.getTime() - (size - i) * 60_000).toISOString()
		};
		// A third studied (due over the coming weeks), the rest new.
		if (i % 3 === 0) saved.card = gradeCard(saved, 'good', new Date(now.getTime() - 86_400_000 * (i % 20)));
		words.push(saved);
		if (i % 2 === 1) known.push(word);
	}
	return { version: STORE_VERSION, words, known, settings: { newPerDay: 500, front: 'word' as const } };
}

export async function benchStudy(browser: Browser, baseUrl: string): Promise<void> {
	console.log('\n## Studying (src/lib/study)\n');
	console.log(
		`(load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores: wall times grow with it)\n`
	);
	const html = await (await fetch(`${baseUrl}/study`)).text();
	// The page's scripts, and the site script the boot script loads for a learner with saved words.
	const scripts = [
		...[...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!),
		...[...html.matchAll(/data-site="([^"]+)"/g)].map((m) => m[1]!)
	];
	const rows: (string | number)[][] = [['script', 'raw', 'gzipped']];
	let total = 0;
	for (const src of scripts) {
		const code = await (await fetch(`${baseUrl}${src}`)).text();
		total += gz(code);
		rows.push([src.replace(/\?.*/, ''), kb(code.length), kb(gz(code))]);
	}
	rows.push(['the study page’s JavaScript', '', kb(total)]);
	rows.push(['its HTML', kb(html.length), kb(gz(html))]);
	table(rows);

	// The seed article's words, as the site script fetches them for the known share.
	const profileWords = (await (
		await fetch(`${baseUrl}/articles/beilun-liucu-liuyou/word-counts.json`)
	).json()) as Record<string, number>;
	const articleWords = Object.keys(profileWords);
	const now = new Date();

	console.log(
		'\nGrade a card and show the next, in Chromium (40 grades): the click handler (FSRS, the next card from the store\n' +
			'in memory, its render), then the grade in localStorage (written after the next card is painted):\n'
	);
	const gradeRows: (string | number)[][] = [
		['store', 'grades', 'next card: median', '95th pct', 'stored after: median', '95th pct']
	];
	for (const size of [10, 500, 5000]) {
		const store = syntheticStore(articleWords, size, now);
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/study`);
		await page.evaluate(
			([key, text]) => localStorage.setItem(key!, text!),
			[STORAGE_KEY, JSON.stringify(store)]
		);
		await page.reload({ waitUntil: 'load' });
		const { shown, stored } = await page.evaluate(async (changed) => {
			const shown: number[] = [];
			const stored: number[] = [];
			const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
			for (let i = 0; i < 40; i++) {
				const show = document.querySelector<HTMLButtonElement>('[data-show]');
				if (!show || show.hidden) break;
				show.click();
				await frame();
				const written = new Promise<number>((r) =>
					addEventListener(changed, () => r(performance.now()), { once: true })
				);
				const t0 = performance.now();
				document.querySelector<HTMLButtonElement>(`[data-grade="${i % 2 ? 'easy' : 'good'}"]`)!.click();
				shown.push(performance.now() - t0);
				stored.push((await written) - t0);
				await frame();
			}
			return { shown, stored };
		}, WORDS_CHANGED);
		shown.sort((a, b) => a - b);
		stored.sort((a, b) => a - b);
		gradeRows.push([
			`${size} words`,
			shown.length,
			`${median(shown).toFixed(2)} ms`,
			`${percentile(shown, 0.95).toFixed(2)} ms`,
			`${median(stored).toFixed(2)} ms`,
			`${percentile(stored, 0.95).toFixed(2)} ms`
		]);
		await context.close();
	}
	table(gradeRows);

	console.log(
		'\nKnown share of the seed article for a store of 5,000 words (Node, median of 50; a new text each time, as on\n' +
			'a page load or after another tab changed it: one this app wrote, whose fingerprint it recorded, is parsed;\n' +
			'any other text, e.g. edited by hand or from before the fingerprint, is parsed and validated in full):\n'
	);
	const store = syntheticStore(articleWords, 5000, now);
	const storage = memoryStorage();
	useWordStorage(storage);
	const timeReads = (written: boolean) => {
		const read: number[] = [];
		const share: number[] = [];
		let result = 0;
		for (let i = 0; i < 50; i++) {
			// A new text each time (the store's words differ by a space), so nothing is reused from the last read.
			storage.text =
				JSON.stringify({ ...store, known: i % 2 ? store.known : [...store.known] }) + ' '.repeat(i);
			storage.written = written ? fingerprint(storage.text) : null;
			const t0 = performance.now();
			const state = readStore();
			const t1 = performance.now();
			if (state.status !== 'ok') throw new Error(JSON.stringify({ ...state, raw: undefined }));
			result = knownShare(profileWords, new Set(state.known));
			share.push(performance.now() - t1);
			read.push(t1 - t0);
		}
		return { read: median(read), share: median(share), result };
	};
	const written = timeReads(true);
	const other = timeReads(false);
	useWordStorage();
	table([
		['step', 'written by the app', 'any other text'],
		[
			'read the store (5,000 words, 2,500 known)',
			`${written.read.toFixed(2)} ms`,
			`${other.read.toFixed(2)} ms`
		],
		[
			`the share (${articleWords.length} distinct words in the article)`,
			`${written.share.toFixed(3)} ms`,
			`${other.share.toFixed(3)} ms`
		],
		[
			'together',
			`${(written.read + written.share).toFixed(2)} ms`,
			`${(other.read + other.share).toFixed(2)} ms`
		]
	]);
	console.log(`  (share of the article known with this store: ${(written.result * 100).toFixed(1)} %)`);
}
