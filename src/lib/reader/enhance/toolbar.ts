/**
 * The reader's toolbar: the tools the script makes are <details>. Those that open over the text (Listen) close like
 * menus, on Escape and on a click or tap outside them; the settings, which open in the page, close on Escape from
 * inside them. Focus inside a closing tool goes back to its button.
 */
export function enhanceToolbar() {
	const open = () => [...document.querySelectorAll<HTMLDetailsElement>('.reader-toolbar details[open]')];
	const overlays = () => open().filter((tool) => !tool.classList.contains('sheet'));
	const close = (tool: HTMLDetailsElement) => {
		const inside = tool.contains(document.activeElement);
		tool.open = false;
		if (inside) tool.querySelector('summary')?.focus();
	};
	document.addEventListener('keydown', (e) => {
		if (e.key !== 'Escape' || e.defaultPrevented) return;
		for (const tool of open())
			if (!tool.classList.contains('sheet') || tool.contains(document.activeElement)) close(tool);
	});
	document.addEventListener('pointerdown', (e) => {
		for (const tool of overlays()) if (!tool.contains(e.target as Node)) close(tool);
	});
}
