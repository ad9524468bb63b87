/**
 * Read the after-sales cases a page shows, from what a person sees: visible labels and their values,
 * table headers and the cells under them. Never from class names or ids, which the platform hashes.
 *
 * Its per-piece and per-row loops index arrays instead of using for-of, destructuring or callbacks:
 * a page's first read runs almost wholly in V8's interpreter, where those go through the iterator
 * protocol or a call per item (about 2.5 of 15 ms of a cold 200-row read).
 */
import type { CaseFlags, CaseKind, CaseSnapshot, HistoryEntry, PageKind, PageReading, ReturnLogistics, UnparsedTimes } from '../shared/types';
import { isDetailPage } from '../shared/types';
import { detectFromContent, detectFromUrl, detectPlatform, type ContentCues } from './detect';
import { maskBuyer, mayBeCountdown, normalizeText, parseChinaTime, parseMoneyFen, resolveCase, TIME_FIELDS } from './parse';
import {
  FIELD_LABEL,
  FLAG_WORDS,
  goodsStatusFromText,
  ID_LABELS,
  LABEL_NAMES,
  LABELS,
  SECTION_HEADINGS,
  shippedFromText,
  STAT_LABELS,
  statusFromText,
  typeFromText,
  type LabelField,
} from './vocabulary';
import { readDisputeData } from './refund2-data';

export interface ReadOptions {
  url: string;
  /** Time of reading, epoch ms: countdowns become instants relative to it. */
  now: number;
  /** When given, filled with each list row's region and its id element, by dispute id (for row badges). */
  rows?: Map<string, { root: Element; anchor: Element }>;
}

interface Token {
  text: string;
  /** The text node itself: its element is asked for only where needed (each DOM call from the
   * content script's isolated world costs a wrapper lookup, and there are thousands of pieces). */
  node: Text;
  /** `labelOf(text)`, worked out in the walk (null: not a label). */
  label: LabelHit | null;
}

/** Elements whose text is not shown: their whole subtree is left out (as is any [hidden] one). */
const SKIP_TAGS = ['head', 'script', 'style', 'noscript', 'template', 'textarea', 'select', 'svg', 'iframe'];
const SKIP_TAGS_IN_BODY = SKIP_TAGS.filter((t) => t !== 'head');
const MAX_TOKENS = 200_000;

/** The page's visible text, and where in it the later passes should look. */
interface TextIndex {
  tokens: Token[];
  /** Where the pieces that open with an id label (退款编号…) are: one per case. */
  idAt: number[];
  /** Where the pieces that are a label and nothing else are: column header candidates. */
  bareLabelAt: number[];
  /** How many pieces are a stat-card label. */
  statLabels: number;
}

/**
 * Visible text pieces in document order, each with its text node. A plain text walker (no filter
 * callback, which costs a call per node) that jumps over the subtrees of hidden and non-text
 * elements, found by one query per tag; the extension's own UI (the sidebar, the row badges) is in
 * shadow roots the walker does not enter.
 */
function* collectTokens(root: Node): Generator<void, TextIndex> {
  const doc = root.ownerDocument ?? (root as Document);
  // First text node of each left-out subtree → its last, to jump to. One query per tag is much
  // cheaper than one selector list; where two subtrees start at the same text, the outer one wins.
  // Each query walks the whole page once: on a sale-day list each is a step of its own.
  const scope = root as Element | Document;
  const skipped: Element[] = [];
  const take = (found: NodeListOf<Element> | HTMLCollectionOf<Element>) => {
    for (let i = 0; i < found.length; i++) skipped.push(found[i]!);
  };
  take(scope.querySelectorAll('[hidden]'));
  // A body holds no head: that query would walk the page for nothing.
  const tags = (root as Element).localName === 'body' ? SKIP_TAGS_IN_BODY : SKIP_TAGS;
  for (let i = 0; i < tags.length; i++) {
    yield;
    take(scope.getElementsByTagName(tags[i]!));
  }
  const skips = new Map<Node, { last: Node; el: Element }>();
  for (let i = 0; i < skipped.length; i++) {
    const el = skipped[i]!;
    const inside = doc.createTreeWalker(el, 0x4);
    const first = inside.nextNode();
    if (!first) continue;
    const known = skips.get(first);
    if (known && known.el.contains(el)) continue;
    let last = first;
    for (let t = inside.nextNode(); t; t = inside.nextNode()) last = t;
    skips.set(first, { last, el });
  }
  const index: TextIndex = { tokens: [], idAt: [], bareLabelAt: [], statLabels: 0 };
  const { tokens, idAt, bareLabelAt } = index;
  let sincePause = 0;
  const walker = doc.createTreeWalker(root, 0x4);
  for (let n = walker.nextNode(); n && tokens.length < MAX_TOKENS; n = walker.nextNode()) {
    const skip = skips.size ? skips.get(n) : undefined;
    if (skip) {
      walker.currentNode = skip.last;
      continue;
    }
    const raw = n.nodeValue;
    if (!raw) continue;
    // Whitespace alone normalises to nothing.
    const text = normalizeText(raw);
    if (!text) continue;
    // What the later passes look for is noted here, in the one pass over every piece.
    const code = text.charCodeAt(0);
    const hit = LABEL_FIRST_CODES.has(code) ? labelOf(text) : null;
    if (hit?.field === 'disputeId') idAt.push(tokens.length);
    if (hit?.label === text) bareLabelAt.push(tokens.length);
    const t: Token = { text, node: n as Text, label: hit };
    if (STAT_FIRST_CODES.has(code) && STAT_LABEL_SET.has(text)) index.statLabels++;
    tokens.push(t);
    if (++sincePause === TOKENS_PER_STEP) {
      sincePause = 0;
      yield;
    }
  }
  return index;
}

const STAT_LABEL_SET = new Set(STAT_LABELS);
const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Most text pieces start with no label's first character: a lookup of that character's code spares
 * them the regex (and the hashing of the whole text). Codes, not one-character strings: each
 * `charAt` of a Chinese character makes a new string.
 */
const LABEL_FIRST_CODES = new Set(LABEL_NAMES.map((l) => l.charCodeAt(0)));
const STAT_FIRST_CODES = new Set(STAT_LABELS.map((l) => l.charCodeAt(0)));
/** One alternation of every label, longest first, followed by end, a colon, or a money/number value. */
const LABEL_RE = new RegExp(`^(${LABEL_NAMES.map(escapeRe).join('|')})(?:$|\\s*:\\s*(.*)$|\\s+(?=[¥$\\d])(.*)$)`);

interface LabelHit {
  label: string;
  field: LabelField;
  rest: string;
}

/**
 * `label：value`, `label value` (money or digits), or a bare label whose value is the next token.
 * Asked only of text whose first character starts a label (LABEL_FIRST_CODES).
 */
function labelOf(text: string): LabelHit | null {
  const m = LABEL_RE.exec(text);
  const label = m?.[1];
  return label ? { label, field: LABELS[label]!, rest: (m[2] ?? m[3] ?? '').trim() } : null;
}

type Bag = Partial<Record<LabelField, string>>;

/** Read `label: value` pairs from a token run; first value for a field wins. */
function readPairs(tokens: Token[], bag: Bag): void {
  for (let i = 0; i < tokens.length; i++) {
    const l = tokens[i]!.label;
    if (!l) continue;
    let value = l.rest;
    if (!value) {
      const next = tokens[i + 1];
      if (!next || next.label) continue;
      value = next.text;
      i += 1;
    }
    if (bag[l.field] === undefined) bag[l.field] = value;
  }
}

const FLAG_OF = new Map(Object.entries(FLAG_WORDS));
const FLAG_FIRST_CODES = new Set([...FLAG_OF.keys()].map((w) => w.charCodeAt(0)));
const FLAG_MAX_LENGTH = Math.max(...[...FLAG_OF.keys()].map((w) => w.length));

/** The flag words among a row's pieces (a whole piece each). Most pieces are ruled out by length or first character. */
function readFlags(pieces: Token[]): CaseFlags {
  const flags: CaseFlags = {};
  for (let i = 0; i < pieces.length; i++) {
    const t = pieces[i]!.text;
    if (t.length > FLAG_MAX_LENGTH || !FLAG_FIRST_CODES.has(t.charCodeAt(0))) continue;
    const f = FLAG_OF.get(t);
    if (f) flags[f] = true;
  }
  return flags;
}

interface Row {
  id: string;
  label: string;
  /** The row's region: the largest ancestor of its id that holds no other case. */
  root: Element;
  /** The element showing the id. */
  anchor: Element;
}

/** The highest ancestor of each id anchor that holds no other case: one list row each. */
function* findRows({ tokens, idAt }: TextIndex): Generator<void, Row[]> {
  const anchors: { id: string; label: string; el: Element }[] = [];
  for (let k = 0; k < idAt.length; k++) {
    const i = idAt[k]!;
    if (k % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const l = tokens[i]!.label!;
    const m = (l.rest || tokens[i + 1]?.text || '').match(/^(\d{5,24})\b/);
    if (m) anchors.push({ id: m[1]!, label: l.label, el: tokens[i]!.node.parentElement! });
  }
  // The one id under each ancestor of an anchor, or MANY. Once a climb meets MANY, everything
  // above is MANY too: each anchor climbs only through its own row.
  const MANY = '';
  const idUnder = new Map<Element, string>();
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    if (k % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    for (let e: Element | null = a.el; e; e = e.parentElement) {
      const known = idUnder.get(e);
      if (known === MANY || known === a.id) break;
      idUnder.set(e, known === undefined ? a.id : MANY);
    }
  }
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    if (k % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    let root = a.el;
    for (let e = a.el.parentElement; e && idUnder.get(e) === a.id; e = e.parentElement) root = e;
    rows.push({ id: a.id, label: a.label, root, anchor: a.el });
  }
  return rows;
}

interface Header {
  el: Element;
  fields: (LabelField | undefined)[];
  labels: string[];
}

/** The column header of a list: an element whose children are mostly known column labels. */
function* findHeader({ tokens, bareLabelAt }: TextIndex, inRow: (el: Element) => boolean): Generator<void, Header | undefined> {
  const scores = new Map<Element, number>();
  for (let k = 0; k < bareLabelAt.length; k++) {
    const i = bareLabelAt[k]!;
    if (k % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const el = tokens[i]!.node.parentElement!;
    if (inRow(el)) continue;
    for (let cell: Element | null = el; cell && cell.parentElement; cell = cell.parentElement) {
      if (cell.parentElement.childElementCount >= 3) {
        scores.set(cell.parentElement, (scores.get(cell.parentElement) ?? 0) + 1);
        break;
      }
    }
  }
  let best: Element | undefined;
  let bestScore = 1;
  for (const [el, score] of scores) if (score > bestScore) [best, bestScore] = [el, score];
  if (!best) return undefined;
  const labels = [...best.children].map((c) => normalizeText(c.textContent ?? ''));
  return { el: best, labels, fields: labels.map((l) => (Object.hasOwn(LABELS, l) ? LABELS[l] : undefined)) };
}

/** Child-index path from a row's root to its cells: rows of one list share it, so try it first. */
type CellPath = number[];

/** The i-th child element, by stepping siblings (no live `children` collection made per call). */
function childAt(el: Element, i: number): Element | null {
  let c = el.firstElementChild;
  for (let k = 0; c && k < i; k++) c = c.nextElementSibling;
  return c;
}

function childrenOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}

function followPath(root: Element, path: CellPath): Element | null {
  let el: Element | null = root;
  for (let k = 0; el && k < path.length; k++) el = childAt(el, path[k]!);
  return el;
}

/** Inside a row, the element whose children line up with the header's cells (not the id line). */
function findCells(row: Row, count: number, hint: { path?: CellPath }): Element[] | undefined {
  const fits = (el: Element): boolean => el.childElementCount === count && !el.contains(row.anchor);
  if (hint.path) {
    const el = followPath(row.root, hint.path);
    if (el && fits(el)) return childrenOf(el);
  }
  const queue: [Element, CellPath][] = [[row.root, []]];
  for (let i = 0; i < queue.length; i++) {
    const [el, path] = queue[i]!;
    if (fits(el)) {
      hint.path = path;
      return childrenOf(el);
    }
    if (path.length < 6) childrenOf(el).forEach((c, j) => queue.push([c, [...path, j]]));
  }
  return undefined;
}

/** Values from cells under a column header: the first token, and for some columns all of them. */
function readColumns(rowTokens: Token[], cells: Element[], header: Header, bag: Bag, extra: string[]): void {
  const line = cells[0]?.parentElement;
  if (!line) return;
  // The first value of each column; all of a joined column's (a type, a logistics or a status cell),
  // from the first cell with that column's label.
  const joined: Bag = {};
  const joinedCell: Partial<Record<LabelField, number>> = {};
  // Tokens and cells are both in document order: each token's cell is the current one or a later
  // one. Tokens outside the cells' line (the id line above it) belong to no column.
  let k = 0;
  for (let q = 0; q < rowTokens.length; q++) {
    const t = rowTokens[q]!;
    if (!line.contains(t.node)) continue;
    let j = k;
    while (j < cells.length && !cells[j]!.contains(t.node)) j++;
    if (j === cells.length) continue;
    k = j;
    const field = header.fields[j];
    if (!field || field === 'actions') continue;
    if (field === 'refundType' || field === 'logistics' || field === 'status') {
      extra.push(t.text);
      if ((joinedCell[field] ??= j) !== j) continue;
      const before = joined[field];
      joined[field] = before === undefined ? t.text : `${before} ${t.text}`;
    } else if (bag[field] === undefined) bag[field] = t.text;
  }
  for (const field in joined) if (bag[field as LabelField] === undefined) bag[field as LabelField] = joined[field as LabelField];
}

function kindFor(page: PageKind, idLabel: string | undefined, typeText: string | undefined): CaseKind {
  const type = typeText === undefined ? undefined : typeFromText(typeText);
  if (idLabel === '换货单号' || idLabel === '换货编号' || type?.exchange) return 'exchange';
  if (idLabel === '邮费单号' || type?.postage) return 'postage';
  if (page === 'exchange-list' || page === 'exchange-detail') return 'exchange';
  if (page === 'postage-list') return 'postage';
  return 'refund';
}

function parseLogistics(bag: Bag, now: number): ReturnLogistics | undefined {
  const lg: ReturnLogistics = {};
  const line = bag.logistics;
  if (line) {
    const number = line.match(/\b([A-Z]{0,4}\d{8,20})\b/);
    if (number) lg.number = number[1];
    const carrier = line.match(/([\u4e00-\u9fff]{2,6}(?:快递|速递|速运|物流|EMS))/);
    if (carrier) lg.carrier = carrier[1];
    const state = line.match(/已签收|签收成功|派送成功|已拒收|运输中|已揽收|派送中|签收失败/);
    if (state) lg.state = state[0];
  }
  if (bag.carrier) lg.carrier = bag.carrier;
  if (bag.logisticsNumber) lg.number = bag.logisticsNumber;
  if (bag.logisticsState) lg.state = bag.logisticsState;
  const shipped = bag.returnShippedAt && parseChinaTime(bag.returnShippedAt, now);
  if (shipped) lg.shippedAt = shipped;
  return Object.keys(lg).length ? lg : undefined;
}

function readHistory(tokens: Token[], now: number): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let cur: HistoryEntry | undefined;
  for (const t of tokens) {
    const at = /^\d{4}[-/]\d{1,2}[-/]\d{1,2} \d{1,2}:\d{2}(:\d{2})?$/.test(t.text) ? parseChinaTime(t.text, now) : undefined;
    if (at) {
      if (cur) out.push(cur);
      cur = { at, actor: '', text: '' };
    } else if (cur) {
      if (!cur.actor && t.text.length <= 6) cur.actor = t.text;
      else cur.text = cur.text ? `${cur.text} ${t.text}` : t.text;
    }
  }
  if (cur) out.push(cur);
  return out.filter((h) => h.text || h.actor);
}

const MONEY_FIELDS = ['refundFen', 'paidFen', 'postageFen'] as const;
const TYPE_TOKEN = /^(?:仅退款|退货退款|换货)\s*\((?:售中|售后)\)$/;

/**
 * Build one snapshot from a bag of label values. Only what was read is set. Its times and countdown
 * are kept as shown (`unparsed`): `resolveCase` works them out, off the page's thread for a list.
 */
function toSnapshot(
  page: PageKind,
  platform: CaseSnapshot['platform'],
  id: string,
  idLabel: string | undefined,
  bag: Bag,
  pieces: Token[],
  countdownText: string[],
  now: number,
): CaseSnapshot {
  const kind = kindFor(page, idLabel, bag.refundType);
  const snap: CaseSnapshot = { platform, disputeId: id, kind, status: 'UNKNOWN', flags: {} };
  const digits = bag.orderId?.match(/\d{6,24}/);
  if (digits) snap.orderId = digits[0];
  if (bag.buyer) snap.buyer = maskBuyer(bag.buyer);
  for (let i = 0; i < MONEY_FIELDS.length; i++) {
    const f = MONEY_FIELDS[i]!;
    const v = bag[f] !== undefined ? parseMoneyFen(bag[f]) : undefined;
    if (v !== undefined) snap[f] = v;
  }
  let times: UnparsedTimes['times'];
  for (let i = 0; i < TIME_FIELDS.length; i++) {
    const f = TIME_FIELDS[i]!;
    if (bag[f] !== undefined) (times ??= {})[f] = bag[f];
  }
  // Lists often show the type unlabelled, e.g. 退货退款(售后) at the head of the row.
  let type = bag.refundType;
  for (let i = 0; type === undefined && i < pieces.length; i++) if (TYPE_TOKEN.test(pieces[i]!.text)) type = pieces[i]!.text;
  type ??= '';
  const said = typeFromText(type);
  if (said.refundType) snap.refundType = said.refundType;
  else if (kind === 'exchange') snap.refundType = '换货';
  else if (kind === 'postage') snap.refundType = '邮费';
  if (said.phase) snap.phase = said.phase;
  const shipped = shippedFromText(bag.shipped ?? type) ?? (bag.goodsStatus ? shippedFromText(bag.goodsStatus) : undefined);
  if (shipped !== undefined) snap.shipped = shipped;
  const goods = bag.goodsStatus ? goodsStatusFromText(bag.goodsStatus) : undefined;
  if (goods) snap.goodsStatus = goods;
  if (bag.status) {
    // The status cell may carry the countdown after the status words: keep the words only.
    const cut = bag.status.search(/\s*(?:还剩|剩余|已超时)/);
    const statusText = (cut < 0 ? bag.status : bag.status.slice(0, cut)).replace(/[，,]\s*$/, '').trim();
    snap.statusText = statusText;
    snap.status = statusFromText(statusText, kind);
  }
  if (bag.reason) snap.reason = bag.reason;
  if (bag.item) snap.item = bag.item;
  let countdown: string[] | undefined;
  for (let i = 0; i < countdownText.length; i++) if (mayBeCountdown(countdownText[i]!)) (countdown ??= []).push(countdownText[i]!);
  if (times || countdown) snap.unparsed = { ...(times ? { times } : {}), ...(countdown ? { countdown } : {}) };
  const lg = parseLogistics(bag, now);
  if (lg) snap.returnLogistics = lg;
  snap.flags = readFlags(pieces);
  return snap;
}

const EXPECTED: Partial<Record<PageKind, LabelField[]>> = {
  'refund-list': ['disputeId', 'orderId', 'refundFen', 'status', 'appliedAt'],
  'exchange-list': ['disputeId', 'orderId', 'status', 'appliedAt'],
  'postage-list': ['disputeId', 'orderId', 'postageFen', 'status'],
  'refund-detail': ['disputeId', 'orderId', 'refundFen', 'status'],
  'exchange-detail': ['disputeId', 'orderId', 'status'],
};

const SNAPSHOT_KEY: Partial<Record<LabelField, keyof CaseSnapshot>> = {
  disputeId: 'disputeId',
  orderId: 'orderId',
  refundFen: 'refundFen',
  postageFen: 'postageFen',
  status: 'statusText',
  appliedAt: 'appliedAt',
};

function missingFor(page: PageKind, cases: CaseSnapshot[]): string[] {
  const expected = EXPECTED[page];
  if (!expected) return [];
  if (!cases.length) return [];
  const missing: string[] = [];
  for (const f of expected) {
    const key = SNAPSHOT_KEY[f];
    if (!key) continue;
    for (let i = 0; i < cases.length; i++) {
      if (cases[i]![key] === undefined && (key !== 'appliedAt' || cases[i]!.unparsed?.times?.appliedAt === undefined)) {
        missing.push(FIELD_LABEL[f] ?? f);
        break;
      }
    }
  }
  return missing;
}

function readStats(tokens: Token[]): Record<string, number> {
  const stats: Record<string, number> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (!STAT_LABEL_SET.has(t)) continue;
    const before = tokens[i - 1]?.text;
    const after = tokens[i + 1]?.text;
    const n = [before, after].find((x) => x !== undefined && /^\d{1,7}$/.test(x));
    if (n !== undefined && stats[t] === undefined) stats[t] = Number(n);
  }
  return stats;
}

/** Split a detail page's tokens at its section headings. */
function splitSections(tokens: Token[]): Record<'main' | 'logistics' | 'history' | 'reply', Token[]> {
  const out = { main: [] as Token[], logistics: [] as Token[], history: [] as Token[], reply: [] as Token[] };
  let cur: keyof typeof out = 'main';
  for (const t of tokens) {
    // Own keys only: page text such as "constructor" is no heading.
    const heading = Object.hasOwn(SECTION_HEADINGS, t.text) ? SECTION_HEADINGS[t.text] : undefined;
    if (heading) {
      cur = heading === 'info' ? 'main' : heading;
      continue;
    }
    out[cur].push(t);
  }
  return out;
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
 * Rows read, and text pieces collected, between two pauses of `readPageSteps`: small steps (a few
 * ms on a cold start, when every node is new to the script), so that the caller, who pauses by the
 * clock, never overruns its slice by much.
 */
const ROWS_PER_STEP = 50;
const TOKENS_PER_STEP = 1000;

/**
 * The same reading as `readPage`, as steps: it pauses after collecting the page's text and every
 * ROWS_PER_STEP rows, so a caller can spread a sale-day list over several short tasks.
 */
export function* readPageSteps(root: Document | Element, opts: ReadOptions): Generator<void, PageReading> {
  const { now } = opts;
  const doc = 'documentElement' in root ? root : root.ownerDocument;
  const top = 'documentElement' in root ? (root.body ?? root.documentElement) : root;
  const text: TextIndex = top ? yield* collectTokens(top) : { tokens: [], idAt: [], bareLabelAt: [], statLabels: 0 };
  const { tokens } = text;
  yield;
  const byUrl = detectFromUrl(opts.url);
  const rows = yield* findRows(text);
  const rowRoots = new Set(rows.map((r) => r.root));
  // Whether an element lies in a row; remembered for every element passed on the way up.
  const inRowMemo = new Map<Element, boolean>();
  const inRow = (el: Element) => {
    const path: Element[] = [];
    let found = false;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const known = inRowMemo.get(e);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(e);
      if (rowRoots.has(e)) {
        found = true;
        break;
      }
    }
    for (const e of path) inRowMemo.set(e, found);
    return found;
  };
  const listMode = rows.length > 1 || (rows.length === 1 && rows[0]!.root !== doc.documentElement && rows[0]!.root !== doc.body);
  const header = yield* findHeader(text, rows.length > 1 ? inRow : () => false);
  yield;
  const banner = tokens.slice(0, 40).map((t) => t.text).join(' ');
  const cues: ContentCues = {
    headerLabels: header ? header.labels.filter((l) => Object.hasOwn(LABELS, l)) : [],
    idLabels: [...new Set(rows.map((r) => r.label))],
    statLabels: text.statLabels,
    hasCountdownOrStatus: tokens.some((t) => /还剩|当前状态|退款状态|售后状态/.test(t.text)),
    bannerText: banner,
  };
  const byContent = detectFromContent(cues);
  // The URL is the first guess; the content decides where the URL does not know the page.
  const page: PageKind = byUrl.kind !== 'unknown' ? byUrl.kind : byContent;
  const platform = detectPlatform(opts.url, banner);
  const reading: PageReading = { page, era: byUrl.era, platform, stats: {}, cases: [], missing: [] };

  if (page === 'workbench') {
    reading.stats = readStats(tokens);
    if (Object.keys(reading.stats).length === 0) reading.missing.push('统计卡片');
    return reading;
  }
  if (page === 'unknown') return reading;

  if (isDetailPage(page)) {
    const sections = splitSections(tokens);
    const bag: Bag = {};
    readPairs(sections.main, bag);
    const lgBag: Bag = {};
    readPairs(sections.logistics, lgBag);
    if (lgBag.carrier || lgBag.logisticsNumber) {
      bag.carrier = lgBag.carrier;
      bag.logisticsNumber = lgBag.logisticsNumber;
      bag.logisticsState = lgBag.logisticsState;
      bag.returnShippedAt = lgBag.returnShippedAt;
    }
    const id = rows[0]?.id ?? bag.disputeId?.match(/\d{5,24}/)?.[0];
    if (id) {
      const mainText = sections.main.map((t) => t.text);
      // A detail page may split its countdown sentence over several elements: read it whole.
      // One case: its times are worked out here.
      const snap = resolveCase(toSnapshot(page, platform, id, rows[0]?.label, bag, sections.main, [mainText.join(' ')], now), now);
      if (lgBag.signedAt && snap.returnLogistics) {
        const s = parseChinaTime(lgBag.signedAt, now);
        if (s) snap.returnLogistics.signedAt = s;
      }
      if (!snap.returnLogistics && bag.logistics) delete snap.returnLogistics;
      const history = readHistory(sections.history, now);
      if (history.length) snap.history = history;
      reading.cases.push(snap);
    } else {
      reading.missing.push('退款编号');
    }
    reading.missing.push(...missingFor(page, reading.cases).filter((m) => !reading.missing.includes(m)));
    return reading;
  }

  // Lists: one snapshot per row region.
  if (listMode || rows.length) {
    let ti = 0;
    const hint: { path?: CellPath } = {};
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      if (index > 0 && index % ROWS_PER_STEP === 0) yield;
      // Tokens are in document order and rows are contiguous: advance instead of rescanning.
      while (ti < tokens.length && !row.root.contains(tokens[ti]!.node)) ti++;
      const first = ti;
      while (ti < tokens.length && row.root.contains(tokens[ti]!.node)) ti++;
      const rowTokens = tokens.slice(first, ti);
      const bag: Bag = {};
      readPairs(rowTokens, bag);
      const extra: string[] = [];
      if (header) {
        const cells = findCells(row, header.el.childElementCount, hint);
        if (cells) readColumns(rowTokens, cells, header, bag, extra);
      }
      // Without a status or type column, any piece of the row may hold its countdown.
      reading.cases.push(toSnapshot(page, platform, row.id, row.label, bag, rowTokens, extra.length ? extra : rowTokens.map((t) => t.text), now));
      opts.rows?.set(row.id, row);
    }
  }
  if (reading.era === 'refund2' && doc) mergeDisputeData(reading, readDisputeData(doc, now, platform));
  if (!reading.cases.length && !tokens.some((t) => /没有符合条件|暂无数据|暂无记录/.test(t.text))) {
    reading.missing.push(page === 'postage-list' ? '邮费单号' : page === 'exchange-list' ? '换货单号' : '退款编号');
  }
  reading.missing.push(...missingFor(page, reading.cases).filter((m) => !reading.missing.includes(m)));
  return reading;
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
