/**
 * A small badge on each list row, right after the row's own id: the countdown chip coloured by
 * tier, plus marks for who pays the return postage and compensation owed. Each badge lives in its
 * own shadow root, carries data-dispute-id, follows the page's re-renders (a re-rendered row loses
 * its badge and the next read puts it back) and never duplicates. The content script places them
 * on the rows near the screen only, and on the others as they scroll into view. A badge keeps its
 * row's height: where the whole badge does not fit on the id's line it drops the postage mark, then
 * the compensation mark, then shows a coloured dot (the tooltip still says everything); on a line
 * with no room even for the dot, the dot takes none: it is drawn over the line's end (`over`).
 *
 * A countdown on a case whose state was not read keeps the page's instant but not the tier colours,
 * which tell staff "your turn, act now": it is a neutral slate with a ？ (whose turn it is is not known),
 * turning near-black with a dashed ring in its last 6 hours and overdue, so an hour left is still
 * seen; the tooltip says 状态未读到：请打开详情页确认.
 */
import { isOurs, own } from './ours';
import type { BadgeMark } from '../../lib/engine/mark';
import { ACTION_LABEL, formatFen, formatLeft, STATE_UNREAD, tierOf } from '../../lib/ui/format';
import { TIER_COLOUR as C, UNREAD_COLOUR as U } from '../../lib/ui/tier-colours';

export const BADGE_TAG = 'aftersales-radar-badge';

const CSS = `
:host { all: initial; display: inline-flex; gap: 3px; align-items: center; margin: 0 6px; vertical-align: middle; cursor: pointer;
  font: 600 11px/1.4 "PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif; }
.chip { color: #fff; border-radius: 3px; padding: 0 5px; background: ${C.none}; }
.overdue { background: ${C.overdue}; } .lt6h { background: ${C.lt6h}; } .lt24h { background: ${C.lt24h}; } .later { background: ${C.later}; }
.chip.unread { background: ${U.calm}; } .chip.unread.lt6h, .chip.unread.overdue { background: ${U.urgent}; outline: 2px dashed ${U.urgent}; outline-offset: 1px; }
.marks { display: inline-flex; gap: 3px; }
.mark { color: #1d6fe0; border: 1px solid #9cc0f5; border-radius: 3px; padding: 0 3px; font-weight: 500; background: #fff; }
.est { font-weight: 400; opacity: .85; }
:host([data-fit="owed"]) .payer, :host([data-fit="chip"]) .marks, :host([data-fit="dot"]) .marks, :host([data-fit="over"]) .marks { display: none; }
:host([data-fit="dot"]) { margin: 0 3px; }
:host([data-fit="over"]) { margin: 0; width: 0; overflow: visible; }
:host([data-fit="over"]) .chip { margin-left: 4px; }
:host([data-fit="dot"]) .chip, :host([data-fit="over"]) .chip { flex: none; font-size: 0; width: 8px; height: 8px; padding: 0; border-radius: 50%; }
:host([data-fit="dot"]) .chip.unread, :host([data-fit="over"]) .chip.unread { outline-width: 1px; }
`;

const PAYER_MARK: Record<string, string> = { seller: '退邮:商家', buyer: '退邮:买家', insurance: '退邮:运费险' };

/** One stylesheet shared by every badge (a sale-day list has a thousand of them). */
let sheet: CSSStyleSheet | undefined;
function badgeSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

/** What each badge shows now, so that a tick rewrites only badges whose text changed. */
const shown = new WeakMap<ShadowRoot, string>();

/** A countdown the badge marks 估: estimated from the rules, the page showing none. */
const estimated = (m: BadgeMark) => m.dueAt !== null && m.estimated;

function fill(root: ShadowRoot, m: BadgeMark, now: number): void {
  const unread = m.dueAt !== null && !!m.stateUnread;
  const left = m.dueAt === null ? '无倒计时' : `${unread ? '？' : ''}${formatLeft(m.dueAt - now)}`;
  const tier = tierOf(m.dueAt ?? undefined, now);
  // Rewrite only what changed: the countdown text moves every minute, the rest rarely.
  const signature = `${left}|${tier}|${m.estimated}|${m.payer ?? ''}|${m.owed?.fen ?? ''}|${m.why}|${m.pageAction ?? ''}`;
  if (shown.get(root) === signature) return;
  shown.set(root, signature);
  const host = root.host as HTMLElement;
  const chip = root.firstElementChild as HTMLElement;
  const marks = chip.nextElementSibling as HTMLElement;
  chip.className = `chip ${tier}${unread ? ' unread' : ''}`;
  chip.textContent = left;
  const est = estimated(m);
  if (est) {
    const note = root.ownerDocument.createElement('span');
    note.className = 'est';
    note.textContent = '（估）';
    chip.appendChild(note);
  }
  if (marks.firstChild) marks.textContent = '';
  const said: string[] = [];
  const add = (kind: 'payer' | 'owed', text: string, title: string) => {
    said.push(text);
    const mark = root.ownerDocument.createElement('span');
    mark.className = `mark ${kind}`;
    mark.textContent = text;
    mark.title = title;
    marks.appendChild(mark);
  };
  if (m.payer) add('payer', PAYER_MARK[m.payer]!, m.payerWhy ?? '');
  if (m.owed) add('owed', m.owed.fen ? `赔${formatFen(m.owed.fen)}` : '需赔付', m.owed.why);
  // Everything the badge says, for when it is cut down to its chip or a dot.
  // A state not read: the countdown, what the page's words announce (if anything), and that nothing else is known.
  const unreadSays = unread
    ? [...(m.pageAction ? [`到期${ACTION_LABEL[m.pageAction]}（页面所示）`] : []), STATE_UNREAD]
    : [];
  host.title = `售后雷达：${left.replace('？', '')}${est ? '（估）' : ''} · ${[...unreadSays, ...said, m.why, ...(m.claimedBy ? [m.claimedBy] : [])].join(' · ')}`;
}

function create(doc: Document, id: string): HTMLElement {
  const host = own(doc.createElement(BADGE_TAG));
  host.setAttribute('data-dispute-id', id);
  host.setAttribute('role', 'button');
  host.tabIndex = 0;
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [badgeSheet()];
  const chip = doc.createElement('span');
  chip.className = 'chip';
  const marks = doc.createElement('span');
  marks.className = 'marks';
  root.append(chip, marks);
  return host;
}

/**
 * Clicking a badge (or Enter/Space on it) opens its case in the sidebar. One listener for all
 * badges, not two per badge. Returns the function that stops listening.
 */
export function onBadgeSelect(doc: Document, onSelect: (id: string) => void): () => void {
  const handle = (e: Event) => {
    const badge =
      e.target instanceof Element && e.target.tagName.toLowerCase() === BADGE_TAG && isOurs(e.target)
        ? (e.target as HTMLElement)
        : null;
    if (!badge) return;
    if (e instanceof KeyboardEvent && e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    onSelect(badge.getAttribute('data-dispute-id') ?? '');
  };
  doc.addEventListener('click', handle, true);
  doc.addEventListener('keydown', handle, true);
  return () => {
    doc.removeEventListener('click', handle, true);
    doc.removeEventListener('keydown', handle, true);
  };
}

/** What makes a badge wider besides its countdown, and what each badge was fitted for. */
const widthKey = (m: BadgeMark) => `${estimated(m)}|${!!m.stateUnread}|${m.payer ?? ''}|${m.owed?.fen ?? ''}`;
const fittedFor = new WeakMap<HTMLElement, string>();

/** A new badge, the element it goes after, and its row's region. */
export type PendingBadge = [anchor: Element, badge: HTMLElement, row: Element];

/**
 * The badge work for some rows, without placing anything: a row's own badge is updated in place,
 * strays are removed, and each new badge is made (off the page) and returned to be placed.
 */
export function prepareBadges(
  rows: Iterable<[string, { root: Element; anchor: Element }]>,
  marks: ReadonlyMap<string, BadgeMark>,
  now: number,
): PendingBadge[] {
  const pending: PendingBadge[] = [];
  for (const [id, row] of rows) {
    const m = marks.get(id);
    if (!m) continue;
    let badge: HTMLElement | undefined;
    const existing = row.root.getElementsByTagName(BADGE_TAG) as HTMLCollectionOf<HTMLElement>;
    if (existing.length) {
      // A row the page re-rendered or reused may carry a badge for another case: keep only its own.
      const all = [...existing].filter(isOurs);
      badge = all.find((b) => b.getAttribute('data-dispute-id') === id);
      for (const b of all) if (b !== badge) b.remove();
    }
    // Marks that come or go change the badge's width: it is made anew, to be fitted to its line again.
    const widens = widthKey(m);
    if (badge && fittedFor.get(badge) !== widens) {
      badge.remove();
      badge = undefined;
    }
    if (!badge) {
      badge = create(row.root.ownerDocument, id);
      fittedFor.set(badge, widens);
      pending.push([row.anchor, badge, row.root]);
    }
    fill(badge.shadowRoot!, m, now);
  }
  return pending;
}

/** The width a badge's text takes at its 11px font: CJK characters are square, the rest about 0.6em. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) >= 0x2e80 ? 11 : 7;
  return w;
}

/**
 * The widths (px) of a badge in full, as its chip and compensation mark, and as its chip alone, from
 * its text: measuring it would mean laying the page out with it first. Margins, padding, gaps, and
 * one more character for a countdown that grows as it ticks ("1时00分" → "59分59秒").
 */
function badgeWidths(badge: HTMLElement): { full: number; owed: number; chip: number } {
  const chip = badge.shadowRoot!.firstElementChild!;
  const chipWidth = 12 + 10 + textWidth(chip.textContent ?? '') + 7;
  const widths = { full: chipWidth, owed: chipWidth, chip: chipWidth };
  for (const mark of chip.nextElementSibling!.children) {
    const w = 3 + 6 + 2 + textWidth(mark.textContent ?? '');
    widths.full += w;
    if (mark.classList.contains('owed')) widths.owed += w;
  }
  return widths;
}

/**
 * The room (px) left on the line that holds `anchor`, after its last item: what a badge placed right
 * after the anchor may take without pushing anything onto a new line (the row would grow, and the
 * page would have to move and repaint every row below it).
 */
function roomAfter(anchor: Element, row: Element): number {
  const view = anchor.ownerDocument.defaultView!;
  // The box whose lines the anchor sits on: its nearest ancestor that is not inline (or the row's
  // region, so that only the row's own content is measured).
  let line = anchor.parentElement;
  if (!line) return Infinity;
  let style = view.getComputedStyle(line);
  while (line !== row && line.parentElement && /^(inline|contents)/.test(style.display)) {
    line = line.parentElement;
    style = view.getComputedStyle(line);
  }
  const at = anchor.getClientRects();
  const end = at[at.length - 1];
  if (!end) return Infinity;
  // Whatever follows the anchor on its own line (text, the page's own chips, other flex items).
  const after = anchor.ownerDocument.createRange();
  after.setStartAfter(anchor);
  after.setEnd(line, line.childNodes.length);
  let lineEnd = end.right;
  // Usually all of it sits on the anchor's line, and the box around it says where the line ends.
  // Where some of it reaches another line (it wrapped), the box would overstate: each piece is asked.
  const all = after.getBoundingClientRect();
  const slack = end.height / 2;
  if (all.width > 0 && all.top > end.top - slack && all.bottom < end.bottom + slack)
    lineEnd = Math.max(lineEnd, all.right);
  else if (all.width > 0) {
    const rects = after.getClientRects();
    for (let i = 0; i < rects.length; i++) {
      const r = rects[i]!;
      if (r.width > 0 && r.top < end.bottom && r.bottom > end.top) lineEnd = Math.max(lineEnd, r.right);
    }
  }
  const contentRight = line.getBoundingClientRect().right - px(style.borderRightWidth) - px(style.paddingRight);
  return contentRight - lineEnd - itemGap(anchor);
}

const px = (v: string) => parseFloat(v) || 0;

/** The gap a badge placed right after `anchor` adds by becoming an item of a flex or grid line (px). */
function itemGap(anchor: Element): number {
  const parent = anchor.parentElement;
  if (!parent) return 0;
  const style = anchor.ownerDocument.defaultView!.getComputedStyle(parent);
  return /flex|grid/.test(style.display) ? px(style.columnGap) : 0;
}

/**
 * How each row's badge was fitted last, by what decided it (the anchor's text, the badge's widths, the
 * window's width): a page that redraws a row as it was gets its badge fitted the same without a
 * measure, so the page is not laid out in the middle of its own redraw to read a room already known.
 */
export type Fits = Map<string, { key: string; fit: string | null }>;

const fitKey = (anchor: Element, w: { full: number; owed: number; chip: number }) =>
  `${anchor.ownerDocument.defaultView?.innerWidth ?? 0}|${w.full}|${w.owed}|${w.chip}|${anchor.textContent ?? ''}`;

/**
 * Place new badges together: every insertion makes the page lay its rows out again at the next
 * frame, so badges placed over several frames would cost the page a layout each. The room on each
 * line is read first, while the page's layout is still clean, and no badge is laid out too wide
 * even once: a row that grew for a moment would still cost the page its repaint. With `fits`, a row
 * redrawn as it was is fitted as it was, without reading its room.
 */
export function placeBadges(pending: PendingBadge[], fits?: Fits): void {
  const widths = pending.map(([, badge]) => badgeWidths(badge));
  const keys = pending.map(([anchor], i) => (fits ? fitKey(anchor, widths[i]!) : ''));
  const known = pending.map(([, badge], i) => {
    const had = fits?.get(badge.getAttribute('data-dispute-id') ?? '');
    return had?.key === keys[i] ? had : undefined;
  });
  const rooms = pending.map(([anchor, , row], i) => (known[i] ? 0 : roomAfter(anchor, row)));
  pending.forEach(([, badge], i) => {
    const room = rooms[i]!;
    const { full, owed, chip } = widths[i]!;
    // Compensation owed is the mark to keep longest. Where not even a dot fits, the dot goes in all
    // the same, taking no room on the line (drawn over its end): a case's badge is never left out,
    // and its row does not grow.
    const fit =
      known[i]?.fit ??
      (known[i] || room >= full
        ? null
        : room >= owed && owed > chip
          ? 'owed'
          : room >= chip
            ? 'chip'
            : room >= DOT_WIDTH
              ? 'dot'
              : 'over');
    if (fit) badge.setAttribute('data-fit', fit);
    fits?.set(badge.getAttribute('data-dispute-id') ?? '', { key: keys[i]!, fit });
    // A dot over the line's end that becomes a flex item would still add the line's gap: it takes it
    // back, and is drawn in the gap after the id.
    const gap = fit === 'over' ? itemGap(pending[i]![0]) : 0;
    if (gap) badge.style.marginLeft = `${-gap}px`;
  });
  for (const [anchor, badge] of pending) {
    // Never between a table's cells (the table would gain a column): inside the id's cell.
    if (CELL.test(anchor.localName) || CELL_ROLE.test(anchor.getAttribute('role') ?? '')) anchor.append(badge);
    else anchor.after(badge);
  }
}

/** The dot's width on its line: 8 px and a margin of 3 px either side. */
const DOT_WIDTH = 14;
const CELL = /^t[dh]$/;
const CELL_ROLE = /^(?:cell|gridcell|columnheader|rowheader)$/;

/** Refresh every badge's countdown text (they tick between reads). */
export function tickBadges(doc: Document, marks: ReadonlyMap<string, BadgeMark>, now: number): void {
  for (const badge of doc.querySelectorAll<HTMLElement>(BADGE_TAG)) {
    if (!isOurs(badge)) continue;
    const m = marks.get(badge.getAttribute('data-dispute-id') ?? '');
    if (m && badge.shadowRoot) fill(badge.shadowRoot, m, now);
  }
}

export function removeBadges(doc: Document): void {
  for (const b of doc.querySelectorAll(BADGE_TAG)) if (isOurs(b)) b.remove();
}

/**
 * A reading's rows: each row's dispute id, its region and the element its badge goes after. A case
 * the page shows on two rows (one id twice) has two entries, and each row gets its badge.
 */
export type Rows = Iterable<[id: string, row: { root: Element; anchor: Element }]>;

export interface RowBadges {
  /**
   * A new reading's rows: watch them (and stop watching those the page dropped, and forget their
   * cases' judgements), and badge those near the screen.
   */
  show: (rows: Rows, now: number) => void;
  /** Badge the rows near the screen that have a mark (again: the page may have re-rendered them). */
  refresh: (now: number) => void;
  /** The background's judgement of some cases. */
  judge: (marks: Record<string, BadgeMark>) => void;
  /** Refresh every badge's countdown. */
  tick: (now: number) => void;
  stop: () => void;
}

/**
 * Row badges on the rows on screen and a screen either side, the rest as staff scroll. A sale-day
 * list has a thousand rows; badging them all at once would make the page lay out a thousand rows
 * again for badges nobody can see yet.
 */
export function createRowBadges(doc: Document): RowBadges {
  /** Each case's row badge, as the background judged it, by dispute id. */
  const marks = new Map<string, BadgeMark>();
  /** The rows watched: each row's region → its dispute id and badge anchor. */
  let watched = new Map<Element, [string, { root: Element; anchor: Element }]>();
  const nearScreen = new Set<Element>();
  const fits: Fits = new Map();
  const rowsNearScreen = () => {
    const near: [string, { root: Element; anchor: Element }][] = [];
    for (const root of nearScreen) {
      const row = watched.get(root);
      if (row && marks.has(row[0])) near.push(row);
    }
    return near;
  };
  /** New badges go in together (one layout for the page). */
  const refresh = (now: number) => placeBadges(prepareBadges(rowsNearScreen(), marks, now), fits);
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) nearScreen.add(e.target);
        else nearScreen.delete(e.target);
      }
      refresh(Date.now());
    },
    { rootMargin: '100% 0px' },
  );
  return {
    show(rows, now) {
      const roots = new Map<Element, [string, { root: Element; anchor: Element }]>();
      for (const [id, r] of rows) roots.set(r.root, [id, r]);
      // A case whose row was near the screen is taken to be still: a redraw's new row for it is badged
      // now, in the redraw's own frame, not after the observer's first word a frame later (which
      // corrects it either way).
      const nearIds = new Set<string>();
      for (const el of nearScreen) {
        const id = watched.get(el)?.[0];
        if (id !== undefined) nearIds.add(id);
      }
      for (const el of watched.keys()) {
        if (roots.has(el)) continue;
        observer.unobserve(el);
        nearScreen.delete(el);
      }
      for (const [el, [id]] of roots) {
        if (watched.has(el)) continue;
        observer.observe(el);
        if (nearIds.has(id)) nearScreen.add(el);
      }
      watched = roots;
      // Judgements of cases the page no longer shows go (one back on the page is handed on, and judged, again).
      const ids = new Set<string>();
      for (const [id] of roots.values()) ids.add(id);
      for (const id of marks.keys()) if (!ids.has(id)) marks.delete(id);
      for (const id of fits.keys()) if (!ids.has(id)) fits.delete(id);
      refresh(now);
    },
    refresh,
    judge(judged) {
      for (const id in judged) marks.set(id, judged[id]!);
    },
    tick: (now) => tickBadges(doc, marks, now),
    stop() {
      observer.disconnect();
      removeBadges(doc);
    },
  };
}
