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
import { launchChromium, SLUG, startServer } from './lib';

benchPinyin(loadDictionary(), SLUG);
const server = await startServer(Number(process.env.BENCH_PORT ?? 4390));
const browser = await launchChromium();
try {
	await benchReader(browser, server.url, SLUG);
	await benchLearner(browser, server.url, SLUG);
	await benchReview(server, SLUG);
	await benchRead(server.url);
	await benchStudy(browser, server.url);
	benchMemory(SLUG);
	await benchBriefing(server.url, SLUG);
} finally {
	await browser.close();
	server.stop();
}
