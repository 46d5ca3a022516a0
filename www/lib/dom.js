// Small DOM helpers. Text is always set with textContent: nothing that comes
// from a URL, a file or a scenario is ever parsed as HTML.

/** Creates an element: h('p', {class: 'x', text: 'hello'}, child, ...). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'hidden' || k === 'checked' || k === 'disabled' || k === 'open' || k === 'selected') el[k] = Boolean(v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

let counter = 0;
/** A unique id for label/for and aria-describedby pairs. */
export function uid(prefix = 'f') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Resolves after the browser has had a chance to run other tasks (keeps tasks short). */
export function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `load()` once, its promise kept for every later call; a promise that fails
 * is dropped, so the next call tries again (the network may be back).
 */
export function loadOnce(load) {
  let promise = null;
  return () =>
    (promise ??= load().catch((e) => {
      promise = null;
      throw e;
    }));
}

/** A link to an external page: opens in a new tab, no referrer, no opener. */
export function extLink(href, text) {
  return h('a', { href, text, rel: 'noopener noreferrer external', target: '_blank' });
}
