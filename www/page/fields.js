// Form fields of the scenario's controls: labelled inputs that carry
// data-field="<path>" (so validation messages land next to them), and the
// editor of one distribution (kind, numbers, summary, JSON).

import { t } from '../lib/i18n.js';
import { h, uid } from '../lib/dom.js';
import { getPath } from '../lib/state.js';
import { paramLabel, distKinds, fieldsOf, normalise, convert, describe } from '../lib/params.js';

export function parseList(text) {
  const parts = text.split(/[\s;]+/).filter(Boolean);
  const nums = parts.map((p) => Number(p.replace(',', '.')));
  return parts.length && nums.every(Number.isFinite) ? nums : null;
}

export function parsePoints(text) {
  const parts = text.split(/[\s;,]+/).filter(Boolean);
  const pts = parts.map((p) => {
    const m = /^(\d{4}):(-?\d+(?:\.\d+)?)$/.exec(p);
    return m ? [Number(m[1]), Number(m[2])] : null;
  });
  return pts.length && pts.every(Boolean) ? pts : null;
}

/** A labelled number input. */
export function numberField({ label, value, field, help, step = 'any', min, max, onValue, localError }) {
  const id = uid('n');
  const helpId = help ? uid('h') : null;
  const errId = uid('e');
  const input = h('input', {
    id,
    type: 'number',
    inputmode: 'decimal',
    step,
    min,
    max,
    value: Number.isFinite(value) ? String(value) : '',
    'aria-describedby': [helpId, errId].filter(Boolean).join(' '),
  });
  input.addEventListener('input', () => {
    const v = input.valueAsNumber;
    if (!Number.isFinite(v)) localError(field, t('invalid.number'));
    else onValue(v);
  });
  return h(
    'div',
    { class: 'field', dataset: { field } },
    h('label', { for: id, text: label }),
    input,
    help ? h('p', { class: 'help', id: helpId, text: help }) : null,
    h('p', { class: 'field-error', id: errId, 'aria-live': 'polite' })
  );
}

export function textField({ label, value, field, onText }) {
  const id = uid('t');
  const errId = uid('e');
  const input = h('input', { id, type: 'text', value, spellcheck: 'false', 'aria-describedby': errId });
  input.addEventListener('input', () => onText(input.value));
  return h(
    'div',
    { class: 'field', dataset: { field } },
    h('label', { for: id, text: label }),
    input,
    h('p', { class: 'field-error', id: errId, 'aria-live': 'polite' })
  );
}

export function selectField({ label, options, value, field, onValue, cls = 'field' }) {
  const id = uid('s');
  const sel = h(
    'select',
    { id },
    options.map(([v, text]) => h('option', { value: v, text, selected: v === value }))
  );
  sel.addEventListener('change', () => onValue(sel.value));
  return h('div', { class: cls, dataset: { field } }, h('label', { for: id, text: label }), sel, h('p', { class: 'field-error', 'aria-live': 'polite' }));
}

/**
 * An editor of one distribution: a kind selector, a field per number, a
 * summary, and a JSON box. Returns {el, set(value)}.
 */
export function paramEditor(path, value, ctx) {
  const wrap = h('fieldset', { class: 'param', dataset: { field: path } });
  const render = (v) => {
    const d = normalise(v);
    wrap.replaceChildren();
    wrap.append(h('legend', { text: paramLabel(path) }));
    const row = h('div', { class: 'param-row' });
    row.append(
      selectField({
        label: t('dist.kind'),
        options: distKinds().map((k) => [k, t(`dist.${k}`)]),
        value: d.dist,
        field: path,
        cls: 'field kind',
        onValue: (k) => {
          const next = convert(path, getPath(ctx.scenario(), path), k);
          render(next);
          ctx.edit(path, next);
        },
      })
    );
    for (const f of fieldsOf(d.dist)) {
      row.append(
        numberField({
          label: t(`field.${f}`),
          value: d[f],
          field: `${path}.${f}`,
          localError: ctx.localError,
          onValue: (x) => {
            const cur = normalise(getPath(ctx.scenario(), path));
            const next = { ...cur, [f]: x };
            summary.textContent = describe(path, next);
            ctx.edit(path, next, `${path}.${f}`);
          },
        })
      );
    }
    const summary = h('p', { class: 'param-summary', text: describe(path, d) });
    const meta = [];
    if (d.source) meta.push(h('span', { class: 'chip', text: String(d.source) }));
    if (d.assumption || !d.source) meta.push(h('span', { class: 'chip assumption', text: t('card.assumption') }));
    const jsonId = uid('j');
    const jsonErr = uid('e');
    const ta = h('textarea', { id: jsonId, rows: 3, spellcheck: 'false', 'aria-describedby': jsonErr });
    ta.value = JSON.stringify(v);
    const apply = h('button', { type: 'button', class: 'small', text: t('controls.jsonApply') });
    const err = h('p', { class: 'field-error', id: jsonErr, 'aria-live': 'polite' });
    apply.addEventListener('click', () => {
      let parsed;
      try {
        parsed = JSON.parse(ta.value);
      } catch (e) {
        err.textContent = t('controls.invalidJson', { message: e.message });
        return;
      }
      render(parsed);
      ctx.edit(path, parsed);
    });
    wrap.append(
      row,
      h('p', { class: 'param-meta' }, summary, ...meta),
      h('details', { class: 'json' }, h('summary', { text: t('controls.json') }), h('label', { for: jsonId, class: 'visually-hidden', text: `${paramLabel(path)} JSON` }), ta, apply, err),
      h('p', { class: 'field-error', 'aria-live': 'polite' })
    );
  };
  render(value);
  return { el: wrap, path, set: render };
}
