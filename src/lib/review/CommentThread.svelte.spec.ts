/**
 * A review component as reviewers get it: CommentThread rendered with the real interface catalog, on a segment
 * of the real article's workspace (built in Node), in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { translator } from '$lib/i18n';
import { renderInLocale } from '$lib/i18n/testing/render';
import CommentThread from './CommentThread.svelte';
import type { ReviewSegment } from './workspace-model';

declare module 'vitest/browser' {
	interface BrowserCommands {
		reviewTestSegments: (slug: string) => Promise<ReviewSegment[]>;
	}
}

async function segment(comments: ReviewSegment['comments']): Promise<ReviewSegment> {
	const segments = await commands.reviewTestSegments('beilun-liucu-liuyou');
	return { ...segments[2]!, comments };
}

describe('CommentThread', () => {
	it('shows a comment holding HTML as text, with its author and time, in the interface language', async () => {
		const t = translator('zh-CN');
		const body = '<img src=x onerror="window.hacked = 1"> looks <b>fine</b>';
		const s = await segment([{ id: 7, author: 'ann', body, createdAt: '2026-12-01T09:30:00.000Z' }]);
		const screen = await renderInLocale('zh-CN', CommentThread, { segment: s });
		await expect
			.element(screen.getByRole('heading', { name: t('review.comments.title', { count: 1 }) }))
			.toBeVisible();
		const item = screen.getByRole('listitem');
		await expect.element(item).toHaveTextContent(body);
		await expect.element(item).toHaveTextContent('ann · 2026-12-01 09:30 UTC');
		expect(screen.container.querySelector('img, b')).toBeNull();
		expect((window as { hacked?: number }).hacked).toBeUndefined();
	});

	it('posts a new comment to its segment', async () => {
		const t = translator('en');
		const s = await segment([]);
		const screen = await renderInLocale('en', CommentThread, { segment: s });
		await expect.element(screen.getByRole('list')).not.toBeInTheDocument();
		await expect.element(screen.getByRole('textbox', { name: t('review.comments.add') })).toBeVisible();
		const form = screen.container.querySelector('form')!;
		expect(form.getAttribute('action')).toBe(`?/comment&segment=${s.id}`);
		expect(new FormData(form).get('segmentId')).toBe(s.id);
		await expect.element(screen.getByRole('button', { name: t('review.comments.submit') })).toBeVisible();
	});
});
