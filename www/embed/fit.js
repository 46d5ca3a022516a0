// The widget and the page around it: its height, posted to the parent window
// whenever it changes (embed-host.js applies it there), whether it is on
// screen yet, and whether its stylesheets have loaded (heights measured
// before would be wrong).
//
//   parent.postMessage({type: 'mentorsim:resize', height: <px>}, '*')
//
// The message carries nothing but a height, hence the '*' target.

const MAX_HEIGHT = 10_000;

/** Posts the height of `el` to the parent window whenever it changes. */
export function reportHeight(el) {
  if (window.parent === window || typeof ResizeObserver !== 'function') return;
  let last = 0;
  const send = () => {
    const height = Math.min(MAX_HEIGHT, Math.ceil(el.getBoundingClientRect().height));
    if (height <= 0 || height === last) return;
    last = height;
    window.parent.postMessage({ type: 'mentorsim:resize', height }, '*');
  };
  new ResizeObserver(send).observe(el);
  send();
}

/** Resolves once `el` is on screen (at once where IntersectionObserver is missing). */
export function whenVisible(el) {
  return new Promise((resolve) => {
    if (typeof IntersectionObserver !== 'function') return resolve();
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          resolve();
        }
      },
      { rootMargin: '200px 0px' }
    );
    io.observe(el);
  });
}

/** Resolves once every stylesheet of the document has loaded (or failed). */
export function stylesReady() {
  const pending = [...document.querySelectorAll('link[rel="stylesheet"]')].filter((link) => !link.sheet);
  return Promise.all(
    pending.map(
      (link) =>
        new Promise((resolve) => {
          link.addEventListener('load', resolve, { once: true });
          link.addEventListener('error', resolve, { once: true });
        })
    )
  );
}

/** Calls `f` at most once per frame while `el` changes size. */
export function onResize(el, f) {
  if (typeof ResizeObserver !== 'function') return;
  let frame = 0;
  new ResizeObserver(() => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      f();
    });
  }).observe(el);
}
