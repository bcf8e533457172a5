import { describe, expect, it } from 'vitest';
import { READER_SCRIPT_URL } from '$lib/server/reader-script';
import { READER_STYLE_PATH, readerStyleUrl } from './stylesheet';

describe('the reader script’s stylesheet address', () => {
	it('carries the script’s own version, so both change together and are cached for good', () => {
		const script = new URL(READER_SCRIPT_URL, 'http://localhost');
		const style = new URL(readerStyleUrl(script.href), 'http://localhost');
		expect(style.pathname).toBe(READER_STYLE_PATH);
		expect(style.searchParams.get('v')).toMatch(/^[0-9a-f]{12}$/);
		expect(style.searchParams.get('v')).toBe(script.searchParams.get('v'));
	});

	it('has no version when the script was asked for without one', () => {
		expect(readerStyleUrl('http://localhost/js/reader.js')).toBe(READER_STYLE_PATH);
	});
});
