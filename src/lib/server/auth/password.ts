/**
 * Password hashing with node:crypto scrypt. The stored string carries its parameters and salt
 * (`$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, base64 without padding), so the cost can be raised later without
 * breaking existing hashes: `needsRehash()` tells the login to re-hash with the current parameters.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** Current cost: N = 2^15, r = 8, p = 1 (32 MiB, ~50–100 ms per hash on a small server). */
const CURRENT = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

interface Params {
	ln: number;
	r: number;
	p: number;
	salt: Buffer;
	hash: Buffer;
}

function derive(
	password: string,
	salt: Buffer,
	{ ln, r, p }: { ln: number; r: number; p: number },
	length: number
) {
	const N = 2 ** ln;
	return new Promise<Buffer>((resolve, reject) => {
		// NFC so the same password typed on different systems (composed vs decomposed accents) matches.
		scrypt(password.normalize('NFC'), salt, length, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
			error ? reject(error) : resolve(key)
		);
	});
}

function parse(stored: string): Params | null {
	const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
		stored
	);
	if (!match) return null;
	const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
	// Bounds keep a corrupted or hostile row from making verification allocate gigabytes.
	if (ln < 10 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
	const salt = Buffer.from(match[4] ?? '', 'base64');
	const hash = Buffer.from(match[5] ?? '', 'base64');
	if (salt.length < 8 || hash.length < 16) return null;
	return { ln, r, p, salt, hash };
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** Hash a password with a fresh random salt and the current parameters. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const hash = await derive(password, salt, CURRENT, KEY_BYTES);
	return `$scrypt$ln=${CURRENT.ln},r=${CURRENT.r},p=${CURRENT.p}$${b64(salt)}$${b64(hash)}`;
}

/** Whether `password` matches the stored hash (constant-time comparison; false for a malformed hash). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const params = parse(stored);
	if (!params) return false;
	const candidate = await derive(password, params.salt, params, params.hash.length);
	return timingSafeEqual(candidate, params.hash);
}

/** Whether a stored hash uses other parameters than the current ones. */
export function needsRehash(stored: string): boolean {
	const params = parse(stored);
	return !params || params.ln !== CURRENT.ln || params.r !== CURRENT.r || params.p !== CURRENT.p;
}

/** A valid hash of a random password, verified against when a username is unknown so the timing does not tell. */
export const DUMMY_HASH = `$scrypt$ln=${CURRENT.ln},r=${CURRENT.r},p=${CURRENT.p}$${b64(randomBytes(SALT_BYTES))}$${b64(randomBytes(KEY_BYTES))}`;
