// The answer in words at the top of the results (lib/answer.js builds its
// sentences), drawn with every answer, quick or full. Its room is kept: the
// paragraph never gets shorter while the reader stays on one preset, in one
// language, at one width, and it keeps a line to spare, so the cards below it
// stay in place as a slider steps and a figure gains or loses a digit.

import { getLang } from '../lib/i18n.js';
import { answerSentences } from '../lib/answer.js';

/** Draws the answer of `last` ({result, scenario, quick}) into `root` (#answer, with its paragraph #answer-text). */
export function renderAnswer(root, last, priors = []) {
  const p = root.querySelector('#answer-text');
  if (!p || !last?.result) return;
  const sentences = answerSentences(last.result, last.scenario, { priors });
  p.replaceChildren(...sentences.flatMap((s, i) => [i ? ' ' : '', Object.assign(document.createElement('span'), { className: `answer-${s.id}`, textContent: s.text })]).filter((x) => x !== ''));
  root.dataset.trials = String(last.result.trials);
  root.dataset.quick = String(Boolean(last.quick));
  keepRoom(p, `${getLang()}|${last.scenario?.id ?? ''}|${Math.round(root.clientWidth)}`);
}

/** Grows the paragraph's reserved height to its height plus a line; a new key (language, preset, width) starts afresh. */
function keepRoom(p, key) {
  if (p.dataset.roomKey !== key) {
    p.dataset.roomKey = key;
    p.style.minHeight = '';
  }
  const line = parseFloat(getComputedStyle(p).lineHeight) || 24;
  // The text's own height, measured without the room kept (in one task: nothing is painted in between).
  const kept = p.style.minHeight;
  p.style.minHeight = '';
  const natural = p.getBoundingClientRect().height;
  const want = Math.ceil(natural + line);
  p.style.minHeight = want > (parseFloat(kept) || 0) ? `${want}px` : kept;
}
