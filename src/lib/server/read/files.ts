/**
 * Uploaded files reduced to plain text with their block structure (one block per paragraph, heading, list item
 * or caption, separated by blank lines), which the pipeline then reads like pasted text. Nothing in a file is
 * ever run or kept as markup: HTML is parsed (node-html-parser) and only its text nodes survive, so scripts,
 * styles, event handlers and javascript: links are dropped with the elements and attributes that carry them;
 * .docx goes through mammoth to HTML and the same reduction.
 */
import mammoth from 'mammoth';
import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { decodeText, type TextEncodingName } from '$lib/import';

/** The file kinds /read opens. */
export type FileKind = 'txt' | 'docx' | 'html';

export type FileText =
	| { ok: true; text: string; kind: FileKind; encoding?: TextEncodingName }
	| { ok: false; reason: 'unsupported' | 'binary' | 'unreadable' };

/** Elements whose content is never text to read. */
const DROPPED = new Set([
	'script',
	'style',
	'noscript',
	'template',
	'iframe',
	'object',
	'embed',
	'svg',
	'math',
	'head',
	'title',
	'button',
	'select',
	'textarea',
	'canvas',
	'video',
	'audio'
]);
/** Elements that end a block of text. */
const BLOCKS = new Set([
	'p',
	'div',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'figcaption',
	'blockquote',
	'tr',
	'section',
	'article',
	'header',
	'footer',
	'aside',
	'figure',
	'dt',
	'dd',
	'pre',
	'table',
	'ul',
	'ol',
	'main',
	'nav',
	'caption',
	'address'
]);

/** The text of an HTML document, a blank line between blocks (a `<br>` is a line break within one). */
export function htmlToText(html: string): string {
	// The doctype would come through as text.
	const root = parse(html.replace(/<!doctype[^>]*>/gi, ''), {
		comment: false,
		blockTextElements: { script: false, style: false, noscript: false, pre: true }
	});
	const out: string[] = [];
	let line = '';
	const endBlock = () => {
		const text = line.replace(/[ \t\f\v\r\n]+/g, ' ').trim();
		if (text) out.push(text);
		line = '';
	};
	const walk = (node: Node) => {
		if (node.nodeType === NodeType.TEXT_NODE) {
			line += node.text; // entities decoded
			return;
		}
		if (node.nodeType !== NodeType.ELEMENT_NODE) return;
		const tag = (node as HTMLElement).rawTagName?.toLowerCase() ?? '';
		if (DROPPED.has(tag)) return;
		if (tag === 'br') {
			endBlock();
			return;
		}
		const block = BLOCKS.has(tag);
		if (block) endBlock();
		for (const child of node.childNodes) walk(child);
		if (block) endBlock();
	};
	walk(root);
	endBlock();
	return out.join('\n\n');
}

/** What kind of file this is, by its name's extension. */
export function fileKind(name: string): FileKind | undefined {
	const ext = name.toLowerCase().split('.').pop();
	if (ext === 'txt' || ext === 'text') return 'txt';
	if (ext === 'docx') return 'docx';
	if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
	return undefined;
}

/** The text of an uploaded file. Never throws: a damaged or disguised file is a reason, not an error. */
export async function fileToText(name: string, bytes: Uint8Array): Promise<FileText> {
	const kind = fileKind(name);
	if (!kind) return { ok: false, reason: 'unsupported' };
	if (kind === 'docx') {
		// A .docx is a zip: anything else renamed .docx is refused before mammoth sees it.
		if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: false, reason: 'unreadable' };
		try {
			const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
			return { ok: true, kind, text: htmlToText(value) };
		} catch {
			return { ok: false, reason: 'unreadable' };
		}
	}
	const decoded = decodeText(bytes);
	if (!decoded.ok) return { ok: false, reason: 'binary' };
	return {
		ok: true,
		kind,
		encoding: decoded.encoding,
		text: kind === 'html' ? htmlToText(decoded.text) : decoded.text
	};
}
