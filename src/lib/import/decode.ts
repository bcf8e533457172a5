/**
 * Bytes of a text file to text: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one, strict UTF-8, then
 * GB18030 (which includes GBK and GB2312). Says which encoding was used. Pure (TextDecoder only).
 */

/** The encodings a text file may be in, as TextDecoder labels. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
	{ ok: true; text: string; encoding: TextEncodingName; bom: boolean } | { ok: false; reason: 'binary' };

/** Control characters other than tab, line feed, form feed and carriage return: a sign of a binary file. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000E-\u001F]/g;

function strict(encoding: TextEncodingName, bytes: Uint8Array): string | undefined {
	try {
		return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

/** Whether decoded text looks like a binary file read as text (NULs or many control characters). */
export function looksBinary(text: string): boolean {
	if (text.includes('\u0000')) return true;
	const controls = text.match(BINARY)?.length ?? 0;
	return controls > Math.max(2, text.length / 1000);
}

/** Decode a text file's bytes, detecting the encoding. */
export function decodeText(bytes: Uint8Array): DecodeResult {
	const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
	let found: { text: string | undefined; encoding: TextEncodingName; bom: boolean };
	if (starts(0xef, 0xbb, 0xbf))
		found = { text: strict('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
	else if (starts(0xff, 0xfe))
		found = { text: strict('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
	else if (starts(0xfe, 0xff))
		found = { text: strict('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
	else {
		const utf8 = strict('utf-8', bytes);
		found =
			utf8 !== undefined
				? { text: utf8, encoding: 'utf-8', bom: false }
				: { text: strict('gb18030', bytes), encoding: 'gb18030', bom: false };
	}
	if (found.text === undefined || looksBinary(found.text)) return { ok: false, reason: 'binary' };
	return { ok: true, text: found.text, encoding: found.encoding, bom: found.bom };
}
