/**
 * XLIFF 2.1 (OASIS) for review round trips: export an article with review states and comments, let a CAT tool
 * or reviewer edit the targets and states, then import the file back, all or nothing.
 *
 * Spec decisions:
 * - One <file id="slug"> with canResegment="no" (the article keeps one segment per unit; tools must not split),
 *   one <unit id="segment id"> per segment, one <segment> each.
 * - Status ↔ state: draft ↔ initial, translated ↔ translated, reviewed ↔ reviewed, approved ↔ final, and
 *   rejected ↔ initial with subState "x-review:rejected" (subState is "prefix:value"; it requires an explicit
 *   state, which is always written).
 * - Comments are <note category="comment">; their author and date, which core XLIFF has no attributes for, go in
 *   extension attributes (notes allow attributes from other namespaces). Translator notes on a segment are
 *   <note category="translator-note">. Unit children are in schema order: <notes>, then <segment>.
 * - The review download writes each segment's review version as `review:version` on its <unit> (the core schema
 *   lets <unit> carry attributes of other namespaces: `xs:anyAttribute namespace="##other"`). On import, a unit
 *   whose version is older than the segment's and whose text differs is a conflict (a later save would be lost).
 */
import type { Article } from '$lib/content/schema';
import { resolveState, SOURCE_LANG, TARGET_LANG, type ExportStates } from './model';
import type { ReviewStatus, SegmentStatus } from '$lib/review/status';
import {
	attr,
	buildXml,
	checkWellFormed,
	children,
	compact,
	createParser,
	textOf,
	type Parsed,
	type XmlNode
} from './xml';
import { walkSegments } from '$lib/content/walk';

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
/** Namespace of the extension attributes that carry a comment's author and date. */
export const REVIEW_NAMESPACE = 'urn:bilingual-reader:xliff-review:1';
const REVIEW_PREFIX = 'review';
/** The subState that marks a rejected segment (state="initial"). */
export const REJECTED_SUBSTATE = 'x-review:rejected';

type XliffState = 'initial' | 'translated' | 'reviewed' | 'final';

const STATE_OF: Record<SegmentStatus, XliffState> = {
	untranslated: 'initial',
	draft: 'initial',
	translated: 'translated',
	reviewed: 'reviewed',
	approved: 'final',
	rejected: 'initial'
};

/** The XLIFF state (and subState) for a review status. */
export function xliffState(status: SegmentStatus): { state: XliffState; subState?: string } {
	return status === 'rejected'
		? { state: 'initial', subState: REJECTED_SUBSTATE }
		: { state: STATE_OF[status] };
}

/** The review status for an XLIFF state and subState; undefined for a state XLIFF does not define. */
export function reviewStatus(state: string | undefined, subState?: string): ReviewStatus | undefined {
	switch (state ?? 'initial') {
		case 'initial':
			return subState === REJECTED_SUBSTATE ? 'rejected' : 'draft';
		case 'translated':
			return 'translated';
		case 'reviewed':
			return 'reviewed';
		case 'final':
			return 'approved';
		default:
			return undefined;
	}
}

/** Options of toXliff. */
export interface XliffOptions {
	/**
	 * Each segment's review version (absent = 0), written as `review:version` on its <unit> (units take attributes
	 * from other namespaces), so importing the file later can tell that a segment was saved again meanwhile.
	 */
	versions?: ReadonlyMap<string, number>;
}

/** The attribute (extension namespace) that carries a unit's review version. */
const VERSION_ATTRIBUTE = 'version';

/**
 * XLIFF 2.1 for one article: review states, English and comments from `states`, else the article's; with
 * `versions`, each unit carries the version it was exported at.
 */
export function toXliff(article: Article, states?: ExportStates, options: XliffOptions = {}): string {
	const units = walkSegments(article).map(({ segment }): XmlNode => {
		const state = resolveState(segment, states);
		const notes: XmlNode[] = [];
		if (segment.note) {
			notes.push({ '@_category': 'translator-note', '#text': segment.note.en });
			if (segment.note.zh) notes.push({ '@_category': 'translator-note', '#text': segment.note.zh });
		}
		for (const c of state.comments) {
			notes.push({
				'@_category': 'comment',
				[`@_${REVIEW_PREFIX}:author`]: c.author,
				[`@_${REVIEW_PREFIX}:date`]: c.date,
				'#text': c.body
			});
		}
		// A segment with no English yet can only be "initial" and has no <target>.
		const hasTarget = state.en.length > 0;
		const { state: xs, subState } = hasTarget ? xliffState(state.status) : xliffState('draft');
		return compact({
			'@_id': segment.id,
			[`@_${REVIEW_PREFIX}:${VERSION_ATTRIBUTE}`]: options.versions
				? String(options.versions.get(segment.id) ?? 0)
				: undefined,
			notes: notes.length ? { note: notes } : undefined,
			segment: compact({
				'@_state': xs,
				'@_subState': subState,
				source: segment.zh,
				target: hasTarget ? state.en : undefined
			})
		});
	});

	return buildXml({
		xliff: {
			'@_xmlns': XLIFF_NAMESPACE,
			[`@_xmlns:${REVIEW_PREFIX}`]: REVIEW_NAMESPACE,
			'@_version': '2.1',
			'@_srcLang': SOURCE_LANG,
			'@_trgLang': TARGET_LANG,
			file: { '@_id': article.slug, '@_canResegment': 'no', unit: units }
		}
	});
}

/** One segment's English and status as read from an XLIFF file. */
export interface XliffUpdate {
	segmentId: string;
	en: string;
	status: ReviewStatus;
	/** The review version the unit was exported at, when the file says (`review:version`). */
	baseVersion?: number;
}

export type XliffImport = { ok: true; updates: XliffUpdate[] } | { ok: false; errors: string[] };

// Text kept as written (not trimmed): an unchanged target must compare equal to the English it was exported from.
const parser = createParser(['file', 'group', 'unit', 'segment', 'ignorable', 'notes', 'note'], {
	trimValues: false
});

/** At most this many problems are listed; the rest are counted ("…and 119,950 more"). */
export const MAX_LISTED_ERRORS = 50;

/** The first MAX_LISTED_ERRORS problems, and how many more there are. */
export function listed(errors: string[]): string[] {
	if (errors.length <= MAX_LISTED_ERRORS) return errors;
	const more = errors.length - MAX_LISTED_ERRORS;
	return [...errors.slice(0, MAX_LISTED_ERRORS), `…and ${more.toLocaleString('en')} more`];
}

/** Options of parseXliff. */
export interface XliffImportOptions {
	/** Longest target accepted, in characters (what the review store accepts). */
	maxTargetLength?: number;
}

/** XLIFF 2.x namespaces by major.minor version family: 2.0 and 2.1 share one, 2.2 has its own. */
function expectedNamespace(version: string): string | undefined {
	if (version === '2.0' || version === '2.1') return XLIFF_NAMESPACE;
	if (version === '2.2') return 'urn:oasis:names:tc:xliff:document:2.2';
	return undefined;
}

const primary = (tag: string | undefined) => tag?.toLowerCase().split('-')[0];

/**
 * Source text as compared on import: Unicode NFC with whitespace runs collapsed, since tools may normalise either
 * without changing the text (XLIFF's default xml:space lets them collapse whitespace).
 */
const sameText = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Units of a file or group, including those nested in groups, in document order within each level. */
function collectUnits(node: Parsed): Parsed[] {
	return [...children(node, 'unit'), ...children(node, 'group').flatMap(collectUnits)];
}

/**
 * Read an XLIFF 2 file exported for `article` and return the English and status of every unit in it. Checks:
 * well-formed XML, an XLIFF 2.x root with matching namespace, Chinese source and English target languages, one
 * <file> whose id is the article's slug, known and unique unit ids, one segment per unit, source text unchanged,
 * a plain-text target present, and a defined state. Any error rejects the whole file (no partial updates).
 */
export function parseXliff(
	xml: string,
	article: Article,
	{ maxTargetLength = Infinity }: XliffImportOptions = {}
): XliffImport {
	const fail = (...errors: string[]): XliffImport => ({ ok: false, errors: listed(errors) });
	const checked = checkWellFormed(xml);
	if (!checked.ok) return fail(checked.error);

	let doc: Record<string, Parsed>;
	try {
		doc = parser.parse(checked.xml) as Record<string, Parsed>;
	} catch (e) {
		// checkWellFormed finds what we know makes the parser throw; anything else is still the file's fault.
		return fail(`The file could not be read as XLIFF: ${e instanceof Error ? e.message : String(e)}`);
	}
	const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
	if (rootName !== 'xliff') {
		return fail(`Not an XLIFF file: the root element is <${rootName ?? '?'}>, expected <xliff>.`);
	}
	const root = doc.xliff;
	const version = attr(root, 'version') ?? '';
	if (version.startsWith('1.')) return fail(`XLIFF ${version} is not supported; export the file as XLIFF 2.`);
	const ns = expectedNamespace(version);
	if (!ns) return fail(`Unsupported XLIFF version "${version}"; expected 2.0, 2.1 or 2.2.`);
	if (attr(root, 'xmlns') !== ns) {
		return fail(
			`Not an XLIFF ${version} file: its namespace is "${attr(root, 'xmlns') ?? '(none)'}", expected "${ns}".`
		);
	}

	const errors: string[] = [];
	const srcLang = attr(root, 'srcLang');
	const trgLang = attr(root, 'trgLang');
	if (primary(srcLang) !== 'zh')
		errors.push(`The source language is "${srcLang ?? '(none)'}", expected Chinese (zh-CN).`);
	if (primary(trgLang) !== 'en')
		errors.push(`The target language is "${trgLang ?? '(none)'}", expected English (en).`);

	const files = children(root, 'file');
	if (files.length !== 1) return fail(...errors, `Expected one <file>, found ${files.length}.`);
	const file = files[0];
	const fileId = attr(file, 'id');
	if (fileId !== article.slug) {
		return fail(...errors, `This file is for article "${fileId ?? '(no id)'}", not "${article.slug}".`);
	}

	// The prefix the file binds to our review namespace (a tool may have renamed it), for unit versions.
	const reviewPrefix = Object.entries(typeof root === 'object' && root ? root : {})
		.find(([k, v]) => k.startsWith('@_xmlns:') && v === REVIEW_NAMESPACE)?.[0]
		.slice('@_xmlns:'.length);
	const order = new Map(walkSegments(article).map((r, i) => [r.segment.id, { index: i, zh: r.segment.zh }]));
	const seen = new Set<string>();
	const updates: (XliffUpdate & { index: number })[] = [];
	const units = collectUnits(file);
	if (!units.length) errors.push('The file contains no units.');

	for (const unit of units) {
		const id = attr(unit, 'id') ?? '';
		const known = order.get(id);
		if (!known) {
			errors.push(id ? `unknown segment id ${id}` : 'a unit has no id');
			continue;
		}
		if (seen.has(id)) {
			errors.push(`segment ${id} appears more than once`);
			continue;
		}
		seen.add(id);
		const segments = children(unit, 'segment');
		if (segments.length !== 1) {
			errors.push(
				segments.length
					? `${id} was split into ${segments.length} segments; keep one segment per unit`
					: `${id} has no segment`
			);
			continue;
		}
		const seg = segments[0];
		const source = textOf(children(seg, 'source')[0]);
		if ('markup' in source || sameText(source.text) !== sameText(known.zh)) {
			errors.push(`source of ${id} was changed`);
		}
		const targets = children(seg, 'target');
		const target = targets.length ? textOf(targets[0]) : undefined;
		let en = '';
		if (!target || ('text' in target && !target.text)) errors.push(`target of ${id} is missing`);
		else if ('markup' in target)
			errors.push(`target of ${id} contains inline markup (<${target.markup}>); plain text is expected`);
		else if (target.text.length > maxTargetLength)
			errors.push(
				`target of ${id} is ${target.text.length.toLocaleString('en')} characters long; at most ${maxTargetLength.toLocaleString('en')} are accepted`
			);
		else en = target.text;
		const state = attr(seg, 'state');
		const status = reviewStatus(state, attr(seg, 'subState'));
		if (!status) errors.push(`${id} has an unknown state "${state ?? ''}"`);
		const versionText = reviewPrefix ? attr(unit, `${reviewPrefix}:${VERSION_ATTRIBUTE}`) : undefined;
		const baseVersion = versionText === undefined ? undefined : Number(versionText);
		if (baseVersion !== undefined && !(/^\d{1,9}$/.test(versionText!) && Number.isSafeInteger(baseVersion)))
			errors.push(`${id} has an invalid review version "${versionText}"`);
		else if (status && en)
			updates.push({
				segmentId: id,
				en,
				status,
				index: known.index,
				...(baseVersion === undefined ? {} : { baseVersion })
			});
	}

	if (errors.length) return fail(...errors);
	updates.sort((a, b) => a.index - b.index);
	return { ok: true, updates: updates.map(({ index: _index, ...update }) => update) };
}
