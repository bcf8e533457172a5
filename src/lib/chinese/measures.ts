/**
 * Chinese measure words (classifiers) and units, for the two places that need to know what follows a number:
 * the segmenter keeps a number with its unit (47.46万平方米 is one word) and QA takes a Chinese numeral before a
 * measure word for a count (三期, 六个). The lists differ on purpose where noted. Pure: no imports.
 */

/** Measure words and units both lists hold. */
const COMMON = [...'个项家名位条件次年日天周岁元亩米吨倍期批座所支台辆栋块层届篇人户种类套张份本只'];

/**
 * Measure words (and nouns used as measure words) after which a Chinese numeral is a count: 三期, 六个, 两年,
 * 五星(级), 三大. Deliberately absent: 分 (十分 "very"), 方 (四面八方), 成, 点.
 */
export const COUNTING_MEASURE_WORDS: ReadonlySet<string> = new Set([
	...COMMON,
	...'场轮艘架处片级季星大章节间包'
]);

/** Measure words and units that stay with a preceding number in segmentation, longest first ("1856.6亿元"). */
export const NUMBER_UNITS: readonly string[] = [
	'平方公里',
	'平方米',
	'立方米',
	'公里',
	'千米',
	'公顷',
	'小时',
	'分钟',
	'美元',
	'港元',
	'公斤',
	...COMMON,
	// Units and counters after digits only: 3月, 5号, 2点 and 3成 (tenths) read as numbers here.
	...'月号页股秒点成里斤克度'
];
