import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SLUG, article } from './content';
import { openReaderTool } from './helpers';

const READER = `/articles/${SLUG}`;
const segments = article.blocks.flatMap((b) => ('segments' in b ? b.segments : []));
const zh = (id: string) => segments.find((s) => s.id === id)!.zh;

/**
 * A stand-in for the browser's speech synthesis, installed before the page's script runs: it lists the given
 * voices and speaks nothing. An utterance starts at once and ends only when the test calls
 * window.fakeSpeech.finish() (never while paused), so the test steps through the reading sentence by sentence.
 */
async function fakeSpeech(page: Page, voices: { lang: string; name: string }[]) {
	await page.addInitScript((list) => {
		class FakeUtterance extends EventTarget {
			text: string;
			lang = '';
			rate = 1;
			pitch = 1;
			volume = 1;
			voice: unknown = null;
			constructor(text = '') {
				super();
				this.text = text;
			}
		}
		class FakeSynthesis extends EventTarget {
			paused = false;
			speaking = false;
			pending = false;
			spoken: { text: string; rate: number; lang: string }[] = [];
			private queue: FakeUtterance[] = [];
			private current: FakeUtterance | null = null;
			getVoices() {
				return list.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false }));
			}
			speak(u: FakeUtterance) {
				this.spoken.push({ text: u.text, rate: u.rate, lang: u.lang });
				this.queue.push(u);
				if (!this.current) this.next();
			}
			private next() {
				const u = this.queue.shift() ?? null;
				this.current = u;
				this.speaking = !!u;
				if (u) setTimeout(() => u.dispatchEvent(new Event('start')));
			}
			/** End the utterance being spoken (as the real engine does when it reaches the end). */
			finish() {
				const u = this.current;
				if (!u || this.paused) return false;
				this.current = null;
				u.dispatchEvent(new Event('end'));
				if (!this.current) this.next();
				return true;
			}
			cancel() {
				const u = this.current;
				this.queue = [];
				this.current = null;
				this.speaking = false;
				this.paused = false;
				if (u) u.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
			}
			pause() {
				this.paused = true;
			}
			resume() {
				this.paused = false;
			}
		}
		const synth = new FakeSynthesis();
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
		Object.defineProperty(window, 'fakeSpeech', { value: synth });
	}, voices);
}

type Fake = { finish(): boolean; paused: boolean; spoken: { text: string; rate: number; lang: string }[] };
const finish = (page: Page) =>
	page.evaluate(() => (window as unknown as { fakeSpeech: Fake }).fakeSpeech.finish());
const spoken = (page: Page) =>
	page.evaluate(() => (window as unknown as { fakeSpeech: Fake }).fakeSpeech.spoken);
const isPaused = (page: Page) =>
	page.evaluate(() => (window as unknown as { fakeSpeech: Fake }).fakeSpeech.paused);

const listen = (page: Page) => page.getByRole('region', { name: 'Listen' });
const speaking = (page: Page) => page.locator('.zh .is-speaking');

test.describe('reading aloud', () => {
	test('this browser has no Chinese voice: the controls say so plainly', async ({ page }) => {
		// Headless Chromium here has speech synthesis but no voices at all.
		await page.goto(READER);
		await openReaderTool(page, 'Listen');
		const controls = listen(page);
		await expect(controls).toBeVisible();
		await expect(controls.getByRole('status')).toHaveText(/no Chinese \(Mandarin\) voice/, {
			timeout: 10_000
		});
		await expect(controls.getByRole('button', { name: 'Read aloud' })).toBeDisabled();
	});

	test('voices for other languages only: the same message', async ({ page }) => {
		await fakeSpeech(page, [{ lang: 'en-US', name: 'English' }]);
		await page.goto(READER);
		await openReaderTool(page, 'Listen');
		await expect(listen(page).getByRole('status')).toHaveText(/no Chinese \(Mandarin\) voice/);
		await expect(listen(page).getByRole('button', { name: 'Read this sentence' })).toBeDisabled();
	});

	test('without JavaScript the controls stay hidden', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(READER);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(listen(page)).toBeHidden();
		await context.close();
	});

	test('the article is read sentence by sentence, highlighted; pause, resume, speed, stop', async ({
		page
	}) => {
		await fakeSpeech(page, [
			{ lang: 'en-US', name: 'English' },
			{ lang: 'zh-TW', name: 'Taiwan' },
			{ lang: 'zh-CN', name: 'Mandarin' }
		]);
		await page.goto(READER);
		await openReaderTool(page, 'Listen');
		const controls = listen(page);
		await controls.getByRole('button', { name: 'Read aloud' }).click();
		await expect(controls.getByRole('status')).toHaveText('Reading aloud…');
		// The title first, highlighted with its translation.
		await expect(speaking(page)).toHaveAttribute('data-seg', 'title');
		await expect(page.locator('.en [data-seg="title"]')).toHaveClass(/is-speaking/);
		expect((await spoken(page))[0]).toEqual({ text: article.title.zh, rate: 1, lang: 'zh-CN' });

		expect(await finish(page)).toBe(true);
		await expect(speaking(page)).toHaveAttribute('data-seg', 'subtitle');
		await expect(page.locator('.is-speaking')).toHaveCount(2);
		const scan = await new AxeBuilder({ page }).include('[data-audio]').analyze();
		expect(scan.violations.map((v) => v.id)).toEqual([]);

		await controls.getByRole('button', { name: 'Pause' }).click();
		await expect(controls.getByRole('status')).toHaveText('Paused.');
		expect(await isPaused(page)).toBe(true);
		expect(await finish(page)).toBe(false);
		await expect(speaking(page)).toHaveAttribute('data-seg', 'subtitle');

		await controls.getByRole('button', { name: 'Resume' }).click();
		await expect(controls.getByRole('status')).toHaveText('Reading aloud…');
		expect(await isPaused(page)).toBe(false);
		expect(await finish(page)).toBe(true);
		// Then the byline (a segment like any other), and on into the text.
		await expect(speaking(page)).toHaveAttribute('data-seg', 'byline');

		// A new speed applies at once: the current sentence is said again, faster.
		await controls.getByRole('slider', { name: /Speed/ }).fill('1.5');
		await expect(controls.locator('[data-rate-value]')).toHaveText('1.5×');
		await expect
			.poll(async () => (await spoken(page)).at(-1))
			.toEqual({ text: article.byline!.zh, rate: 1.5, lang: 'zh-CN' });
		await expect(speaking(page)).toHaveAttribute('data-seg', 'byline');

		await controls.getByRole('button', { name: 'Stop' }).click();
		await expect(controls.getByRole('status')).toHaveText('Stopped.');
		await expect(page.locator('.is-speaking')).toHaveCount(0);
		await expect(controls.getByRole('button', { name: 'Pause' })).toBeDisabled();
	});

	test('this sentence and this paragraph: from the focused sentence, by button or key', async ({ page }) => {
		await fakeSpeech(page, [{ lang: 'zh-CN', name: 'Mandarin' }]);
		await page.goto(READER);
		await openReaderTool(page, 'Listen');
		const controls = listen(page);

		await controls.getByRole('button', { name: 'Read this sentence' }).click();
		await expect(controls.getByRole('status')).toHaveText(/First click or focus a Chinese sentence/);

		await page.locator('.zh [data-seg="p3-2"]').focus();
		await controls.getByRole('button', { name: 'Read this sentence' }).click();
		await expect(speaking(page)).toHaveAttribute('data-seg', 'p3-2');
		expect(await finish(page)).toBe(true);
		await expect(controls.getByRole('status')).toHaveText('Finished reading.');
		await expect(page.locator('.is-speaking')).toHaveCount(0);
		expect((await spoken(page)).map((s) => s.text)).toEqual([zh('p3-2')]);

		await controls.getByRole('button', { name: 'Read this paragraph' }).click();
		await expect(speaking(page)).toHaveAttribute('data-seg', 'p3-1');
		expect(await finish(page)).toBe(true);
		await expect(speaking(page)).toHaveAttribute('data-seg', 'p3-2');
		expect(await finish(page)).toBe(true);
		await expect(controls.getByRole('status')).toHaveText('Finished reading.');

		// The keyboard: R on a focused sentence reads it.
		const sentence = page.locator('.zh [data-seg="p4-1"]');
		await sentence.focus();
		await page.keyboard.press('r');
		await expect(speaking(page)).toHaveAttribute('data-seg', 'p4-1');
		expect((await spoken(page)).at(-1)?.text).toBe(zh('p4-1'));
		await expect(controls).toContainText('press R to hear it');
	});
});
