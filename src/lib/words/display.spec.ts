import { describe, expect, it } from 'vitest';
import { markWord } from './display';

const SENTENCE = '区级上市后备企业55家，市级拟上市储备库企业36家';
const marked = (runs: { text: string; mark: boolean }[]) =>
	runs.map((r) => (r.mark ? `[${r.text}]` : r.text)).join('');

describe('markWord', () => {
	it('marks the occurrence where the word was tapped, and no other', () => {
		const at = SENTENCE.indexOf('市级');
		expect(marked(markWord(SENTENCE, '市', at))).toBe('区级上市后备企业55家，[市]级拟上市储备库企业36家');
		expect(marked(markWord(SENTENCE, '区级', 0))).toBe('[区级]上市后备企业55家，市级拟上市储备库企业36家');
		expect(markWord(SENTENCE, '36家', SENTENCE.length - 3).at(-1)).toEqual({ text: '36家', mark: true });
	});

	it('marks every occurrence when it does not know where (older saves, imported files) or the place is wrong', () => {
		const all = '区级上[市]后备企业55家，[市]级拟上[市]储备库企业36家';
		expect(marked(markWord(SENTENCE, '市'))).toBe(all);
		expect(marked(markWord(SENTENCE, '市', 0))).toBe(all);
		expect(marked(markWord(SENTENCE, '市', 999))).toBe(all);
	});

	it('leaves a sentence without the word, or an empty word, unmarked', () => {
		expect(markWord(SENTENCE, '港', 3)).toEqual([{ text: SENTENCE, mark: false }]);
		expect(markWord(SENTENCE, '', 0)).toEqual([{ text: SENTENCE, mark: false }]);
	});
});
