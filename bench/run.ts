/**
 * `npm run bench`: builds, starts the production server, and prints the product's performance figures.
 * Figures only: nothing here passes or fails.
 */
import { benchReader } from './reader';
import { benchReview } from './review';
import { benchLearner } from './learner';
import { benchPinyin } from './pinyin';
import { loadDictionary } from './dictionary';
import { benchRead } from './read';
import { benchMemory } from './memory';
import { benchStudy } from './study';
import { benchBriefing } from './briefing';
import { benchImport } from './import';
import { benchThroughput } from './throughput';
import { launchChromium, startServer } from './lib';

const SLUG = 'beilun-liucu-liuyou';
/** `BENCH_ONLY=reader,read npm run bench` runs only those parts; every part runs by default. */
const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim());
const runs = (part: string) => !only || only.includes(part);

if (runs('pinyin')) benchPinyin(loadDictionary(), SLUG);
const server = await startServer(Number(process.env.BENCH_PORT ?? 4390));
const browser = await launchChromium();
try {
	if (runs('reader')) await benchReader(browser, server.url, SLUG);
	if (runs('learner')) await benchLearner(browser, server.url, SLUG);
	if (runs('review')) await benchReview(server, SLUG);
	if (runs('throughput')) await benchThroughput(server.url, SLUG);
	if (runs('read')) await benchRead(server.url);
	if (runs('import')) await benchImport(server);
	if (runs('study')) await benchStudy(browser, server.url);
	if (runs('memory')) benchMemory(SLUG);
	if (runs('briefing')) await benchBriefing(server.url, SLUG);
} finally {
	await browser.close();
	server.stop();
}
