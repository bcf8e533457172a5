import { describe, expect, it } from 'vitest';
import { etagMatches, strongEtag } from './public-cache';

describe('validators of public responses', () => {
	const bytes = new TextEncoder().encode('<p>港城</p>');

	it('a strong ETag is the hash of the bytes: the same bytes the same tag, others another', () => {
		expect(strongEtag(bytes)).toMatch(/^"[\w-]{32}"$/);
		expect(strongEtag(bytes)).toBe(strongEtag(new TextEncoder().encode('<p>港城</p>')));
		expect(strongEtag(new TextEncoder().encode('<p>港口</p>'))).not.toBe(strongEtag(bytes));
		expect(strongEtag(bytes, '-gzip')).toBe(strongEtag(bytes).replace(/"$/, '-gzip"'));
	});

	it('If-None-Match matches its tag in a list, weak or strong, or *', () => {
		const tag = strongEtag(bytes);
		expect(etagMatches(tag, tag)).toBe(true);
		expect(etagMatches(`"other", W/${tag}`, tag)).toBe(true);
		expect(etagMatches('*', tag)).toBe(true);
		expect(etagMatches('"other"', tag)).toBe(false);
		expect(etagMatches(null, tag)).toBe(false);
	});
});
