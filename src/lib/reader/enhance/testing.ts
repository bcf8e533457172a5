/** Helpers for the browser tests of the reader's script (not bundled: only *.browser.spec.ts import this). */
import { commands } from 'vitest/browser';
import type { ReaderTestPage } from '$lib/server/reader/test-page';

declare module 'vitest/browser' {
	interface BrowserCommands {
		readerTestPage: (slug: string, blocks: number) => Promise<ReaderTestPage>;
	}
}

/** The real article's first `blocks` paragraphs, rendered into a fresh `article.reader`, and its word data. */
export async function mountReader(
	blocks = 3
): Promise<{ article: HTMLElement; data: ReaderTestPage['data'] }> {
	const page = await commands.readerTestPage('beilun-liucu-liuyou', blocks);
	document.querySelectorAll('article.reader').forEach((el) => el.remove());
	const article = document.createElement('article');
	article.className = 'reader';
	article.innerHTML = page.html;
	document.body.append(article);
	return { article, data: page.data };
}
