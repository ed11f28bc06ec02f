/**
 * In-page checks that a screen looks finished in the language and width it is shown at:
 * nothing wider than its box, nothing past the window's edges, nothing on top of its
 * neighbour. Plain JavaScript strings, like panel-probe.ts (a function's source would carry
 * the test transpiler's helpers into the page).
 */

/** One thing wrong on a screen: the element, as a person reading the failure finds it. */
export interface LayoutProblem {
  element: string;
  problem: string;
}

/**
 * Expression evaluating to LayoutProblem[] for everything Gateway Guard drew: on a site's
 * page only inside the panel's shadow root (the site's own layout is not ours), on the
 * extension's own pages the whole document and any shadow root in it. Null while the
 * extension has not drawn anything yet (the caller waits).
 */
export const LAYOUT_PROBLEMS = `(() => {
  const ours = location.protocol.endsWith('-extension:');
  const host = document.querySelector('gateway-guard-panel');
  if (!ours && !(host && host.shadowRoot)) return null;
  const roots = [];
  const collect = (root) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) collect(el.shadowRoot);
  };
  collect(ours ? document : host.shadowRoot);

  const width = document.documentElement.clientWidth;
  const problems = [];
  const name = (el) => {
    const classes = [...el.classList].slice(0, 2).map((c) => '.' + c).join('');
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '')
      .replace(/\\s+/g, ' ').trim().slice(0, 50);
    return el.tagName.toLowerCase() + classes + (text ? ' "' + text + '"' : '');
  };
  const report = (el, problem) => problems.push({ element: name(el), problem });
  // Hidden on purpose (the screen reader's words, a file input behind its label): not laid out for eyes.
  const shown = (el) => {
    if (el.getClientRects().length === 0) return false;
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) return false;
    return !el.closest('.gg-visually-hidden');
  };
  // Fields scroll their own text, by design.
  const scrollsByDesign = (el) => el.matches('input, textarea, select');
  const px = (n) => Math.round(n) + ' px';

  if (ours && document.documentElement.scrollWidth > width + 1) {
    problems.push({
      element: 'the page',
      problem: 'is ' + px(document.documentElement.scrollWidth) + ' wide in a ' + px(width) + ' window',
    });
  }

  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      if (!shown(el)) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);

      if (box.right > width + 1 || box.left < -1) {
        report(el, 'reaches ' + px(box.left) + ' to ' + px(box.right) + ', past the window (' + px(width) + ')');
      }
      if (!scrollsByDesign(el) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        report(el, 'holds ' + px(el.scrollWidth) + ' of content in a ' + px(el.clientWidth) + ' box');
      }
      // Cut off below: a box that hides what does not fit, unless it clamps lines on purpose.
      const clips = style.overflowY === 'hidden' || style.overflowY === 'clip';
      const clamps = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '';
      if (clips && !clamps && !scrollsByDesign(el) && el.scrollHeight > el.clientHeight + 1) {
        report(el, 'hides ' + px(el.scrollHeight - el.clientHeight) + ' of its content below');
      }
      // Neighbours in a row or grid (a row of buttons, a form's fields) never cover each other.
      if (/flex|grid/.test(style.display)) {
        const kids = [...el.children].filter(
          (k) => shown(k) && !['absolute', 'fixed'].includes(getComputedStyle(k).position),
        );
        for (let i = 0; i < kids.length; i++) {
          for (let j = i + 1; j < kids.length; j++) {
            const a = kids[i].getBoundingClientRect();
            const b = kids[j].getBoundingClientRect();
            const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (across > 1 && down > 1) report(kids[j], 'covers ' + name(kids[i]));
          }
        }
      }
    }
  }
  return problems;
})()`;

/**
 * Expression evaluating to what is wrong with the options page's "Your own sites" form (an
 * empty list when nothing is): each label sits above its field, and the fields and button
 * form one row when there is room and stack when there is not.
 */
export const OPTIONS_FORM_PROBLEMS = `(() => {
  const form = document.querySelector('.op-custom-form');
  if (!form) return ['the form is missing'];
  const problems = [];
  const fields = [];
  for (const label of form.querySelectorAll('label')) {
    const input = label.querySelector('input');
    const words = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!input || !words) continue;
    const range = document.createRange();
    range.selectNode(words);
    const text = range.getBoundingClientRect();
    const field = input.getBoundingClientRect();
    fields.push(field);
    if (text.bottom > field.top + 1) problems.push('"' + words.textContent.trim() + '" is not above its field');
    if (field.width < 160) problems.push('the field of "' + words.textContent.trim() + '" is ' + Math.round(field.width) + ' px narrow');
  }
  const button = form.querySelector('button[type="submit"]').getBoundingClientRect();
  const box = form.getBoundingClientRect();
  const last = fields[fields.length - 1];
  if (fields.length !== 2 || !last) return [...problems, 'expected two labelled fields'];
  if (box.width < 480) {
    // Stacked: every field as wide as the form, the button below the last one.
    for (const f of fields) if (f.width < box.width - 1) problems.push('a field does not span the narrow form');
    if (button.top < last.bottom) problems.push('the button is not below the fields');
  } else {
    // One row: the fields side by side, the button beside them on their line.
    if (Math.abs(fields[0].bottom - last.bottom) > 1) problems.push('the fields are not on one row');
    if (Math.abs(button.bottom - last.bottom) > 2) problems.push('the button is not on the fields’ row');
  }
  return problems;
})()`;
