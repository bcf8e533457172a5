/**
 * The disambiguation model: per polyphonic character, a linear score for each candidate reading over the context
 * features (features.ts), plus shared weights for what the other sources say (pinyin-pro's reading, the reading
 * CC-CEDICT gives the character in its word). Trained as an averaged perceptron by build-tools/pinyin/train.ts.
 */

/** What the other sources say about one character, as the model weighs it. */
export interface Evidence {
	/** pinyin-pro's reading in the sentence (numbered), or null. */
	base: string | null;
	/** Readings CC-CEDICT gives this character in its segmenter word (words of two or more characters), or null. */
	word: readonly string[] | null;
}

/** One character's weights: its readings, and per feature one weight per reading (same order). */
export interface CharModel {
	y: string[];
	f: Record<string, number[]>;
}

/** The model as stored in the generated JSON. */
export interface PinyinModel {
	/** Weights of the evidence features, shared by all characters. */
	g: Record<string, number>;
	/** Per-character models. */
	c: Record<string, CharModel>;
	/** A reading counts as sure when its score leads the next by at least this margin. */
	margin: number;
}

/** The evidence features that hold for candidate `y` (names are keys of PinyinModel.g). */
export function evidenceFeatures(y: string, e: Evidence): string[] {
	const out: string[] = [];
	if (y === e.base) out.push('pp');
	if (e.word) {
		if (e.word.includes(y)) out.push(e.word.length === 1 ? 'cwu' : 'cw');
		else out.push('cwx');
		if (y === e.base && e.word.includes(y)) out.push('both');
	}
	return out;
}

/** The candidate readings of a character: those the model knows, pinyin-pro's, CC-CEDICT's in its word. */
export function candidates(known: readonly string[] | undefined, e: Evidence): string[] {
	const set = new Set<string>(known ?? []);
	if (e.base) set.add(e.base);
	for (const y of e.word ?? []) set.add(y);
	return [...set];
}

/** A model ready for scoring: per character its readings and a Map from feature to weights. */
export interface CompiledModel {
	g: Record<string, number>;
	c: Map<string, { y: string[]; f: Map<string, number[]> }>;
	margin: number;
}

/** Turn the stored model into Maps (property lookups on objects with thousands of keys are slow). */
export function compileModel(model: PinyinModel): CompiledModel {
	const c = new Map<string, { y: string[]; f: Map<string, number[]> }>();
	for (const [char, cm] of Object.entries(model.c))
		c.set(char, { y: cm.y, f: new Map(Object.entries(cm.f)) });
	return { g: model.g, c, margin: model.margin };
}

/** Scores of each candidate, best first. */
export function scoreReadings(
	model: CompiledModel,
	char: string,
	features: readonly string[],
	e: Evidence
): { y: string; score: number }[] {
	const cm = model.c.get(char);
	const ys = candidates(cm?.y, e);
	// Each feature's weights looked up once, then read for every candidate.
	const rows: number[][] = [];
	if (cm)
		for (const f of features) {
			const row = cm.f.get(f);
			if (row) rows.push(row);
		}
	const scored = ys.map((y) => {
		let score = 0;
		for (const g of evidenceFeatures(y, e)) score += model.g[g] ?? 0;
		const k = cm ? cm.y.indexOf(y) : -1;
		if (k >= 0) for (const row of rows) score += row[k] ?? 0;
		return { y, score };
	});
	return scored.sort((a, b) => b.score - a.score);
}
