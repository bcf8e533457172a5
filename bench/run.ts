/**
 * `npm run bench`: builds, starts the production server, and prints the product's performance figures.
 * Figures only: nothing here passes or fails. Name parts to run only those (`npm run bench -- memory translators`;
 * without a build: `node scripts/run-ts.mjs bench/run.ts memory`); the server and Chromium start only if needed.
 */
import type { Browser } from '@playwright/test';
import { benchReader } from './reader';
import { benchReview } from './review';
import { benchLearner } from './learner';
import { benchPinyin } from './pinyin';
import { loadDictionary } from './dictionary';
import { benchRead } from './read';
import { benchMemory } from './memory';
import { benchStudy } from './study';
import { benchBriefing } from './briefing';
import { benchTranslators } from './translators';
import { benchImport } from './import';
import { benchThroughput } from './throughput';
import { benchPostgres } from './postgres';
import { launchChromium, SLUG, startServer } from './lib';

type Server = Awaited<ReturnType<typeof startServer>>;
interface Part {
	name: string;
	needs: { server?: boolean; browser?: boolean };
	run: (server: Server, browser: Browser) => unknown;
}
/** In the order `npm run bench` prints them. */
const PARTS: Part[] = [
	{ name: 'pinyin', needs: {}, run: () => benchPinyin(loadDictionary(), SLUG) },
	{ name: 'reader', needs: { server: true, browser: true }, run: (s, b) => benchReader(b, s.url, SLUG) },
	{ name: 'learner', needs: { server: true, browser: true }, run: (s, b) => benchLearner(b, s.url, SLUG) },
	{ name: 'review', needs: { server: true }, run: (s) => benchReview(s, SLUG) },
	{ name: 'throughput', needs: { server: true }, run: (s) => benchThroughput(s.url, SLUG, s.process.pid) },
	{
		name: 'postgres',
		needs: {},
		run: () => benchPostgres(SLUG, Number(process.env.BENCH_PORT ?? 4390) + 10)
	},
	{ name: 'read', needs: { server: true }, run: (s) => benchRead(s.url) },
	{ name: 'import', needs: { server: true }, run: (s) => benchImport(s) },
	{ name: 'study', needs: { server: true, browser: true }, run: (s, b) => benchStudy(b, s.url) },
	{ name: 'memory', needs: {}, run: () => benchMemory(SLUG) },
	{ name: 'briefing', needs: { server: true }, run: (s) => benchBriefing(s.url, SLUG) },
	{ name: 'translators', needs: { server: true, browser: true }, run: (s, b) => benchTranslators(b, s, SLUG) }
];

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !PARTS.some((p) => p.name === a));
if (unknown.length) {
	console.error(
		`unknown bench part(s): ${unknown.join(', ')}; parts: ${PARTS.map((p) => p.name).join(', ')}`
	);
	process.exit(2);
}
const parts = asked.length ? PARTS.filter((p) => asked.includes(p.name)) : PARTS;
const server = parts.some((p) => p.needs.server)
	? await startServer(Number(process.env.BENCH_PORT ?? 4390))
	: undefined;
const browser = parts.some((p) => p.needs.browser) ? await launchChromium() : undefined;
try {
	for (const part of parts) await part.run(server!, browser!);
} finally {
	await browser?.close();
	server?.stop();
}
