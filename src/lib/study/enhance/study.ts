/**
 * The study page's script: flashcards from the words kept in this browser, scheduled by FSRS (ts-fsrs). Space or
 * Enter shows the answer, 1–4 (or a tap) grades Again, Hard, Good or Easy. The next card is shown first and the
 * grade stored right after it is painted (a 5,000-word store takes tens of milliseconds to write to localStorage),
 * or at once when the page is hidden or left; a grade that cannot be stored is reported and the card comes back.
 * The page's frame and labels are server-rendered (src/routes/study); text goes in with textContent only.
 */
import {
	readStore,
	saveCard,
	saveStudySettings,
	STORAGE_KEY,
	type Card,
	type StoreState
} from '$lib/words/saved-words';
import { pickChineseVoice } from '$lib/audio/speech';
import { GRADES, type GradeName } from '../grades';
import { studyView, type StudyView } from '../study-view';
import { formatInterval, gradeCard } from '../scheduler';

const root = document.querySelector<HTMLElement>('[data-study]');
if (root) study(root);

function study(root: HTMLElement) {
	const $ = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
	const slot = (name: string) => $(`[data-slot="${name}"]`);
	const card = $('[data-card]');
	const back = $('[data-back]');
	const showButton = $<HTMLButtonElement>('[data-show]');
	const status = $('[data-status]');
	const problem = $('[data-problem]');
	const settingsForm = $<HTMLFormElement>('form[data-settings]');
	const msg = (name: string, values: Record<string, string> = {}) =>
		Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, v), root.dataset[name] ?? '');
	const formatTime = (iso: string) =>
		new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
			dateStyle: 'medium',
			timeStyle: 'short'
		}).format(new Date(iso));

	let state: StoreState = readStore();
	let view: StudyView | undefined;
	let answerShown = false;
	/** Grades shown but not stored yet, in order. */
	let unsaved: { word: string; card: Card }[] = [];

	/** Store the grades not stored yet; if one fails, say so and show what the store holds. */
	function storeGrades() {
		const grades = unsaved;
		unsaved = [];
		for (const { word, card } of grades) {
			const result = saveCard(word, card);
			if (!result.ok) {
				status.textContent = msg('notSaved', { detail: result.message });
				state = readStore();
				return render();
			}
		}
		if (grades.length) state = readStore();
	}

	const showProblem = (text: string, damagedRaw?: string) => {
		slot('problem').textContent = text;
		problem.hidden = false;
		$('[data-download-damaged]').hidden = damagedRaw === undefined;
		$('[data-words-link]').hidden = false;
	};

	function render() {
		problem.hidden = true;
		card.hidden = true;
		$('[data-counts]').hidden = true;
		if (state.status === 'damaged') {
			settingsForm.hidden = true;
			return showProblem(msg('damaged', { detail: state.detail }), state.raw);
		}
		if (state.status === 'unavailable') return showProblem(msg('unavailable'));
		settingsForm.hidden = false;
		settingsForm.newPerDay.value = String(state.settings.newPerDay);
		settingsForm.front.value = state.settings.front;
		view = studyView(state.words, new Set(state.known), state.settings, new Date());
		if (view.kind === 'empty') {
			status.textContent = msg('noWords');
			$('[data-words-link]').hidden = false;
			return;
		}
		if (view.kind === 'clock') return showProblem(msg('clock', { time: formatTime(view.lastReview) }));
		for (const [name, n] of Object.entries(view.counts)) $(`[data-count="${name}"]`).textContent = String(n);
		$('[data-counts]').hidden = false;
		if (view.kind === 'done') {
			status.textContent = view.nextDue
				? msg('nextDue', { time: formatTime(view.nextDue) })
				: msg('nothingDue');
			return;
		}
		const c = view.card;
		slot('word').textContent = c.word;
		const marked = c.sentence.map((run) => {
			if (!run.mark) return document.createTextNode(run.text);
			const mark = document.createElement('mark');
			mark.textContent = run.text;
			return mark;
		});
		slot('front-sentence').replaceChildren(...marked.map((n) => n.cloneNode(true)));
		slot('front-sentence').hidden = !c.sentenceFront;
		slot('word').hidden = c.sentenceFront;
		slot('pinyin').textContent = c.pinyin;
		slot('meaning').textContent = c.meaning;
		slot('sentence').replaceChildren(...marked);
		slot('translation').textContent = c.translation;
		slot('translation').hidden = !c.translation;
		const source = slot('source') as HTMLAnchorElement;
		source.href = c.source.href;
		source.textContent = c.source.title;
		for (const g of GRADES) $(`[data-interval="${g}"]`).textContent = c.intervals[g];
		answerShown = false;
		back.hidden = true;
		showButton.hidden = false;
		card.hidden = false;
	}

	function showAnswer() {
		if (view?.kind !== 'card' || answerShown) return;
		answerShown = true;
		back.hidden = false;
		showButton.hidden = true;
		$<HTMLButtonElement>('[data-grade="good"]').focus();
	}

	function grade(g: GradeName) {
		if (view?.kind !== 'card' || !answerShown || state.status !== 'ok') return;
		const now = new Date();
		const word = view.word;
		const next = gradeCard(word, g, now);
		// The next card now, from the graded words; the grade is stored once it is on screen.
		state = { ...state, words: state.words.map((w) => (w === word ? { ...w, card: next } : w)) };
		if (!unsaved.length) requestAnimationFrame(() => setTimeout(storeGrades, 0));
		unsaved.push({ word: word.word, card: next });
		const label = root.querySelector(`[data-grade="${g}"] .grade-name`)?.textContent ?? g;
		render();
		status.textContent = msg('graded', {
			word: word.word,
			grade: label,
			interval: formatInterval(now, new Date(next.due))
		});
		if (view?.kind === 'card') showButton.focus();
	}

	showButton.addEventListener('click', showAnswer);
	for (const g of GRADES) $(`[data-grade="${g}"]`).addEventListener('click', () => grade(g));
	document.addEventListener('keydown', (e) => {
		if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
		const target = e.target as HTMLElement | null;
		if (target?.closest('input, textarea, select, [contenteditable]')) return;
		if (!answerShown && (e.key === ' ' || e.key === 'Enter') && view?.kind === 'card') {
			// Enter on a focused button or link does its own thing; Space or Enter elsewhere shows the answer.
			if (e.key === 'Enter' && target?.closest('button, a') && target !== showButton) return;
			e.preventDefault();
			showAnswer();
		} else if (answerShown && /^[1-4]$/.test(e.key)) {
			e.preventDefault();
			grade(GRADES[Number(e.key) - 1]!);
		}
	});

	// Leaving or hiding the page stores what is not stored yet (a frame may never come).
	addEventListener('pagehide', storeGrades);
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') storeGrades();
	});

	settingsForm.addEventListener('change', () => {
		storeGrades();
		const newPerDay = Number(settingsForm.newPerDay.value);
		const result = saveStudySettings({ newPerDay, front: settingsForm.front.value });
		status.textContent = result.ok ? msg('settingsSaved') : msg('notSaved', { detail: result.message });
		state = readStore();
		render();
	});
	settingsForm.addEventListener('submit', (e) => e.preventDefault());

	$('[data-download-damaged]').addEventListener('click', () => {
		if (state.status !== 'damaged') return;
		const url = URL.createObjectURL(new Blob([state.raw], { type: 'text/plain;charset=utf-8' }));
		const link = document.createElement('a');
		link.href = url;
		link.download = `saved-words-damaged-${new Date().toISOString().slice(0, 10)}.txt`;
		link.click();
		setTimeout(() => URL.revokeObjectURL(url), 1000);
	});

	// Reading aloud with a Chinese voice, when the browser has one.
	if ('speechSynthesis' in window) {
		const speakers = root.querySelectorAll<HTMLButtonElement>('[data-speak]');
		const setUp = () => {
			const voice = pickChineseVoice(speechSynthesis.getVoices());
			speakers.forEach((b) => (b.hidden = !voice));
			return voice;
		};
		setUp();
		speechSynthesis.addEventListener('voiceschanged', setUp);
		speakers.forEach((button) =>
			button.addEventListener('click', () => {
				const voice = setUp();
				if (!voice || view?.kind !== 'card') return;
				const text = button.dataset.speak === 'sentence' ? view.word.sentenceZh : view.word.word;
				const utterance = new SpeechSynthesisUtterance(text);
				utterance.voice = voice;
				utterance.lang = voice.lang;
				speechSynthesis.cancel();
				speechSynthesis.speak(utterance);
			})
		);
	}

	// Another tab saved or graded words: show the current store (the answer shown is kept only if the card is).
	addEventListener('storage', (e) => {
		if (e.key !== STORAGE_KEY && e.key !== null) return;
		storeGrades();
		state = readStore();
		render();
	});
	// Learning cards fall due within minutes: look again every half minute when nothing is showing.
	setInterval(() => {
		if (view?.kind === 'card' || unsaved.length) return;
		state = readStore();
		render();
	}, 30_000);

	render();
}
