/**
 * How the browser tests and the benchmarks launch Chromium: Debian's build (Playwright cannot download its own
 * browser on these machines), with the flags that keep it off the closed network.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};
