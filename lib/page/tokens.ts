/**
 * The page's visible text as pieces ("tokens") in document order, with the labels among them.
 * Every reading strategy (labelled pairs, column tables, detail pages) works on these.
 *
 * Hot loop: the walk visits every text node of the page on every read, so it indexes arrays and
 * pre-tests first characters instead of using for-of, destructuring or callbacks (a first read runs
 * almost wholly in V8's interpreter). Code outside `collectTokens` is written plainly.
 */
import { normalizeText } from './parse';
import { FREE_TEXT_FIELDS, LABEL_NAMES, LABELS, STAT_LABELS, type LabelField } from './vocabulary';

export interface LabelHit {
  label: string;
  field: LabelField;
  /** The value after `label：` in the same piece ('' for a bare label). */
  rest: string;
}

export interface Token {
  text: string;
  /** The text node itself: its element is asked for only where needed. */
  node: Text;
  /** The label this piece states, or null. A label is a label only at the start of its own element. */
  label: LabelHit | null;
  /** Buyer-written text (a nick, a reason, a message …): never read for facts. Set by the strategies. */
  free: boolean;
}

/** The page's visible text, and where in it the later passes should look. */
export interface TextIndex {
  tokens: Token[];
  /** The labels staff taught for this host. */
  taught?: TaughtLabels;
  /** The extension's own elements: no part of the page's structure either. */
  skip?: ReadonlySet<Element>;
  /** Where the pieces that open with an id label (退款编号…) are. */
  idAt: number[];
  /** Where the pieces that are a label and nothing else are: column header candidates. */
  bareLabelAt: number[];
  /** How many pieces are a stat-card label. */
  statLabels: number;
}

export const EMPTY_INDEX: TextIndex = { tokens: [], idAt: [], bareLabelAt: [], statLabels: 0 };

/** Elements whose text is not shown: their whole subtree is left out (as is any [hidden] one). */
const SKIP_TAGS = ['head', 'script', 'style', 'noscript', 'template', 'textarea', 'select', 'svg', 'iframe'];
const SKIP_TAGS_IN_BODY = SKIP_TAGS.filter((t) => t !== 'head');
const MAX_TOKENS = 200_000;
/** Text pieces collected between two pauses of the walk. */
const TOKENS_PER_STEP = 1000;

const STAT_LABEL_SET = new Set(STAT_LABELS);
const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Most pieces start with no label's first character: that lookup spares them the regex. */
const LABEL_FIRST_CODES = new Set(LABEL_NAMES.map((l) => l.charCodeAt(0)));
const STAT_FIRST_CODES = new Set(STAT_LABELS.map((l) => l.charCodeAt(0)));
/** One alternation of every label, longest first, followed by end, a colon, or a money/number value. */
const LABEL_RE = new RegExp(`^(${LABEL_NAMES.map(escapeRe).join('|')})(?:$|\\s*:\\s*(.*)$|\\s+(?=[¥$\\d])(.*)$)`);

/**
 * Labels the shop's staff taught for a host (label text without colon → field, or `ignore`): they
 * only ever add to the built-in vocabulary.
 */
export type TaughtLabels = Readonly<Record<string, LabelField | 'ignore'>>;

/** `label：value`, `label value` (money or digits), or a bare label whose value is the next piece. */
export function labelOf(text: string, taught?: TaughtLabels): LabelHit | null {
  const m = LABEL_RE.exec(text);
  const label = m?.[1];
  if (label) return { label, field: LABELS[label]!, rest: (m[2] ?? m[3] ?? '').trim() };
  return taught ? taughtLabelOf(text, taught) : null;
}

/** A taught label: the whole text (`售后服务单号`, `售后服务单号:`) or the text before its first colon. */
function taughtLabelOf(text: string, taught: TaughtLabels): LabelHit | null {
  const colon = text.indexOf(':');
  const label = colon < 0 ? text : text.slice(0, colon).trim();
  const field = Object.hasOwn(taught, label) ? taught[label] : undefined;
  if (!field || field === 'ignore') return null;
  return { label, field, rest: colon < 0 ? '' : text.slice(colon + 1).trim() };
}

/**
 * Whether a text node opens its element's text: a label is a text of its own, never a later part
 * of a longer value (`原因：质量问题<br>售后状态：退款成功` holds one label, not two).
 */
function opensItsElement(n: Node): boolean {
  // Only text of the same run comes before it: an element before it (a type tag, the value of an
  // earlier label: `<span>仅退款(售中)</span> 退款编号：<em>…</em> 订单号：…`) ends that run.
  for (let p = n.previousSibling; p && p.nodeType === 3; p = p.previousSibling) if (p.nodeValue?.trim()) return false;
  return true;
}

/** A known label inside a run of labelled facts: after a space, followed by a colon. */
const RUN_LABEL_RE = new RegExp(`\\s(${LABEL_NAMES.map(escapeRe).join('|')}):`, 'g');

/**
 * A run of labelled facts in one text node (`退款编号：… 订单编号：… 申请时间：… 买家：…`, as a group
 * header may show them) → one piece per label. A buyer-text label's value (买家：…) runs to the end of
 * the text: what follows it may be the buyer's own words, so nothing after it is split off.
 */
function splitRun(text: string, hit: LabelHit): { text: string; label: LabelHit }[] {
  if (FREE_TEXT_FIELDS.has(hit.field) || !hit.rest.includes(':')) return [{ text, label: hit }];
  const pieces: { text: string; label: LabelHit }[] = [];
  let label = hit.label;
  let field = hit.field;
  let start = 0;
  RUN_LABEL_RE.lastIndex = 0;
  for (let m = RUN_LABEL_RE.exec(text); m; m = RUN_LABEL_RE.exec(text)) {
    const piece = text.slice(start, m.index).trim();
    pieces.push({ text: piece, label: { label, field, rest: piece.slice(piece.indexOf(':') + 1).trim() } });
    label = m[1]!;
    field = LABELS[label]!;
    start = m.index + 1;
    if (FREE_TEXT_FIELDS.has(field)) break;
  }
  const last = text.slice(start).trim();
  pieces.push({ text: last, label: { label, field, rest: last.slice(last.indexOf(':') + 1).trim() } });
  return pieces;
}

/**
 * Visible text pieces in document order, each with its text node. A plain text walker that jumps
 * over the subtrees of hidden and non-text elements, found by one query per tag, and over `skip`
 * (the extension's own elements, known by reference). Shadow roots are not entered.
 */
export function* collectTokens(
  root: Node,
  skip?: ReadonlySet<Element>,
  taught?: TaughtLabels,
): Generator<void, TextIndex> {
  const anyTaught = !!taught && Object.keys(taught).length > 0;
  const doc = root.ownerDocument ?? (root as Document);
  const scope = root as Element | Document;
  const skipped: Element[] = skip ? [...skip] : [];
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
  // First text node of each left-out subtree → its last, to jump to; the outer subtree wins.
  const skips = new Map<Node, { last: Node; el: Element }>();
  for (let i = 0; i < skipped.length; i++) {
    const el = skipped[i]!;
    if (!root.contains(el)) continue;
    const inside = doc.createTreeWalker(el, 0x4);
    const first = inside.firstChild();
    if (!first) continue;
    const known = skips.get(first);
    if (known && known.el.contains(el)) continue;
    // The walker shows only text: its last "child" is the subtree's last text node at any depth,
    // found without visiting the others (a select's options, a hidden dialog's text).
    inside.currentNode = el;
    const last = inside.lastChild() ?? first;
    skips.set(first, { last, el });
  }
  const index: TextIndex = {
    tokens: [],
    idAt: [],
    bareLabelAt: [],
    statLabels: 0,
    ...(anyTaught ? { taught } : {}),
    ...(skip?.size ? { skip } : {}),
  };
  const { tokens, idAt, bareLabelAt } = index;
  let sincePause = 0;
  const walker = doc.createTreeWalker(root, 0x4);
  for (let n = walker.nextNode(); n && tokens.length < MAX_TOKENS; n = walker.nextNode()) {
    const skipTo = skips.size ? skips.get(n) : undefined;
    if (skipTo) {
      walker.currentNode = skipTo.last;
      continue;
    }
    const raw = n.nodeValue;
    if (!raw) continue;
    const text = normalizeText(raw);
    if (!text) continue;
    const code = text.charCodeAt(0);
    let hit = LABEL_FIRST_CODES.has(code) ? labelOf(text) : null;
    if (!hit && anyTaught && text.length <= 200) hit = taughtLabelOf(text, taught);
    if (hit && !opensItsElement(n)) hit = null;
    if (hit?.rest.includes(':')) {
      // One text node stating several labelled facts: one piece each, all on the same node.
      for (const piece of splitRun(text, hit)) {
        if (piece.label.field === 'disputeId') idAt.push(tokens.length);
        tokens.push({ text: piece.text, node: n as Text, label: piece.label, free: false });
      }
      continue;
    }
    if (hit?.field === 'disputeId') idAt.push(tokens.length);
    if (hit?.label === text) bareLabelAt.push(tokens.length);
    if (STAT_FIRST_CODES.has(code) && STAT_LABEL_SET.has(text)) index.statLabels++;
    tokens.push({ text, node: n as Text, label: hit, free: false });
    if (++sincePause === TOKENS_PER_STEP) {
      sincePause = 0;
      yield;
    }
  }
  return index;
}

const DOCUMENT_POSITION_PRECEDING = 2;

/**
 * The cell a piece of text fills alone: the highest of its element's (at most four) ancestors that
 * wraps that one element and shows no other text (`<th><div><span>退款金额</span></div></th>` → th).
 * Only wrappers with one element child are asked for their text, so a long list costs no more per piece.
 */
export function ownCell(t: Token): Element | null {
  let cell: Element | null = t.node.parentElement;
  const text = t.node.nodeValue?.trim();
  for (let k = 0; k < 4; k++) {
    const up: Element | null | undefined = cell?.parentElement;
    if (!up || up.childElementCount !== 1 || up.childNodes.length > 3 || up.textContent?.trim() !== text) break;
    cell = up;
  }
  return cell;
}

/**
 * The range [start, end) of the tokens inside `el`: a binary search, as tokens are in document order.
 * Hot loop (once per row or card of a list): `from`, a place known to lie before `el` (where the
 * previous row ended), bounds the search, and the range is looked for just after it first (a row
 * follows the last, or its group header): a few DOM calls instead of a dozen.
 */
export function tokenRange(tokens: Token[], el: Element, from?: number): [number, number] {
  // Text nodes are never ancestors: a token either precedes `el` or lies inside or after it.
  const before = (i: number) => !!(el.compareDocumentPosition(tokens[i]!.node) & DOCUMENT_POSITION_PRECEDING);
  let lo = 0;
  let hi = tokens.length;
  if (from !== undefined && from <= hi && (from === 0 || before(from - 1))) {
    lo = from;
    // Galloping: from, from + 1, from + 3, from + 7 … until a token is no longer before `el`.
    for (let step = 1, q = from; q < hi; step *= 2, q = from + step - 1) {
      if (!before(q)) {
        hi = q;
        break;
      }
      lo = q + 1;
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tokens.length && el.contains(tokens[end]!.node)) end++;
  return [lo, end];
}
