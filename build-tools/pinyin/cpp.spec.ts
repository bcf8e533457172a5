import { describe, expect, it } from 'vitest';
import { isHeldOut, readCpp } from './cpp';

describe('the CPP held-out part', () => {
	it('is a fixed fifth of the lines, by line number', () => {
		const lines = Array.from({ length: 10_000 }, (_, k) => k + 1);
		const held = lines.filter(isHeldOut);
		expect(held.length / lines.length).toBeGreaterThan(0.18);
		expect(held.length / lines.length).toBeLessThan(0.22);
		// Fixed: these lines, whoever runs it (the figures in the README depend on them).
		expect(held.slice(0, 8)).toEqual([6, 8, 12, 15, 18, 26, 28, 33]);
	});

	it.runIf(process.env.CPP_DIR !== undefined || readable())('reads the development split', () => {
		const items = readCpp('dev');
		expect(items.length).toBeGreaterThan(9000);
		for (const item of items.slice(0, 50)) {
			expect([...item.text][item.at]).toBe(item.char);
			expect(item.label).toMatch(/^[a-zü]+[1-5]$/);
		}
	});
});

function readable(): boolean {
	try {
		readCpp('dev');
		return true;
	} catch {
		return false;
	}
}
