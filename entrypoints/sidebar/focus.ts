/**
 * Where the keyboard focus goes after an action, once the view it leads to has rendered: opening a
 * case → into that case, 返回列表 → the case's row, folding or unfolding → the toggle that is there
 * now, the page's shortcut → the sidebar's title, 再显示 → the first case added. Without this the focus falls to the frame's body
 * whenever the element that had it is replaced. A request waits a few seconds at most: folding goes
 * through the page's content script and comes back as a new layout.
 */
const WAIT_MS = 5000;
let wanted: { selector: string; until: number } | undefined;

/** Focus the element `selector` names as soon as it is rendered. */
export function focusSoon(selector: string): void {
  wanted = { selector, until: Date.now() + WAIT_MS };
  applyFocus();
}

/** After each render: move the focus where the last action asked, if that element is there now. */
export function applyFocus(doc: Document = document): void {
  if (!wanted) return;
  if (Date.now() > wanted.until) {
    wanted = undefined;
    return;
  }
  const el = doc.querySelector<HTMLElement>(wanted.selector);
  if (!el) return;
  wanted = undefined;
  el.focus();
}

/** The selectors of the places the focus goes. */
export const FOCUS = {
  title: '.ar-title',
  fold: '.ar-head .ar-fold',
  tab: '.ar-tab',
  caseView: (id: string) => `.ar-caseview[data-dispute-id="${CSS.escape(id)}"] .ar-case-title`,
  row: (id: string) => `[data-testid=cases] [data-dispute-id="${CSS.escape(id)}"] .ar-case-btn`,
  /** The row after the first `n` of the list. */
  listed: (n: number) => `[data-testid=cases] > li:nth-child(${n + 1}) .ar-case-btn`,
};
