import { describe, expect, it } from 'vitest';
import { validateContentDir } from '../../../build-tools/content-check';
import { fileURLToPath } from 'node:url';

describe('the curated content in content/', () => {
	it('validates: schema, unique ids, glossary references, pinyin overrides', () => {
		expect(() => validateContentDir(fileURLToPath(new URL('../../../content', import.meta.url)))).not.toThrow();
	});
});
