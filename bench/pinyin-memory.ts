/**
 * Child process of bench/pinyin.ts: loads the pinyin engine (argument `engine`) or not (`none`), annotates one
 * sentence with it, and prints its memory (after a collection, when run with --expose-gc) as JSON.
 */
export {}; // a module, for the top-level await

const withEngine = process.argv[2] === 'engine';
if (withEngine) {
	const { loadPinyinEngine } = await import('$lib/server/pinyin');
	loadPinyinEngine().read('今年前三季度，全区实现地区生产总值1856.6亿元。');
}
(globalThis as { gc?: () => void }).gc?.();
const m = process.memoryUsage();
console.log(JSON.stringify({ rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers }));
