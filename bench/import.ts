/**
 * Importing a 20,000-character .docx end to end, over HTTP as an editor's browser does it: upload the file to
 * /articles/new (read, detected, stored as a preview), open the structure preview, confirm it with a slug, source
 * and date (saved in one transaction), and open the new article in the reader (annotated on its first request).
 * Median of 3 imports of the same file under different slugs. Figures only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { hanChars } from '$lib/chinese';
import { addReviewer } from '$lib/server/auth/index';
import { openDatabase } from '$lib/server/db/index';
import { ROOT, kb, median, signIn, table } from './lib';

const CHARACTERS = 20_000;
const RUNS = 3;

/** A .docx of the seed's paragraphs, repeated until it holds `characters` Chinese characters. */
async function reportDocx(characters: number): Promise<Buffer> {
	const seed = readFileSync(join(ROOT, 'src/lib/import/testdata/beilun-seed.txt'), 'utf8');
	const paragraphs = seed
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
	const out: string[] = [];
	let count = 0;
	for (let i = 0; count < characters; i++) {
		const p = paragraphs[i % paragraphs.length]!;
		out.push(p);
		count += hanChars(p).length;
	}
	const doc = new Document({ sections: [{ children: out.map((text) => new Paragraph({ text })) }] });
	return Buffer.from(await Packer.toBuffer(doc));
}

export async function benchImport(server: { url: string; dataDir: string }): Promise<void> {
	const { url } = server;
	const db = await openDatabase(join(server.dataDir, 'app.sqlite'));
	await addReviewer('bench-editor', 'bench editor passphrase', db, 'editor');
	await db.close();
	const cookie = await signIn(url, 'bench-editor', 'bench editor passphrase');
	const docx = await reportDocx(CHARACTERS);
	// As a browser sends them: a form post that asks for HTML gets the redirect (not the action's JSON).
	const headers = { cookie, origin: url, accept: 'text/html' };

	const steps: Record<'upload' | 'preview' | 'confirm' | 'reader' | 'total', number[]> = {
		upload: [],
		preview: [],
		confirm: [],
		reader: [],
		total: []
	};
	for (let run = 0; run < RUNS; run++) {
		const timed = async <T>(step: keyof typeof steps, fn: () => Promise<T>): Promise<T> => {
			const started = performance.now();
			const out = await fn();
			steps[step].push(performance.now() - started);
			return out;
		};
		const started = performance.now();
		const form = new FormData();
		form.set('text', '');
		form.set('file', new Blob([new Uint8Array(docx)]), 'report.docx');
		const uploaded = await timed('upload', () =>
			fetch(`${url}/articles/new`, { method: 'POST', body: form, headers, redirect: 'manual' })
		);
		const previewPath = uploaded.headers.get('location');
		if (uploaded.status !== 303 || !previewPath?.startsWith('/articles/new/'))
			throw new Error(`the upload was refused (${uploaded.status})`);
		const preview = await timed('preview', async () => {
			const response = await fetch(`${url}${previewPath}`, { headers });
			return { status: response.status, html: await response.text() };
		});
		if (preview.status !== 200) throw new Error(`the preview did not open (${preview.status})`);
		const slug = `bench-import-${run}`;
		const confirmed = await timed('confirm', () =>
			fetch(`${url}${previewPath}?/confirm`, {
				method: 'POST',
				headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ slug, sourceZh: '北仑区人民政府', dateZh: '2022年末' }),
				redirect: 'manual'
			})
		);
		if (confirmed.status !== 303 || confirmed.headers.get('location') !== `/articles/${slug}`)
			throw new Error(`the import was not saved (${confirmed.status})`);
		const reader = await timed('reader', async () => {
			const response = await fetch(`${url}/articles/${slug}`, { headers });
			return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
		});
		if (reader.status !== 200) throw new Error(`the new article did not open (${reader.status})`);
		steps.total.push(performance.now() - started);
	}
	console.log(
		`\nImporting a .docx of ${CHARACTERS.toLocaleString('en')} Chinese characters (${kb(docx.byteLength)}) end to end, as an editor (median of ${RUNS})`
	);
	table([
		['upload and detect', 'open the preview', 'confirm (save)', 'first reader page', 'total'],
		[
			...(['upload', 'preview', 'confirm', 'reader', 'total'] as const).map(
				(step) => `${median(steps[step]).toFixed(0)} ms`
			)
		]
	]);
}
