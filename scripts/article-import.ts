/**
 * Import an article from a file into the database (DATABASE_URL, or DATA_DIR's SQLite file), as /articles/new does (the same pipeline and the same
 * save, in one transaction), without the structure preview: detection is taken as it is.
 *
 *   npm run article:import -- [--slug S] [--title T] [--source 来源] [--date 日期] [--publish] FILE
 *
 * FILE is .txt (UTF-8, UTF-16 or GB18030/GBK, detected), .docx or .html. The slug defaults to one made from the
 * file name; --title replaces the detected title (Chinese); --source and --date default to the file name and
 * today's date in Chinese. A running server shows the article at once (drafts to signed-in accounts only,
 * until published). Exit codes: 0 saved, 1 refused (bad input, slug taken), 2 usage.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { previewText, savePreview, textOfFile } from '../src/lib/server/articles/import';
import { previewProblems } from '../src/lib/articles/preview';
import { getDb } from '../src/lib/server/db/index';
import { withDatabase } from '../src/lib/server/db/script';

const USAGE =
	'usage: npm run article:import -- [--slug S] [--title T] [--source 来源] [--date 日期] [--publish] FILE';

/** English messages for the problems /articles/new names in the interface language. */
const MESSAGES: Record<string, string> = {
	empty: 'the file holds no text',
	noChinese: 'the text holds no Chinese characters',
	tooLong: 'the text is longer than 50,000 characters; import it in parts',
	fileTooLarge: 'the file is larger than 2 MB',
	unsupported: 'only .txt, .docx and .html files can be imported',
	binary: 'the file is not text: it could not be read as UTF-8, UTF-16 or GBK',
	unreadable: 'the file could not be opened as a Word document (.docx)',
	slugEmpty: 'give a slug with --slug (the file name gives none)',
	slugForm:
		'the slug may hold only lowercase letters, digits and single hyphens (no spaces, capitals, / or .)',
	slugTooLong: 'the slug is longer than 80 characters',
	noTitle: 'no title was detected; give one with --title',
	twoTitles: 'two titles were detected',
	noBody: 'the article has no paragraphs',
	sourceZh: 'give the source in Chinese with --source',
	dateZh: 'give the date in Chinese with --date',
	bylineEn: 'the English credits hold Chinese characters'
};

/** The curated articles' slugs (content/articles/*.yaml), which an imported article may not take. */
function curatedSlugs(): Set<string> {
	try {
		return new Set(
			readdirSync(join(process.cwd(), 'content/articles'))
				.filter((f) => f.endsWith('.yaml'))
				.map((f) => f.slice(0, -5))
		);
	} catch {
		return new Set();
	}
}

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				slug: { type: 'string' },
				title: { type: 'string' },
				source: { type: 'string' },
				date: { type: 'string' },
				publish: { type: 'boolean' }
			}
		});
	} catch {
		console.error(USAGE);
		return 2;
	}
	const [file, ...rest] = args.positionals;
	if (!file || rest.length) {
		console.error(USAGE);
		return 2;
	}
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(file);
	} catch (e) {
		console.error(`article:import: cannot read ${file}: ${(e as Error).message}`);
		return 1;
	}
	const name = basename(file);
	const read = await textOfFile(name, bytes);
	if (!read.ok) {
		console.error(`article:import: ${name}: ${MESSAGES[read.problem]}`);
		return 1;
	}
	const built = previewText(read.text, undefined, {
		fileName: name,
		encoding: read.encoding,
		...(args.values.slug !== undefined ? { slug: args.values.slug } : {})
	});
	if (!built.ok) {
		console.error(`article:import: ${name}: ${MESSAGES[built.problem]}`);
		return 1;
	}
	const preview = built.preview;
	const now = new Date();
	preview.meta.sourceZh = args.values.source ?? preview.meta.sourceZh;
	preview.meta.dateZh = args.values.date ?? `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
	if (!preview.meta.sourceZh) preview.meta.sourceZh = `导入文件 ${name}`;
	if (args.values.title !== undefined) {
		const others = preview.blocks.filter((b) => b.kind !== 'title');
		preview.blocks = [{ kind: 'title', sentences: [args.values.title] }, ...others];
	}
	const problems = previewProblems(preview);
	if (problems.length) {
		for (const p of problems)
			console.error(`article:import: ${'block' in p ? `block ${p.block + 1}: ` : ''}${MESSAGES[p.code]}`);
		return 1;
	}
	const taken = curatedSlugs();
	return withDatabase('article:import', async () => {
		const db = await getDb();
		const result = await savePreview(
			preview,
			{ createdBy: null, publish: args.values.publish === true, taken: (s) => taken.has(s) || s === 'new' },
			db
		);
		if (!result.ok) return 1;
		const { saved } = result;
		console.log(
			`Imported "${saved.slug}" (${saved.characters} Chinese characters${read.encoding ? `, ${read.encoding}` : ''}) into ${db.location}; ${saved.publishedAt ? 'published' : 'a draft: an editor publishes it at /articles/' + saved.slug}`
		);
		return 0;
	});
}

process.exitCode = await main(process.argv.slice(2));
