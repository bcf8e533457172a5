/**
 * Sentence ids in the reader's markup. Each sentence is a `<span data-seg>` on each side of its block, and most
 * ids follow from their place: the block's id and the sentence's position on that side, `p2-1`, `p2-2`, … Those
 * the server leaves empty (`<span data-seg>`: 0.3 KB less of every reader page, gzipped), and the reader's script
 * fills them in before anything of it reads one, and again when it swaps in new text. Ids that do not follow (the
 * title, a caption's credit, a sentence after an untranslated one on the English side) are written out. Nothing
 * else reads an id: the boot script and the styles match `[data-seg]` alone.
 */

/** The id a sentence has by its place: the block's id and its position (from 1) on its side. */
export function idByPlace(blockId: string, position: number): string {
	return `${blockId}-${position}`;
}

/** Fill in the ids left to place, under `root` (a sentence's side is its parent element; its block, `.block`). */
export function fillSegmentIds(root: ParentNode): void {
	for (const sentence of root.querySelectorAll<HTMLElement>('[data-seg=""]')) {
		let position = 1;
		for (let e = sentence.previousElementSibling; e; e = e.previousElementSibling)
			if (e.hasAttribute('data-seg')) position++;
		const block = sentence.closest('.block');
		if (block) sentence.dataset.seg = idByPlace(block.id, position);
	}
}
