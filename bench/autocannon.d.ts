/**
 * autocannon ships no types: it is called with an options object and resolves to its result, which the benches
 * read through AutocannonResult (bench/lib.ts).
 */
declare module 'autocannon' {
	export default function autocannon(options: Record<string, unknown>): Promise<unknown>;
}
