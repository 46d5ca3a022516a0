// The widget's look: light, dark or the reader's setting, a font from a
// short list, and an accent colour moved until it reads on the background.
// The palette itself is lib/palette.css; colours go through CSSOM custom
// properties (allowed by the Content-Security-Policy), never a style attribute.

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (c) => `#${c.map((x) => Math.round(Math.max(0, Math.min(255, x))).toString(16).padStart(2, '0')).join('')}`;

/** `a` moved towards `b` by `k` (0–1), channel by channel. */
export function mix(a, b, k) {
  return toHex(rgb(a).map((x, i) => x + (rgb(b)[i] - x) * k));
}

/** Relative luminance (WCAG 2). */
export function luminance(hex) {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours (WCAG 2), from 1 to 21. */
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** `colour`, moved towards `towards` until it reaches `ratio` against `bg`. */
export function readable(colour, bg, towards, ratio = 4.5) {
  for (let k = 0; k <= 1.0001; k += 0.05) {
    const c = mix(colour, towards, k);
    if (contrast(c, bg) >= ratio) return c;
  }
  return towards;
}

/** The accent and the colours that follow from it, for a theme's background and text. */
export function accentColours(accent, { bg, fg }) {
  return {
    '--accent': accent, // bands, slider
    '--accent-text': readable(accent, bg, fg), // links and outlines
    '--accent-strong': readable(mix(accent, fg, 0.35), bg, fg, 3), // the median line
    '--on-accent': contrast('#ffffff', accent) >= contrast('#111111', accent) ? '#ffffff' : '#111111',
  };
}

const ACCENT_PROPS = ['--accent', '--accent-text', '--accent-strong', '--on-accent'];

/**
 * Sets the theme class, font class and accent colours on the document.
 * `onChange` runs when the reader's setting changes under theme=auto.
 */
export function applyTheme(options, onChange) {
  const root = document.documentElement;
  const mq = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  const dark = options.theme === 'dark' || (options.theme === 'auto' && Boolean(mq?.matches));
  root.classList.toggle('dark', dark);
  root.classList.toggle('light', !dark);
  for (const f of ['system', 'sans', 'serif']) root.classList.toggle(`font-${f}`, options.font === f);
  // The theme's own colours, as the palette gives them.
  for (const k of ACCENT_PROPS) root.style.removeProperty(k);
  const css = getComputedStyle(root);
  const palette = (k) => css.getPropertyValue(k).trim();
  const colours = accentColours(options.accent ?? palette('--accent'), { bg: palette('--bg'), fg: palette('--fg') });
  for (const [k, v] of Object.entries(colours)) root.style.setProperty(k, v);
  if (options.theme === 'auto' && mq && !applyTheme.listening) {
    applyTheme.listening = true;
    mq.addEventListener?.('change', () => {
      applyTheme(options, onChange);
      onChange?.();
    });
  }
}
