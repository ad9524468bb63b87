/**
 * A page that re-rendered without changing what it says is not read again. A list that polls
 * redraws the same rows every few seconds (or faster), and a read of 100 rows costs the page ~15–20
 * ms each time; what changes between such redraws is only the countdowns' text as the clock moves,
 * which is no change (changes.ts). So the page's text, with every countdown's figures left out, is
 * kept from the last read: while it is the same, the rows are found again where they were (the
 * redraw made new elements for them, which the row badges follow), without a read. Whatever else
 * the page says differently, or rows not found where they were, and the page is read.
 */
import type { Rows } from './badges';

/** A duration's figures, as countdowns show them (还剩1天3时20分, 22小时31分12秒). */
const DURATION = /\d+\s*(?:天|小时|时|分钟|分|秒)/g;

/** The page's text, but for its countdowns' figures. */
export function pageText(doc: Document): string {
  return (doc.body?.textContent ?? '').replace(DURATION, '#');
}

/** Where a row was: its region's and its badge anchor's place among their parents' elements, from the body. */
interface RowPlace {
  id: string;
  root: number[];
  anchor: number[];
  anchorText: string;
}

export interface PageMemo {
  text: string;
  rows: RowPlace[];
}

/**
 * Each element's index among its parent's elements, ours left out, counted once per parent for a
 * whole read (a list of a thousand sibling rows would otherwise be walked once per row: n²).
 */
function siblingIndex(ours: ReadonlySet<Element>): (el: Element) => number {
  const index = new Map<Element, number>();
  return (el) => {
    let i = index.get(el);
    if (i === undefined) {
      let n = 0;
      for (let c = el.parentElement!.firstElementChild; c; c = c.nextElementSibling)
        if (!ours.has(c)) index.set(c, n++);
      i = index.get(el)!;
    }
    return i;
  };
}

/** An element's place from the body: its index among each parent's elements, ours left out. */
function pathOf(el: Element, body: Element, indexOf: (el: Element) => number): number[] | undefined {
  const path: number[] = [];
  for (let e: Element = el; e !== body;) {
    const parent = e.parentElement;
    if (!parent) return undefined;
    path.push(indexOf(e));
    e = parent;
  }
  return path.reverse();
}

/** Each parent's elements, ours left out, listed once per parent for a whole lookup of the rows. */
function childLists(ours: ReadonlySet<Element>): (parent: Element) => Element[] {
  const lists = new Map<Element, Element[]>();
  return (parent) => {
    let list = lists.get(parent);
    if (!list) {
      list = [];
      for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (!ours.has(c)) list.push(c);
      lists.set(parent, list);
    }
    return list;
  };
}

function atPath(
  body: Element,
  path: readonly number[],
  childrenOf: (parent: Element) => Element[],
): Element | undefined {
  let e: Element | undefined = body;
  for (const want of path) {
    e = childrenOf(e)[want];
    if (!e) return undefined;
  }
  return e;
}

/** What to remember of a read: the page's text and where each row is; undefined where a row cannot be placed. */
export function remember(doc: Document, text: string, rows: Rows, ours: ReadonlySet<Element>): PageMemo | undefined {
  const body = doc.body;
  if (!body) return undefined;
  const places: RowPlace[] = [];
  const indexOf = siblingIndex(ours);
  for (const [id, row] of rows) {
    const root = pathOf(row.root, body, indexOf);
    const anchor = pathOf(row.anchor, body, indexOf);
    if (!root || !anchor) return undefined;
    places.push({ id, root, anchor, anchorText: row.anchor.textContent ?? '' });
  }
  return { text, rows: places };
}

/**
 * The rows again, when the page says what it said at the last read (`text`, from `pageText`) and
 * every row is where it was, its anchor showing the same; undefined when the page must be read.
 */
export function rowsAgain(doc: Document, memo: PageMemo, text: string, ours: ReadonlySet<Element>): Rows | undefined {
  const body = doc.body;
  if (!body || text !== memo.text) return undefined;
  const rows: [string, { root: Element; anchor: Element }][] = [];
  const childrenOf = childLists(ours);
  for (const place of memo.rows) {
    const root = atPath(body, place.root, childrenOf);
    const anchor = atPath(body, place.anchor, childrenOf);
    if (!root || !anchor || !root.contains(anchor) || anchor.textContent !== place.anchorText) return undefined;
    rows.push([place.id, { root, anchor }]);
  }
  return rows;
}

/**
 * A page that only redraws what it showed is read again at least this often all the same: a
 * countdown's figures are left out of what is compared, and a deadline can move.
 */
export const FULL_READ_MS = 5000;

/** The last read remembered, and the page compared with it. */
export interface RedrawCheck {
  /** A read's rows, read at `now`, with these taught labels and data responses. */
  remember: (rows: Rows, now: number, taught: unknown, dataVersion: number) => void;
  forget: () => void;
  /** The rows again when the page only redrew what it showed (see `rowsAgain`); undefined: read it. */
  rowsAgain: (now: number, taught: unknown, dataVersion: number) => Rows | undefined;
}

export function createRedrawCheck(doc: Document, ours: () => ReadonlySet<Element>): RedrawCheck {
  let memo: PageMemo | undefined;
  let at = 0;
  let readWith: [unknown, number] = [undefined, 0];
  return {
    remember(rows, now, taught, dataVersion) {
      memo = remember(doc, pageText(doc), rows, ours());
      at = now;
      readWith = [taught, dataVersion];
    },
    forget() {
      memo = undefined;
    },
    rowsAgain(now, taught, dataVersion) {
      if (!memo || now - at >= FULL_READ_MS || taught !== readWith[0] || dataVersion !== readWith[1]) return undefined;
      return rowsAgain(doc, memo, pageText(doc), ours());
    },
  };
}
