/**
 * Reading strategy: column tables. A header row of known labels defines the columns; the body rows
 * that line up with it hold one case each (or the columns of a case whose id is in a group-header
 * row above them). Covers `<table>` with `<thead>`/`<th>` or a first row of `<td>` labels, split
 * tables (Fusion / Ant render the header and the body in separate tables; locked columns are a
 * third table with fewer columns, which is not read), ARIA tables and grids, and `div` grids whose
 * header cells and row cells line up by index. Never by class name.
 */
import { normalizeText } from './parse';
import { labelOf, ownCell, tokenRange, type TaughtLabels, type TextIndex, type Token } from './tokens';
import { FREE_TEXT_FIELDS, LABELS, type LabelField } from './vocabulary';

export interface Column {
  /** The header cell's text as shown. */
  label: string;
  /** The field it names; undefined for a column we do not know (read nothing from it). */
  field: LabelField | undefined;
}

export interface BodyRow {
  el: Element;
  /** The cell of each column (colspan and rowspan expanded). */
  cells: Element[];
  /** The token range [start, end) of each column's cell in this row (empty for a cell carried from above). */
  ranges: [number, number][];
  /** The row's own token range [start, end). */
  span: [number, number];
}

export interface Table {
  header: Element;
  columns: Column[];
  rows: BodyRow[];
  /** The element holding the header and all the rows (the table, or the split table's wrapper). */
  scope: Element;
}

const FOLLOWING = 4;
const PRECEDING = 2;

/**
 * Each cell's token range, in one pass over the row's tokens (tokens and cells are both in document
 * order): a row costs a couple of DOM calls per piece, not a search per cell.
 */
function cellRanges(
  tokens: Token[],
  row: Element,
  cells: Element[],
  after?: number,
): { ranges: [number, number][]; span: [number, number] } {
  const [from, to] = tokenRange(tokens, row, after);
  const ranges: [number, number][] = [];
  let i = from;
  for (let j = 0; j < cells.length; j++) {
    const cell = cells[j]!;
    if (j > 0 && cells[j - 1] === cell) {
      ranges.push(ranges[j - 1]!);
      continue;
    }
    // Pieces before this cell (between cells) belong to none; a cell carried from a row above holds none here.
    while (i < to && cell.compareDocumentPosition(tokens[i]!.node) & PRECEDING) i++;
    const start = i;
    while (i < to && cell.contains(tokens[i]!.node)) i++;
    ranges.push([start, i]);
  }
  return { ranges, span: [from, to] };
}
/** How far above the header row the body may start (a split table's wrapper is 3–4 levels up). */
const MAX_SCOPE_LEVELS = 6;
const HEADER_DATA = /\d{5,}|[¥$]\s*\d/;

/** The field a header cell's text names, if any (`退款金额`, `退款金额：`, `退款金额 ↓`). */
export function fieldOfHeader(text: string, taught?: TaughtLabels): LabelField | undefined {
  const t = text.replace(/[:\s↑↓⇅▲▼]+$/u, '');
  if (Object.hasOwn(LABELS, t)) return LABELS[t];
  const hit = labelOf(t, taught);
  return hit && !hit.rest ? hit.field : undefined;
}

/** A cell that spans columns or rows. */
const SPANNING = '[colspan], [rowspan], [aria-colspan], [aria-rowspan]';

const span = (el: Element, attr: 'colspan' | 'rowspan'): number => {
  const v = Number(el.getAttribute(attr) ?? el.getAttribute(`aria-${attr}`) ?? 1);
  return Number.isInteger(v) && v >= 1 && v <= 50 ? v : 1;
};

/**
 * How many of each element's children are the extension's own (its badges, the sidebar's host),
 * counted once per search: asking each candidate row about every badge cost rows × badges DOM calls.
 */
function skippedChildren(skip?: ReadonlySet<Element>): Map<Element, number> {
  const under = new Map<Element, number>();
  for (const s of skip ?? []) if (s.parentElement) under.set(s.parentElement, (under.get(s.parentElement) ?? 0) + 1);
  return under;
}

/** An element's children, leaving out the extension's own (a row badge in a row is no cell). */
function childElements(el: Element, skip?: ReadonlySet<Element>): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (!skip?.has(c)) out.push(c);
  return out;
}

/**
 * The header row: the element whose children are most often known column labels, and which holds
 * no data itself (no id, no amount: a card's labels stand beside their values).
 */
function findHeaderRow(index: TextIndex): Element | undefined {
  const scores = new Map<Element, number>();
  for (const i of index.bareLabelAt) {
    const t = index.tokens[i]!;
    if (t.free) continue;
    const cell = ownCell(t);
    const row = cell?.parentElement;
    if (!row || row.childElementCount < 2) continue;
    scores.set(row, (scores.get(row) ?? 0) + 1);
  }
  let best: Element | undefined;
  let bestScore = 1;
  for (const [row, score] of scores) {
    if (score <= bestScore || HEADER_DATA.test(row.textContent ?? '')) continue;
    best = row;
    bestScore = score;
  }
  return best;
}

/** A row's cells by column, colspan expanded and rowspan carried from the rows above. */
function expandCells(
  row: Element,
  carried: (Element | undefined)[],
  spanned: number[],
  skip?: ReadonlySet<Element>,
): Element[] {
  // Only table rows span cells (a div grid's attributes are not asked for, cell by cell).
  const spans = row.localName === 'tr' || row.getAttribute('role') === 'row';
  const cells: Element[] = [];
  const own = childElements(row, skip);
  let k = 0;
  for (let col = 0; k < own.length || (spanned[col] ?? 0) > 0; col++) {
    if ((spanned[col] ?? 0) > 0) {
      spanned[col]!--;
      cells.push(carried[col]!);
      continue;
    }
    const cell = own[k++]!;
    // Hot loop (every cell of every row): one call says whether a cell spans at all; four ask how far.
    const spanning = spans && cell.matches(SPANNING);
    const cs = spanning ? span(cell, 'colspan') : 1;
    const rs = spanning ? span(cell, 'rowspan') : 1;
    for (let s = 0; s < cs; s++) {
      cells.push(cell);
      if (rs > 1) {
        carried[col + s] = cell;
        spanned[col + s] = rs - 1;
      }
    }
    col += cs - 1;
    if (cells.length > 200) break;
  }
  return cells;
}

/**
 * The body rows after `header`: elements of the same kind (a `tr`, a `role="row"`, a `div` with as
 * many children), or failing that any element with as many children as there are columns (a
 * header of `span`s above rows of `td`s), whose cells line up with its columns.
 */
function findBodyRows(
  header: Element,
  columns: Column[],
  tokens: Token[],
  skip?: ReadonlySet<Element>,
): { rows: BodyRow[]; scope: Element } | undefined {
  const width = columns.length;
  const role = header.getAttribute('role');
  const sameKind = role ? `[role="${role}"]` : header.localName;
  const tableLike = header.localName === 'tr' || role === 'row';
  for (const selector of [sameKind, '*']) {
    let scope = header.parentElement;
    for (let level = 0; scope && level < MAX_SCOPE_LEVELS; level++, scope = scope.parentElement) {
      const rows = rowsIn(scope, selector, header, width, tableLike && selector === sameKind, tokens, skip).filter(
        (r) => !statesAnId(r, columns, tokens),
      );
      if (rows.length) return { rows, scope };
    }
  }
  return undefined;
}

/**
 * The column a row's cell at `j` is read as: a cell spanning columns (Fusion's list mode spans the first
 * data cell over the selection column) is the first of them that names a field.
 */
export function columnOfCell(columns: Column[], row: BodyRow, j: number): Column {
  let column = columns[j]!;
  for (let k = j + 1; !column.field && k < columns.length && row.cells[k] === row.cells[j]; k++) column = columns[k]!;
  return column;
}

/**
 * Whether a row is a group header above a case's rows of columns (the 千牛 list: 退款编号：…
 * 订单编号：… 申请时间：…), not a row of columns itself: it states an id by label in a column that is
 * not buyer text, or it is a line of labelled pairs (two or more of its cells open with a label)
 * among which is an id.
 */
function statesAnId(row: BodyRow, columns: Column[], tokens: Token[]): boolean {
  let opensWithLabel = 0;
  let id = false;
  for (let j = 0; j < row.cells.length; j++) {
    if (j > 0 && row.cells[j] === row.cells[j - 1]) continue;
    const field = columnOfCell(columns, row, j).field;
    const [from, to] = row.ranges[j]!;
    if (from < to && tokens[from]!.label && !tokens[from]!.free) opensWithLabel++;
    for (let i = from; i < to; i++) {
      const l = tokens[i]!.label;
      if (
        l?.field !== 'disputeId' ||
        tokens[i]!.free ||
        !/^[A-Za-z]{0,6}\d{5,24}/.test(l.rest || tokens[i + 1]?.text || '')
      )
        continue;
      if (!field || !FREE_TEXT_FIELDS.has(field)) return true;
      id = true;
    }
  }
  return id && opensWithLabel >= 2;
}

/**
 * The elements under `scope` that have as many children as the grid has columns, in document order,
 * without entering them (a row's cells are no rows): the list's structure down to its rows, not every
 * div inside every row (each element a script touches costs the isolated world a wrapper).
 */
function gridRows(scope: Element, selector: string, width: number, widthOf: (el: Element) => number): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [];
  for (let c = scope.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length) {
    const el = stack.pop()!;
    if ((selector === '*' || el.localName === selector) && widthOf(el) === width) out.push(el);
    else for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

function rowsIn(
  scope: Element,
  selector: string,
  header: Element,
  width: number,
  tableLike: boolean,
  tokens: Token[],
  skip?: ReadonlySet<Element>,
): BodyRow[] {
  const carried: (Element | undefined)[] = [];
  const spans: number[] = [];
  const rows: BodyRow[] = [];
  const ours = skippedChildren(skip);
  const widthOf = (el: Element) => el.childElementCount - (ours.get(el) ?? 0);
  for (const el of tableLike ? scope.querySelectorAll(selector) : gridRows(scope, selector, width, widthOf)) {
    // After the header in document order (the header itself and its ancestors come before it).
    if (!(header.compareDocumentPosition(el) & FOLLOWING)) continue;
    const cells = expandCells(el, carried, spans, skip);
    // A row of one full-width cell is a group header (退款编号：… 订单编号：…), not a row of columns.
    if (cells.length !== width || new Set(cells).size < 2) continue;
    // Only the outermost of nested look-alikes is a row.
    const last = rows[rows.length - 1];
    if (last && last.el.contains(el)) continue;
    // Rows follow one another: the token range search starts where the last row's ended.
    const row: BodyRow = { el, cells, ...cellRanges(tokens, el, cells, last?.span[1]) };
    if (!isGroupRow(row)) rows.push(row);
  }
  return rows;
}

/**
 * Whether a row is a group's header or footer rather than a row of columns: all its text sits in one
 * cell spanning (nearly) every column, beside at most cells without text (Fusion's list mode puts the
 * record's selection checkbox before it: `<td>☐</td><td colspan="N-1">退款编号：… 订单编号：…</td>`).
 */
function isGroupRow(row: BodyRow): boolean {
  let textCell: Element | undefined;
  let spanOfText = 0;
  for (let j = 0; j < row.cells.length; j++) {
    const [from, to] = row.ranges[j]!;
    if (from === to) continue;
    if (textCell && textCell !== row.cells[j]) return false;
    textCell = row.cells[j];
    spanOfText++;
  }
  return !!textCell && spanOfText >= Math.max(2, row.cells.length - 2);
}

/**
 * The header rows a table's column titles span (grouped columns: 退款信息 over 退款金额 and 退款原因,
 * the others over both rows): every row of the header's `thead` (or ARIA row group of header rows).
 */
function headerRows(header: Element): Element[] {
  const group = header.parentElement;
  if (!group || (group.localName !== 'thead' && group.getAttribute('role') !== 'rowgroup')) return [header];
  const rows = [...group.children].filter(
    (r) => r.localName === header.localName && r.getAttribute('role') === header.getAttribute('role'),
  );
  return rows.length > 1 && rows.length <= 4 ? rows : [header];
}

/** The leaf titles of a header of one or more rows: each column's lowest title cell. */
function leafCells(rows: Element[], skip?: ReadonlySet<Element>): Element[] {
  const carried: (Element | undefined)[] = [];
  const spanned: number[] = [];
  let cells: Element[] = [];
  for (const r of rows) cells = expandCells(r, carried, spanned, skip);
  return cells;
}

/** The page's column table, if it has one. */
export function findTable(index: TextIndex): Table | undefined {
  const found = findHeaderRow(index);
  if (!found) return undefined;
  const rows = headerRows(found);
  const header = rows[rows.length - 1]!;
  const columns: Column[] = [];
  const known = new Map<Element, Column>();
  for (const cell of leafCells(rows, index.skip)) {
    let column = known.get(cell);
    if (!column) {
      const label = normalizeText(cell.textContent ?? '');
      known.set(cell, (column = { label, field: fieldOfHeader(label, index.taught) }));
    }
    columns.push(column);
  }
  const body = findBodyRows(header, columns, index.tokens, index.skip);
  return body ? { header, columns, rows: body.rows, scope: body.scope } : undefined;
}

/** The item's id in a link to its page (`item.taobao.com/item.htm?id=…`, `detail.tmall.com/item.htm?id=…`). */
export function itemIdFromLinks(el: Element): string | undefined {
  for (const a of el.querySelectorAll('a[href]')) {
    const m = /\/item\.htm\?(?:[^#]*&)?id=(\d{6,20})(?:&|$|#)/.exec(a.getAttribute('href') ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** A case id in a link's address (`…detail?disputeId=…`), for rows that show none as text. */
export function idFromLinks(el: Element): string | undefined {
  for (const a of el.querySelectorAll('a[href]')) {
    const m = /[?&#](?:disputeId|refundId|disputeID)=(\d{5,24})(?:&|$|#)/.exec(a.getAttribute('href') ?? '');
    if (m) return m[1];
  }
  return undefined;
}
