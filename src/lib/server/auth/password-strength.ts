/**
 * Password strength, estimated with zxcvbn-ts (common passwords, English words, names, keyboard patterns, dates,
 * repeats, l33t) rather than by length alone: "password12" and ten spaces are long enough and guessed at once.
 * The dictionaries load once, on first use (the CLI and the web app never check a password on a hot path).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** zxcvbn scores 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
const estimator = () =>
	(factory ??= new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...en.dictionary },
		graphs: common.adjacencyGraphs,
		translations: en.translations
	}));

/** Why a password is too weak (the library's warning and suggestions, in English), or undefined if it is strong enough. */
export function weakPasswordReason(password: string, userInputs: readonly string[] = []): string | undefined {
	// zxcvbn's cost grows with length; beyond 256 characters the prefix decides (the rest only adds strength).
	const result = estimator().check(password.slice(0, 256), [...userInputs]);
	if (result.score >= MIN_PASSWORD_SCORE) return undefined;
	const { warning, suggestions } = result.feedback;
	const advice = [warning, ...suggestions].filter((s): s is string => Boolean(s)).join(' ');
	return `password is too weak (strength ${result.score} of 4, at least ${MIN_PASSWORD_SCORE} needed)${advice ? `: ${advice}` : ''}`;
}
