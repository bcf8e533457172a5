/** Offer text as a file download, in the browser. */
export function downloadText(fileName: string, text: string, type: string) {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoke after the click has been handled; the download keeps its own reference.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
