import { describe, expect, it } from 'vitest';
import { withoutHydrationMarkers } from './page-markers';

describe('withoutHydrationMarkers', () => {
	it('drops the block markers and head hashes of a page that will not hydrate', () => {
		const page =
			'<head><!--12qhfyh--><script type="module" src="/js/boot.js"></script><!----></head>' +
			'<body><!--[--><!--[0--><p>a</p><!--]--><!--[-1--><!--]!--><textarea>&lt;!--[--&gt;</textarea><!-- a note --></body>';
		expect(withoutHydrationMarkers(page)).toBe(
			'<head><script type="module" src="/js/boot.js"></script></head>' +
				'<body><p>a</p><textarea>&lt;!--[--&gt;</textarea><!-- a note --></body>'
		);
	});

	it('keeps every marker on a page that hydrates', () => {
		const page = '<body><!--[--><p>a</p><!--]--><script>__sveltekit_abc = {}</script></body>';
		expect(withoutHydrationMarkers(page)).toBe(page);
	});
});
