// The notices at the top of the page (#notices): what the reader should know
// (an address that could not be used as it was, a file imported) and every
// failure, with its reason in the reader's language (lib/failures.js) and a
// "Try again" button that does again what failed.
//
// A notice given a `key` replaces the notice of that key still shown, and
// clearNotice(key) takes it away once that thing has worked: a run that
// failed twice shows one notice, and none once it has given its answer.

import { t } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { failureText } from '../lib/failures.js';

const box = () => document.getElementById('notices');

/**
 * Shows `text` as a notice of `kind` ('warn', 'info', 'error': role=alert);
 * with `retry`, a "Try again" button that removes the notice and calls it.
 */
export function notice(text, kind = 'warn', { key, retry } = {}) {
  if (key) clearNotice(key);
  const el = h(
    'div',
    { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status', dataset: key ? { key } : null },
    h('p', { text }),
    retry
      ? h('button', {
          type: 'button',
          class: 'small retry',
          text: t('failure.retry'),
          onclick: () => {
            el.remove();
            retry();
          },
        })
      : null,
    h('button', { type: 'button', class: 'small', text: t('notice.dismiss'), onclick: () => el.remove() })
  );
  box().append(el);
  return el;
}

/** A failure (error `e`) as a notice of `key`: `textKey`'s text with the reason as {message}, and "Try again". */
export function failureNotice(key, e, retry, textKey = 'status.error') {
  return notice(t(textKey, { message: failureText(e) }), 'error', { key, retry });
}

/** Takes away the notice of `key`, if one is shown. */
export function clearNotice(key) {
  for (const el of box().querySelectorAll('.notice[data-key]')) if (el.dataset.key === key) el.remove();
}
