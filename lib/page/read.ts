/**
 * Read the after-sales cases a page shows, from what a person sees: visible labels and their values,
 * table headers and the cells under them. Never from class names or ids, which the platform hashes.
 *
 * This is the coordinator. The strategies each have a module:
 * - `tokens.ts`: the page's visible text pieces and the labels among them;
 * - `pairs.ts`: labelled pairs, and the trust model (buyer text is never a fact; a fact stated twice
 *   with two meanings is none);
 * - `columns.ts`: column tables of every kind (table, split table, ARIA grid, div grid);
 * - `detail.ts`: detail pages (sections, status heading, the address's own id);
 * - `snapshot.ts`: from what was said to a snapshot, with plausibility checks;
 * - `refund2-data.ts` and `mtop.ts`: the page's embedded and fetched data.
 */
import { isDetailPage, type CaseSnapshot, type PageKind, type PageReading } from '../shared/types';
import { columnOfCell, findTable, idFromLinks, itemIdFromLinks, type BodyRow, type Table } from './columns';
import { detectFromContent, detectFromUrl, detectPlatform, type ContentCues } from './detect';
import { readDetail } from './detail';
import {
  inSlot,
  isClockAfterDate,
  isTimeField,
  markFreeValues,
  newSaid,
  readPairs,
  settle,
  state,
  joinFree,
  type Said,
} from './pairs';
import { countdownsIn, oneCountdown, resolveCase } from './parse';
import { readDisputeData } from './refund2-data';
import { readShop } from './shop';
import { missingFor, readFlags, toSnapshot } from './snapshot';
import { collectTokens, EMPTY_INDEX, tokenRange, type TaughtLabels, type TextIndex, type Token } from './tokens';
import { FREE_TEXT_FIELDS, LABELS, STAT_LABELS, type TaughtStatuses } from './vocabulary';

export interface ReadOptions {
  url: string;
  /** Time of reading, epoch ms: countdowns become instants relative to it. */
  now: number;
  /**
   * When given, filled with each list row's dispute id, region and the element its badge goes after
   * (for row badges); a case shown on two rows has two entries.
   */
  rows?: [string, { root: Element; anchor: Element }][];
  /** The extension's own elements (the sidebar's host, the row badges): never read. */
  skip?: ReadonlySet<Element>;
  /** When given, filled with where each case's fields came from, by dispute id (the support tool). */
  provenance?: Map<string, Provenance>;
  /** Labels the shop's staff taught for this host: they add to the vocabulary. */
  taught?: TaughtLabels;
  /** Status wordings the shop's staff taught for this host, by case kind. */
  statuses?: TaughtStatuses;
}

/** Where one case's fields came from: the strategy, and per field the label, column or element. */
export interface Provenance {
  strategy: string;
  fields: Record<string, string>;
}

/**
 * Rows read between two pauses of `readPageSteps`: small steps, so that the caller, who pauses by
 * the clock, never overruns its slice by much.
 */
const ROWS_PER_STEP = 50;

/**
 * A labelled id (`退款编号：EX2026112100001`): the whole word after the label, digits perhaps after a
 * letter prefix, exactly as shown. `3039…X` or `No3039…` is no id: nothing is stripped to make one.
 */
const ID_AT_START = /^([A-Za-z]{0,6}\d{5,24})(?![\dA-Za-z])/;
/** An id column's cell: the piece is the id and nothing else (a `#` before it aside). */
const ID_CELL = /^#?([A-Za-z]{0,6}\d{5,24})$/;

/** A case's labelled region: the largest element around one labelled id that holds no other case. */
interface Region {
  id: string;
  label: string;
  root: Element;
  /** Its token range, once asked for. */
  span?: [number, number];
  /** The element showing the id. */
  anchor: Element;
}

/** The highest ancestor of each (non-free) id label that holds no other id label: one region each. */
function* findRegions({ tokens, idAt }: TextIndex): Generator<void, Region[]> {
  const anchors: { id: string; label: string; el: Element }[] = [];
  for (let k = 0; k < idAt.length; k++) {
    const i = idAt[k]!;
    const t = tokens[i]!;
    if (t.free) continue;
    const l = t.label!;
    const next = tokens[i + 1];
    const value = l.rest || (next && !next.free && inSlot(t, next) ? next.text : '');
    const m = value.match(ID_AT_START);
    if (m && t.node.parentElement) anchors.push({ id: m[1]!, label: l.label, el: t.node.parentElement });
  }
  yield;
  // Each ancestor of an anchor holds one anchor, or many. Anchors are told apart by position, not
  // by id: two rows showing one id are two regions (read as one case later).
  const MANY = -1;
  const under = new Map<Element, number>();
  for (let k = 0; k < anchors.length; k++) {
    for (let e: Element | null = anchors[k]!.el; e; e = e.parentElement) {
      const known = under.get(e);
      if (known === MANY || known === k) break;
      under.set(e, known === undefined ? k : MANY);
    }
  }
  const regions: Region[] = [];
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    let root = a.el;
    for (let e = a.el.parentElement; e && under.get(e) === k; e = e.parentElement) root = e;
    regions.push({ id: a.id, label: a.label, root, anchor: a.el });
  }
  return regions;
}

/** One case of a list as its rows state it (a case may show on two rows). */
interface ListCase {
  id: string;
  idLabel: string | undefined;
  said: Said;
  drift: string[];
  flags: CaseSnapshot['flags'];
  typePieces: string[];
  /** Each row's countdown texts: one row's must agree; across duplicate rows the earliest wins. */
  countdownRows: string[][];
  rows: { root: Element; anchor: Element }[];
  /** Where its id came from (for the support tool). */
  idFrom?: string;
  strategy: 'column table' | 'labelled pairs';
}

const FOLLOWING = 4;
const CONTAINED_BY = 16;
const MULTI_LINE = new Set(['reason', 'description', 'remark']);
const COLUMN_TEXT_FIELDS = new Set(['refundType', 'logistics', 'status']);

/**
 * The texts that may state a case's countdown where no column holds it (a card, a row without a
 * status column): the values of its status and countdown labels when they state one, failing that its
 * other unlabelled pieces that are not links (an item's title is a link). Never a labelled value of
 * another field (买家：还剩9天) nor buyer text (【仅剩3天】 in a title).
 */
function countdownTexts(tokens: Token[], from: number, to: number, now: number): string[] {
  const slot: string[] = [];
  const loose: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.free) continue;
    const field = t.label?.field;
    if (!field) {
      if (!inControl(t)) loose.push(t.text);
      continue;
    }
    if (field !== 'status' && field !== 'countdown') {
      // A bare label's value is the next piece: it is that field's, not a countdown.
      if (!t.label!.rest && tokens[i + 1] && !tokens[i + 1]!.label && inSlot(t, tokens[i + 1]!)) i++;
      continue;
    }
    slot.push(t.label!.rest || (tokens[i + 1] && !tokens[i + 1]!.label ? tokens[i + 1]!.text : ''));
  }
  return slot.some((text) => countdownsIn(text, now).length) ? slot : loose;
}

/** Whether a piece of text is a link's or a button's (查看详情, 同意退款): an action, never a fact's words. */
function inControl(t: Token): boolean {
  for (let e = t.node.parentElement, k = 0; e && k < 4; e = e.parentElement, k++)
    if (e.localName === 'a' || e.localName === 'button' || e.getAttribute('role') === 'button') return true;
  return false;
}

/** Mark the cells of buyer-text columns (买家, 退款原因, 宝贝 …) as free text. */
function markFreeColumns(tokens: Token[], table: Table): void {
  const free = table.columns.map((c) => c.field !== undefined && FREE_TEXT_FIELDS.has(c.field));
  if (!free.includes(true)) return;
  for (const row of table.rows) {
    for (let j = 0; j < row.ranges.length; j++) {
      if (!free[j]) continue;
      const [from, to] = row.ranges[j]!;
      for (let i = from; i < to; i++) tokens[i]!.free = true;
    }
  }
}

/** What a body row's cells say, column by column, and the texts that may hold its countdown. */
function readCells(
  tokens: Token[],
  table: Table,
  row: BodyRow,
  said: Said,
  pairs: boolean,
  now: number,
): { id?: string; idAt?: Element; countdown: string[]; typePieces: string[] } {
  const countdown: string[] = [];
  const typePieces: string[] = [];
  let id: string | undefined;
  let idAt: Element | undefined;
  row.cells.forEach((cell, j) => {
    if (j > 0 && row.cells[j - 1] === cell) return;
    const column = columnOfCell(table.columns, row, j);
    const field = column.field;
    const [from, to] = row.ranges[j]!;
    // Labelled pairs inside a cell (实付 ¥118.00 under 退款金额) count as well (read with the region's, when it holds the row).
    if (pairs) readPairs(tokens, from, to, said);
    const pieces: string[] = [];
    for (let i = from; i < to; i++) if (!tokens[i]!.label) pieces.push(tokens[i]!.text);
    // A status sentence is its words, not its cell's links and buttons (退款关闭 查看详情).
    if (field === 'status') {
      const words = [];
      for (let i = from; i < to; i++) if (!tokens[i]!.label && !inControl(tokens[i]!)) words.push(tokens[i]!.text);
      if (words.length) pieces.splice(0, pieces.length, ...words);
    }
    if (!field || field === 'actions' || !pieces.length) return;
    const source = `column ${column.label}`;
    // A reason may run over several lines; a nick or a title is the cell's first line (数量：2 is not the title).
    if (FREE_TEXT_FIELDS.has(field))
      state(said, field, MULTI_LINE.has(field) ? joinFree(pieces) : joinFree([pieces[0]!]), source);
    else if (field === 'disputeId') {
      for (let i = from; i < to && !id; i++) {
        id = tokens[i]!.label ? undefined : ID_CELL.exec(tokens[i]!.text)?.[1];
        if (id) idAt = tokens[i]!.node.parentElement ?? undefined;
      }
    } else if (field === 'countdown') countdown.push(pieces.join(' '));
    else if (COLUMN_TEXT_FIELDS.has(field)) {
      state(said, field, pieces.join(' '), source);
      if (field === 'status') countdown.push(pieces.join(' '));
      if (field === 'refundType') typePieces.push(...pieces);
    } else {
      // A time shown as a date and a time of day in two elements is one instant.
      const value =
        isTimeField(field) && pieces[1] !== undefined && isClockAfterDate(pieces[0]!, pieces[1])
          ? `${pieces[0]} ${pieces[1]}`
          : pieces[0]!;
      state(said, field, value, source);
    }
  });
  if (!table.columns.some((c) => c.field === 'status' || c.field === 'countdown'))
    countdown.push(...countdownTexts(tokens, row.span[0], row.span[1], now));
  return { id, ...(idAt ? { idAt } : {}), countdown, typePieces };
}

/**
 * Whether a labelled region is the group header of a body row it does not contain: an earlier
 * sibling of the row (a header `tr` above its rows) or of the row's parent (a header above a `tbody`).
 * Anything farther off (a summary card above the table) heads no row.
 */
function headsRow(header: Element, row: Element): boolean {
  for (let e: Element | null = row, k = 0; e && k < 2; e = e.parentElement, k++) {
    if (header.parentElement === e.parentElement && header.compareDocumentPosition(e) & FOLLOWING) return true;
  }
  return false;
}

function newListCase(id: string, idLabel: string | undefined, strategy: ListCase['strategy']): ListCase {
  return { id, idLabel, said: newSaid(), drift: [], flags: {}, typePieces: [], countdownRows: [], rows: [], strategy };
}

/**
 * The labelled region (group header) a body row belongs to, if any, and whether it holds the row. A
 * region holding the table's header (a lone labelled id climbs to the whole page) heads a row only
 * when it is the list's one case over its one row (`lone`).
 */
function regionOfRow(
  last: Region | undefined,
  row: BodyRow,
  table: Table,
  lone: boolean,
): { region?: Region; holds: boolean } {
  const holds = !!last && last.root.contains(row.el);
  const heads = last && (lone || !last.root.contains(table.header)) && (holds || headsRow(last.root, row.el));
  return heads ? { region: last, holds } : { holds };
}

/**
 * Lock copies: Fusion (and Element's fixed columns) draw a locked column a second time, in a table of
 * its own after the body, laid over the body's cells. Its cells are no rows of their own (the reader
 * reads the body), but a badge belongs on the copy, which is the one staff see: each piece of text in
 * the table's scope after its last body row, by its text.
 */
function lockCopies(tokens: Token[], table: Table): Map<string, Element> {
  const copies = new Map<string, Element>();
  const last = table.rows[table.rows.length - 1];
  if (!last) return copies;
  const [, end] = tokenRange(tokens, table.scope, last.span[1]);
  for (let i = last.span[1]; i < end; i++) {
    const el = tokens[i]!.node.parentElement;
    if (el && !copies.has(tokens[i]!.text)) copies.set(tokens[i]!.text, el);
  }
  return copies;
}

/** The cases in the order the page shows them; each row of each case is reported for its badge. */
function inPageOrder(byId: Map<string, ListCase>, opts: ReadOptions): ListCase[] {
  const cases = [...byId.values()].sort((a, b) =>
    a.rows[0]!.root.compareDocumentPosition(b.rows[0]!.root) & FOLLOWING ? -1 : 1,
  );
  for (const c of cases) {
    if (c.rows.length > 1) c.drift.push(`同一退款编号出现在 ${c.rows.length} 行，取最紧急的倒计时`);
    for (const row of c.rows) opts.rows?.push([c.id, row]);
  }
  return cases;
}

/**
 * A region's token range, once. Regions are asked for in document order, most often one right
 * after the other (a list of cards): the search for each starts where the last one's ended (hot
 * loop: once per case).
 */
function regionSpans(tokens: Token[]): (r: Region) => [number, number] {
  let lastEnd: number | undefined;
  return (r) => {
    if (!r.span) {
      r.span = tokenRange(tokens, r.root, lastEnd);
      lastEnd = r.span[1];
    }
    return r.span;
  };
}

/** Read a list: labelled regions (cards, group headers) and column tables, one case per id. */
function* readList(
  text: TextIndex,
  page: PageKind,
  opts: ReadOptions,
): Generator<void, { cases: ListCase[]; unread: number; table?: Table }> {
  const { tokens } = text;
  const table = findTable(text);
  if (table) markFreeColumns(tokens, table);
  yield;
  const regions = yield* findRegions(text);
  const byId = new Map<string, ListCase>();
  const caseFor = (id: string, idLabel: string | undefined): ListCase => {
    let c = byId.get(id);
    if (!c) byId.set(id, (c = newListCase(id, idLabel, table ? 'column table' : 'labelled pairs')));
    return c;
  };
  const readRegions = new Set<Region>();
  const copies = table ? lockCopies(tokens, table) : new Map<string, Element>();
  let unread = 0;
  const spanOf = regionSpans(tokens);
  const pairsOfRegion = (c: ListCase, r: Region) => {
    if (readRegions.has(r)) return;
    readRegions.add(r);
    const [from, to] = spanOf(r);
    readPairs(tokens, from, to, c.said);
    readFlags(tokens, from, to, c.flags);
    for (let i = from; i < to; i++) if (!tokens[i]!.free) c.typePieces.push(tokens[i]!.text);
  };
  let p = -1;
  for (let k = 0; table && k < table.rows.length; k++) {
    if (k % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const row = table.rows[k]!;
    // Regions and rows are both in document order: the row's region is the last one that starts before it.
    while (p + 1 < regions.length && regions[p + 1]!.root.compareDocumentPosition(row.el) & (FOLLOWING | CONTAINED_BY))
      p++;
    const { region, holds } = regionOfRow(regions[p], row, table, regions.length === 1 && table.rows.length === 1);
    const said = newSaid();
    const cells = readCells(tokens, table, row, said, !(region && holds), opts.now);
    // The id column, else the group header's id, else a detail link in the row.
    const linked = cells.id || region ? undefined : idFromLinks(row.el);
    const id = cells.id ?? region?.id ?? linked;
    if (!id) {
      if (said.bag.status !== undefined || said.bag.refundFen !== undefined || said.bag.postageFen !== undefined)
        unread++;
      continue;
    }
    const idColumn = table.columns.find((col) => col.field === 'disputeId')?.label;
    const c = caseFor(id, region?.label ?? idColumn);
    c.idFrom ??= cells.id ? `column ${idColumn}` : linked ? 'link disputeId=' : `group header ${region?.label}`;
    if (region && region.id === id) pairsOfRegion(c, region);
    for (const [f, v] of Object.entries(said.bag))
      state(c.said, f as keyof typeof said.bag, v, said.from[f as keyof typeof said.bag] ?? '');
    for (const f of said.conflicts) c.said.conflicts.add(f);
    // The item's id from its link in the row (the title is free text; the link's address is not shown text).
    const itemId = itemIdFromLinks(row.el);
    if (itemId) state(c.said, 'itemId', itemId, 'link item.htm?id=');
    readFlags(tokens, row.span[0], row.span[1], c.flags);
    c.typePieces.push(...cells.typePieces);
    c.countdownRows.push(cells.countdown);
    // The badge goes after the id (in its cell, or in the lock copy of it that covers the cell), or
    // after the group header's id.
    const inRegion = region && region.id === id;
    const copy = cells.id ? copies.get(cells.id) : undefined;
    c.rows.push(
      inRegion
        ? { root: region.root, anchor: region.anchor }
        : copy
          ? { root: copy.closest('tr, [role="row"]') ?? copy, anchor: copy }
          : { root: row.el, anchor: cells.idAt ?? row.cells[0] ?? row.el },
    );
  }
  // Regions no body row fell in: cards, read by their labels.
  for (let k = 0; k < regions.length; k++) {
    if (k % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const r = regions[k]!;
    if (readRegions.has(r)) continue;
    const c = caseFor(r.id, r.label);
    c.idFrom ??= `label ${r.label}`;
    pairsOfRegion(c, r);
    const [from, to] = spanOf(r);
    c.countdownRows.push(countdownTexts(tokens, from, to, opts.now));
    c.rows.push({ root: r.root, anchor: r.anchor });
  }
  const cases = inPageOrder(byId, opts);
  return { cases, unread, ...(table ? { table } : {}) };
}

/** The countdown texts of a case's most urgent row (rows of one case that disagree: the earliest). */
function countdownOf(c: ListCase, now: number): string[] {
  if (c.countdownRows.length <= 1) return c.countdownRows[0] ?? [];
  let best: string[] = [];
  let bestAt = Infinity;
  for (const texts of c.countdownRows) {
    const at = oneCountdown(texts, now).countdown?.at;
    if (at && Date.parse(at) < bestAt) [best, bestAt] = [texts, Date.parse(at)];
  }
  return best;
}

const STAT_LABEL_SET = new Set(STAT_LABELS);

function readStats(tokens: Token[]): Record<string, number> {
  const stats: Record<string, number> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (!STAT_LABEL_SET.has(t)) continue;
    const n = [tokens[i - 1]?.text, tokens[i + 1]?.text].find((x) => x !== undefined && /^\d{1,7}$/.test(x));
    if (n !== undefined && stats[t] === undefined) stats[t] = Number(n);
  }
  return stats;
}

/**
 * Read a page. `root` is the document (or an element standing for it).
 * @example readPage(document, { url: location.href, now: Date.now() })
 */
export function readPage(root: Document | Element, opts: ReadOptions): PageReading {
  const steps = readPageSteps(root, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return { ...r.value, cases: r.value.cases.map((c) => resolveCase(c, opts.now)) };
  }
}

/**
 * The same reading as `readPage`, as steps: it pauses after collecting the page's text and every
 * ROWS_PER_STEP rows, so a caller can spread a sale-day list over several short tasks. A list's
 * times and countdowns are left as shown (`unparsed`), for the background to work out.
 */
export function* readPageSteps(root: Document | Element, opts: ReadOptions): Generator<void, PageReading> {
  const { now } = opts;
  const doc = 'documentElement' in root ? root : root.ownerDocument;
  const top = 'documentElement' in root ? (root.body ?? root.documentElement) : root;
  const text: TextIndex = top ? yield* collectTokens(top, opts.skip, opts.taught) : EMPTY_INDEX;
  const { tokens } = text;
  markFreeValues(tokens);
  yield;
  const byUrl = detectFromUrl(opts.url);
  const banner = tokens
    .slice(0, 40)
    .map((t) => t.text)
    .join(' ');
  const headerLabels: string[] = [];
  for (const i of text.bareLabelAt)
    if (Object.hasOwn(LABELS, tokens[i]!.text) && !tokens[i]!.free) headerLabels.push(tokens[i]!.text);
  const idLabels = [...new Set(text.idAt.filter((i) => !tokens[i]!.free).map((i) => tokens[i]!.label!.label))];
  const cues: ContentCues = {
    headerLabels,
    idLabels,
    statLabels: text.statLabels,
    hasCountdownOrStatus: tokens.some((t) => !t.free && /还剩|当前状态|退款状态|售后状态/.test(t.text)),
    bannerText: banner,
  };
  // The URL is the first guess; the content decides where the URL does not know the page.
  const page: PageKind = byUrl.kind !== 'unknown' ? byUrl.kind : detectFromContent(cues);
  const platform = detectPlatform(opts.url, banner);
  const reading: PageReading = { page, era: byUrl.era, platform, stats: {}, cases: [], missing: [] };
  const shop = readShop(tokens);
  if (shop) reading.shop = shop;

  if (page === 'workbench') {
    reading.stats = readStats(tokens);
    if (Object.keys(reading.stats).length === 0) reading.missing.push('统计卡片');
    reading.cases = readDueSoon(tokens, platform, opts);
    return reading;
  }
  if (page === 'unknown') return reading;

  if (isDetailPage(page)) {
    const detail = readDetail(tokens, page, platform, opts.url, now, opts.statuses);
    if (detail.snapshot && detail.from)
      opts.provenance?.set(detail.snapshot.disputeId, { strategy: 'detail page', fields: detail.from });
    if (detail.snapshot) reading.cases.push(detail.snapshot);
    reading.missing.push(
      ...detail.missing,
      ...missingFor(page, reading.cases).filter((m) => !detail.missing.includes(m)),
    );
    const unknown = reading.missing.length ? unknownLabels(tokens, undefined, opts.taught) : [];
    if (unknown.length) reading.unknownLabels = unknown;
    return reading;
  }

  const list = yield* readList(text, page, opts);
  for (const c of list.cases) {
    const { bag, drift } = settle(c.said);
    opts.provenance?.set(c.id, { strategy: c.strategy, fields: { disputeId: c.idFrom ?? '', ...c.said.from } });
    reading.cases.push(
      toSnapshot({
        page,
        platform,
        id: c.id,
        idLabel: c.idLabel,
        bag,
        drift: [...c.drift, ...drift],
        flags: c.flags,
        typePieces: c.typePieces,
        countdownTexts: countdownOf(c, now),
        now,
        ...(opts.statuses ? { statuses: opts.statuses } : {}),
      }),
    );
  }
  if (reading.era === 'refund2' && doc) mergeDisputeData(reading, readDisputeData(doc, now, platform));
  // The id is missing when a case's row gave none, or the list gave no case: a row that states no
  // amount and no status (a totals row, a spacer, a group's footer) raises no false alarm.
  if (list.unread || (!reading.cases.length && !tokens.some((t) => /没有符合条件|暂无数据|暂无记录/.test(t.text))))
    reading.missing.push(page === 'postage-list' ? '邮费单号' : page === 'exchange-list' ? '换货单号' : '退款编号');
  reading.missing.push(...missingFor(page, reading.cases).filter((m) => !reading.missing.includes(m)));
  // Offered to teach only beside a drift warning: a page read in full needs no teaching.
  const unknown = reading.missing.length ? unknownLabels(tokens, list.table, opts.taught) : [];
  if (unknown.length) reading.unknownLabels = unknown;
  return reading;
}

/** A case named on 售后工作台's due-soon list: its type word and id (`仅退款 287140000206549`). */
const CASE_REFERENCE = /^(仅退款|退货退款|退款|换货|邮费|退货)?\s*(?:[(（]售[中后][)）])?\s*([A-Za-z]{0,6}\d{5,24})$/;

/**
 * 售后工作台's own list of cases about to time out (即将超时): each item names a case (its type word and
 * id as one piece, or an id whose link is that case's detail page) beside the platform's countdown.
 * Read as cases that carry what the item shows (kind, id, countdown and the action it announces; the
 * status is not shown, so it stays unread), so the ledger knows them before the lists are opened.
 */
function readDueSoon(tokens: Token[], platform: CaseSnapshot['platform'], opts: ReadOptions): CaseSnapshot[] {
  const refs: { i: number; id: string; type: string; el: Element }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const m = t.free || t.label ? null : CASE_REFERENCE.exec(t.text);
    const el = t.node.parentElement;
    if (!m || !el) continue;
    const link = el.closest('a[href]')?.getAttribute('href') ?? '';
    const linked = new RegExp(`[?&#](?:disputeId|refundId)=${m[2]}(?:&|$|#)`).test(link);
    if (!m[1] && !linked) continue;
    const type = m[1] ?? (/exchange/.test(link) ? '换货' : /postage/.test(link) ? '邮费' : '');
    refs.push({ i, id: m[2]!, type, el });
  }
  const cases: CaseSnapshot[] = [];
  const seen = new Set<string>();
  refs.forEach((ref, k) => {
    // The item: the highest ancestor of the reference that holds no other reference.
    let item = ref.el;
    const holdsOther = (e: Element) => refs.some((r, j) => j !== k && e.contains(r.el));
    for (let e = ref.el.parentElement; e && !holdsOther(e); e = e.parentElement) item = e;
    if (seen.has(ref.id) || item === ref.el) return;
    seen.add(ref.id);
    const [from, to] = tokenRange(tokens, item);
    opts.rows?.push([ref.id, { root: item, anchor: ref.el.closest('a') ?? ref.el }]);
    cases.push(
      toSnapshot({
        page: 'workbench',
        platform,
        id: ref.id,
        idLabel: undefined,
        bag: ref.type ? { refundType: ref.type } : {},
        drift: [],
        flags: {},
        typePieces: [],
        countdownTexts: countdownTexts(tokens, from, to, opts.now),
        now: opts.now,
      }),
    );
  });
  return cases;
}

/** At most this many unrecognised labels are offered to staff to teach. */
const MAX_UNKNOWN_LABELS = 30;
const LABEL_LIKE = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z /（）()]{0,11}$/u;

/**
 * Texts that look like labels but name no field we know: header cells of the page's table, texts
 * ending in a colon, `dt` elements. Staff can teach what each means (the sidebar lists them when a
 * field is missing); taught ones, ignored ones and buyer text are never listed.
 */
function unknownLabels(tokens: Token[], table: Table | undefined, taught: TaughtLabels | undefined): string[] {
  const found = new Set<string>();
  const offer = (raw: string) => {
    const label = raw.replace(/:$/, '').trim();
    if (
      found.size >= MAX_UNKNOWN_LABELS ||
      !LABEL_LIKE.test(label) ||
      Object.hasOwn(LABELS, label) ||
      (taught && Object.hasOwn(taught, label))
    )
      return;
    found.add(label);
  };
  for (const c of table?.columns ?? []) if (!c.field) offer(c.label);
  for (const t of tokens) {
    if (t.free || t.label) continue;
    if (t.text.endsWith(':') || t.node.parentElement?.localName === 'dt') offer(t.text);
  }
  return [...found];
}

/** The DOM reading stays complete on its own; the embedded data only fills fields it lacks. */
function mergeDisputeData(reading: PageReading, data: CaseSnapshot[]): void {
  for (const d of data) {
    const c = reading.cases.find((x) => x.disputeId === d.disputeId);
    if (!c) continue;
    const target = c as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(d)) if (target[k] === undefined && v !== undefined) target[k] = v;
  }
}
