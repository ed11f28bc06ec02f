/**
 * In-page code that finds the panel. Kept as plain JavaScript strings, not functions: a
 * function's source would carry whatever helpers the test transpiler injects (tsx/esbuild's
 * `__name`), which do not exist in the page.
 */

/** Shared in-page helpers: where dialogs can live, visibility, accessible names. */
const HELPERS = `
  const visible = (el) =>
    el.getClientRects().length > 0 &&
    (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true }));
  const squash = (s) => (s ?? '').replace(/\\s+/g, ' ').trim();
  const nameOf = (el, root) => {
    const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\\s+/).filter(Boolean);
    const labelled = squash(ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' '));
    if (labelled) return labelled;
    const label = squash(el.getAttribute('aria-label'));
    if (label) return label;
    if (el instanceof HTMLInputElement) return squash(el.value);
    return squash(el.textContent);
  };
  // Dialogs in the document itself (the recovery page) or in any open shadow root.
  const dialogs = () => {
    const found = [];
    const scan = (root, host) => {
      for (const d of root.querySelectorAll('[role="dialog"]')) found.push({ d, root, host });
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) scan(el.shadowRoot, el);
    };
    scan(document, null);
    return found.filter((f) => visible(f.d));
  };
  const buttonsIn = (dialog) =>
    [...dialog.querySelectorAll('button, [role="button"], input[type="button"], input[type="submit"]')]
      .filter(visible);
`;

/** Expression evaluating to a PanelSnapshot or null. */
export const PANEL_SNAPSHOT = `(() => {
  ${HELPERS}
  const first = dialogs()[0];
  if (!first) return null;
  const { d, root, host } = first;
  return {
    name: nameOf(d, root),
    text: squash(d.innerText),
    buttons: buttonsIn(d).map((b) => nameOf(b, root)),
    inShadowRoot: host !== null,
    hostIsChildOfHtml: host !== null && host.parentElement === document.documentElement,
  };
})()`;

/**
 * Expression evaluating to the visible button named exactly `name` (panel buttons first,
 * then any in the document or an open shadow root), or null. Only used to get a handle
 * that the driver then clicks with real input events.
 */
export function panelButton(name: string): string {
  return `(() => {
  ${HELPERS}
  const wanted = ${JSON.stringify(name)};
  for (const { d, root } of dialogs()) {
    const match = buttonsIn(d).find((b) => nameOf(b, root) === wanted);
    if (match) return match;
  }
  const scan = (root) => {
    const match = buttonsIn(root).find((b) => nameOf(b, root) === wanted);
    if (match) return match;
    for (const el of root.querySelectorAll('*')) {
      const inner = el.shadowRoot && scan(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  return scan(document);
})()`;
}

/**
 * Expression evaluating to the viewport point to click `elementExpression`'s element at:
 * `{ x, y }`, null when there is no such element, or `{ problem }` when it cannot be clicked
 * yet (moving, off-screen, covered, disabled). The caller clicks there with real input.
 * Written for Firefox: Puppeteer's own ElementHandle.click clips to the root element's
 * clientHeight, which on a quirks-mode page (nginx error pages have no doctype) is the
 * content height, so a position:fixed panel at the bottom counts as "not clickable".
 */
export function clickPoint(elementExpression: string): string {
  return `(async () => {
  const el = ${elementExpression};
  if (!el) return null;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const first = el.getBoundingClientRect();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const r = el.getBoundingClientRect();
  if (r.x !== first.x || r.y !== first.y) return { problem: 'still moving' };
  if (r.width < 1 || r.height < 1) return { problem: 'has no size' };
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return { problem: 'is off-screen' };
  if (el.disabled) return { problem: 'is disabled' };
  const root = el.getRootNode();
  const hit = (root.elementFromPoint ? root : document).elementFromPoint(x, y);
  if (!hit || !(hit === el || el.contains(hit))) {
    return { problem: 'is covered by ' + (hit ? hit.tagName.toLowerCase() : 'nothing') };
  }
  return { x, y };
})()`;
}
