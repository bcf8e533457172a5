import { describe, expect, it } from 'vitest';
import {
	RECENT_LIMITS,
	RECENT_TEXTS_KEY,
	forgetAll,
	forgetText,
	parseRecent,
	readRecent,
	recentTitle,
	rememberText,
	withText,
	type RecentText
} from './recent-texts';

/** localStorage in memory, full past `capacity` characters as a browser's is past its quota. */
function memoryStorage(capacity = Infinity) {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (k: string) => items.get(k) ?? null,
		setItem(k: string, value: string) {
			if (value.length > capacity) throw new DOMException('full', 'QuotaExceededError');
			items.set(k, value);
		},
		removeItem: (k: string) => void items.delete(k)
	};
}

const entry = (text: string, minute = 0): RecentText => ({
	text,
	title: recentTitle(text),
	characters: text.length,
	readAt: new Date(Date.UTC(2026, 11, 3, 12, minute)).toISOString()
});

describe('recent texts', () => {
	it('keeps the newest first, and moves a text read again to the top instead of keeping it twice', () => {
		const storage = memoryStorage();
		expect(rememberText(entry('潮起东海', 1), storage)).toBe(true);
		expect(rememberText(entry('奔竞不息', 2), storage)).toBe(true);
		expect(rememberText(entry('潮起东海', 3), storage)).toBe(true);
		const state = readRecent(storage);
		expect(state).toEqual({ kind: 'texts', texts: [entry('潮起东海', 3), entry('奔竞不息', 2)] });
	});

	it(`keeps at most ${RECENT_LIMITS.texts} texts and ${RECENT_LIMITS.characters.toLocaleString('en')} characters, the oldest going first`, () => {
		let texts: RecentText[] = [];
		for (let i = 0; i < 15; i++) texts = withText(texts, entry(`第${i}篇`, i));
		expect(texts.map((t) => t.text)).toEqual(
			Array.from({ length: RECENT_LIMITS.texts }, (_, i) => `第${14 - i}篇`)
		);
		const long = (c: string) => c.repeat(50_000);
		texts = [];
		for (const c of ['甲', '乙', '丙', '丁', '戊']) texts = withText(texts, entry(long(c)));
		expect(texts.map((t) => t.text[0])).toEqual(['戊', '丁', '丙', '乙']);
		// The newest is kept even alone past the limit.
		expect(withText(texts, entry('己'.repeat(RECENT_LIMITS.characters + 1))).map((t) => t.text[0])).toEqual([
			'己'
		]);
	});

	it('drops the oldest texts while the browser says it is full, and says so when not even the newest fits', () => {
		const storage = memoryStorage(250);
		for (let i = 0; i < 3; i++) expect(rememberText(entry(`文本${i}`, i), storage)).toBe(true);
		const kept = readRecent(storage);
		expect(kept.kind).toBe('texts');
		if (kept.kind === 'texts') {
			expect(kept.texts[0]!.text).toBe('文本2');
			expect(kept.texts.length).toBeLessThan(3);
		}
		expect(rememberText(entry('长'.repeat(300)), storage)).toBe(false);
		expect(readRecent(storage)).toEqual(kept);
	});

	it('never writes over a damaged value, and removes it only when asked', () => {
		for (const raw of ['{not json', '{"version":2,"texts":[]}', '{"version":1,"texts":[{"text":""}]}']) {
			const storage = memoryStorage();
			storage.setItem(RECENT_TEXTS_KEY, raw);
			expect(readRecent(storage)).toEqual({ kind: 'damaged' });
			expect(rememberText(entry('潮起东海'), storage)).toBe(false);
			expect(forgetText(entry('潮起东海').readAt, storage)).toBe(false);
			expect(storage.items.get(RECENT_TEXTS_KEY)).toBe(raw);
			forgetAll(storage);
			expect(readRecent(storage)).toEqual({ kind: 'texts', texts: [] });
		}
	});

	it('forgets one text, and removes the key with the last', () => {
		const storage = memoryStorage();
		rememberText(entry('潮起东海', 1), storage);
		rememberText(entry('奔竞不息', 2), storage);
		expect(forgetText(entry('潮起东海', 1).readAt, storage)).toBe(true);
		expect(readRecent(storage)).toEqual({ kind: 'texts', texts: [entry('奔竞不息', 2)] });
		expect(forgetText(entry('奔竞不息', 2).readAt, storage)).toBe(true);
		expect(storage.items.has(RECENT_TEXTS_KEY)).toBe(false);
	});

	it('says when there is no storage at all', () => {
		expect(readRecent(undefined)).toEqual({ kind: 'unavailable' });
		expect(rememberText(entry('潮起东海'), undefined)).toBe(false);
	});

	it('titles a text by its first line as written, on one line and cut to the limit', () => {
		expect(recentTitle('北仑紧扣“六促六优”\n正文')).toBe('北仑紧扣“六促六优”');
		expect(recentTitle('\n  第一行 \u3000 第二段  \n第二行')).toBe('第一行 第二段');
		const long = recentTitle('字'.repeat(500));
		expect([...long]).toHaveLength(RECENT_LIMITS.titleCharacters);
		expect(long.endsWith('…')).toBe(true);
		expect(parseRecent(null)).toEqual({ kind: 'texts', texts: [] });
	});
});
