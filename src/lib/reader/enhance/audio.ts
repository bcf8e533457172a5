/**
 * Reading aloud with the browser's speech synthesis and a Chinese voice. The controls are rendered hidden by
 * the server (AudioControls.svelte, labels in the interface language); this shows them once speechSynthesis
 * exists, and says plainly when the browser has no Chinese voice. Sentences are spoken one utterance each, so
 * the one being read is highlighted (with its translation) and a rate change applies from the current one.
 */
import {
	clampRate,
	pickChineseVoice,
	speechQueue,
	type SpeechBlock,
	type SpeechItem,
	type SpeechScope
} from '../../audio/speech';

/** How long to wait for the browser to list its voices (they load asynchronously) before saying there is none. */
const VOICE_WAIT_MS = 2000;

/** A sentence's Chinese text, without the pinyin in its <rt> elements. */
function sentenceText(sentence: Element): string {
	let text = '';
	const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode())
		if (!node.parentElement?.closest('rt')) text += node.nodeValue;
	return text;
}

function pageBlocks(article: HTMLElement): SpeechBlock[] {
	return [...article.querySelectorAll('.article-header, .block')].map((block) => ({
		id: block.id,
		sentences: [...block.querySelectorAll<HTMLElement>('.zh [data-seg]')].map((s) => ({
			id: s.dataset.seg!,
			text: sentenceText(s)
		}))
	}));
}

export function enhanceAudio(article: HTMLElement) {
	const panel = document.querySelector<HTMLElement>('[data-audio]');
	const synth = window.speechSynthesis;
	if (!panel || !synth || typeof SpeechSynthesisUtterance === 'undefined') return;
	const label = (name: string) => panel.dataset[name] ?? '';
	const status = panel.querySelector<HTMLElement>('[data-status]')!;
	const readButtons = [...panel.querySelectorAll<HTMLButtonElement>('[data-read]')];
	const pauseButton = panel.querySelector<HTMLButtonElement>('[data-pause]')!;
	const stopButton = panel.querySelector<HTMLButtonElement>('[data-stop]')!;
	const rateInput = panel.querySelector<HTMLInputElement>('[data-rate]')!;
	const rateValue = panel.querySelector<HTMLElement>('[data-rate-value]')!;
	const say = (text: string) => (status.textContent = text);

	let voice: SpeechSynthesisVoice | undefined;
	let rate = clampRate(rateInput.valueAsNumber);
	/** The sentence last focused or clicked: what "this sentence" and "this paragraph" mean. */
	let current: string | undefined;
	let queue: SpeechItem[] = [];
	let at = 0;
	let paused = false;
	/** Bumped whenever speech is cancelled, so events of a cancelled utterance are ignored. */
	let generation = 0;

	const findVoice = () => {
		voice = pickChineseVoice(synth.getVoices());
		readButtons.forEach((b) => (b.disabled = !voice));
		return voice;
	};

	const mark = (id?: string) => {
		article.querySelectorAll('.is-speaking').forEach((el) => el.classList.remove('is-speaking'));
		if (!id) return;
		const spoken = article.querySelectorAll<HTMLElement>(`[data-seg="${CSS.escape(id)}"]`);
		spoken.forEach((el) => el.classList.add('is-speaking'));
		// The Chinese, or the English when only the English is shown.
		[...spoken].find((el) => el.getClientRects().length)?.scrollIntoView({ block: 'nearest' });
	};

	const setPlaying = (playing: boolean) => {
		pauseButton.disabled = stopButton.disabled = !playing;
		paused = false;
		pauseButton.textContent = label('pause');
	};

	const finish = (message: string) => {
		generation++;
		synth.cancel();
		mark();
		setPlaying(false);
		say(message);
	};

	const speakCurrent = () => {
		const item = queue[at];
		if (!item || !voice) return finish(label('finished'));
		const gen = ++generation;
		const utterance = new SpeechSynthesisUtterance(item.text);
		utterance.voice = voice;
		utterance.lang = voice.lang;
		utterance.rate = rate;
		utterance.addEventListener('start', () => gen === generation && mark(item.id));
		utterance.addEventListener('end', () => {
			if (gen !== generation) return;
			at++;
			speakCurrent();
		});
		utterance.addEventListener('error', (e) => {
			if (gen === generation && e.error !== 'interrupted' && e.error !== 'canceled') finish(label('failed'));
		});
		synth.speak(utterance);
	};

	const read = (scope: SpeechScope) => {
		if (!findVoice()) return say(label('noVoice'));
		queue = speechQueue(pageBlocks(article), scope, current);
		if (!queue.length) return say(label('chooseSentence'));
		generation++;
		synth.cancel();
		at = 0;
		setPlaying(true);
		say(label('reading'));
		speakCurrent();
	};

	const track = (e: Event) => {
		const id = (e.target as Element | null)?.closest<HTMLElement>('[data-seg]')?.dataset.seg;
		if (id) current = id;
	};
	article.addEventListener('focusin', track);
	article.addEventListener('click', track);
	// R reads the focused sentence, P its paragraph (only while a sentence has focus; documented in the controls).
	article.addEventListener('keydown', (e) => {
		if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
		const scope =
			e.key === 'r' || e.key === 'R' ? 'sentence' : e.key === 'p' || e.key === 'P' ? 'paragraph' : null;
		if (!scope || !(e.target as Element).closest('[data-seg]')) return;
		e.preventDefault();
		track(e);
		read(scope);
	});

	readButtons.forEach((b) => b.addEventListener('click', () => read(b.dataset.read as SpeechScope)));
	pauseButton.addEventListener('click', () => {
		paused = !paused;
		if (paused) synth.pause();
		else synth.resume();
		pauseButton.textContent = label(paused ? 'resume' : 'pause');
		say(label(paused ? 'paused' : 'reading'));
	});
	stopButton.addEventListener('click', () => finish(label('stopped')));
	rateInput.addEventListener('input', () => {
		rate = clampRate(rateInput.valueAsNumber);
		rateValue.textContent = `${rate}×`;
		// Say the current sentence again at the new rate (while paused, the new rate starts with the next one).
		if (!pauseButton.disabled && !paused && queue[at]) {
			generation++;
			synth.cancel();
			speakCurrent();
		}
	});
	addEventListener('pagehide', () => synth.cancel());

	panel.hidden = false;
	if (findVoice()) return;
	say(label('checking'));
	const timer = setTimeout(() => voice || say(label('noVoice')), VOICE_WAIT_MS);
	synth.addEventListener('voiceschanged', () => {
		if (!voice && findVoice()) {
			clearTimeout(timer);
			say('');
		}
	});
}
