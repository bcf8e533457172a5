import { describe, expect, it } from 'vitest';
import { weakPasswordReason } from './password-strength';

describe('weakPasswordReason', () => {
	it.each([
		['password12', /common|guess/i],
		[' '.repeat(10), /Repeated characters/],
		['qwertyuiop', /\S/],
		['annlee2024!', /./]
	])('refuses %j with the library’s reason', (password, advice) => {
		const reason = weakPasswordReason(password, ['annlee']);
		expect(reason).toMatch(/^password is too weak \(strength [0-2] of 4, at least 3 needed\)/);
		expect(reason).toMatch(advice);
	});

	it.each(['correct horse battery staple', 'seven ripe plums argue loudly', 'Tr0ub4dor&3 plus more'])(
		'accepts %j',
		(password) => {
			expect(weakPasswordReason(password)).toBeUndefined();
		}
	);
});
