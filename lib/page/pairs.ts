/**
 * Reading strategy: labelled pairs (`退款编号：287…`, `<dt>买家</dt><dd>…</dd>`), and the trust model
 * every strategy shares: whose text a piece is, and what happens when a page states one fact twice.
 *
 * A buyer writes the nick, the reason, the description, the item title (copied), the SKU and every
 * message. Their values are marked free text: no label, id, status, amount or countdown is read in
 * them. A fact the page states twice with two meanings is no fact: the field is left missing and a
 * drift note says why.
 */
import { isDateOnly, parseMoneyFen } from './parse';
import { ownCell, type Token } from './tokens';
import { FIELD_LABEL, FREE_TEXT_FIELDS, statusFromText, type LabelField } from './vocabulary';

export type Bag = Partial<Record<LabelField, string>>;

/** What one case's pieces said, field by field, and which fields the page contradicted. */
export interface Said {
  bag: Bag;
  conflicts: Set<LabelField>;
  /** Where each value came from, for the support tool: `label 退款金额`, `column 退款金额`, `heading`. */
  from: Partial<Record<LabelField, string>>;
}

export const newSaid = (): Said => ({ bag: {}, conflicts: new Set(), from: {} });

/** The longest value kept for a free-text field (a reason, a title) before it is cut with `…`. */
export const MAX_FREE_TEXT = 500;

const COUNTDOWN_TAIL = /\s*(?:还剩|剩余|已超时)/;
const statusWords = (t: string) => {
  const cut = t.search(COUNTDOWN_TAIL);
  return (cut < 0 ? t : t.slice(0, cut)).replace(/[，,]\s*$/, '').trim();
};

/** Whether two values stated for a field mean the same. */
function sameMeaning(field: LabelField, a: string, b: string): boolean {
  if (a === b) return true;
  switch (field) {
    case 'refundFen':
    case 'paidFen':
    case 'postageFen':
      return parseMoneyFen(a) === parseMoneyFen(b);
    case 'disputeId':
    case 'orderId':
    case 'itemId':
    case 'appliedAt':
    case 'paidAt':
    case 'shippedAt':
    case 'signedAt':
    case 'returnShippedAt':
      return a.replace(/\D/g, '') === b.replace(/\D/g, '');
    case 'status': {
      const x = statusWords(a);
      const y = statusWords(b);
      return (
        x === y ||
        (['refund', 'exchange', 'postage'] as const).every(
          (k) => statusFromText(x, k) === statusFromText(y, k) && statusFromText(x, k) !== 'UNKNOWN',
        )
      );
    }
    default:
      return a.replace(/\s/g, '') === b.replace(/\s/g, '');
  }
}

/** Note a value for a field: the first stands; a later one that means something else voids both. */
export function state(said: Said, field: LabelField, value: string, from: string): void {
  if (field === 'actions' || !value) return;
  const before = said.bag[field];
  if (before === undefined) {
    said.bag[field] = value;
    said.from[field] = from;
  } else if (!FREE_TEXT_FIELDS.has(field) && !sameMeaning(field, before, value)) said.conflicts.add(field);
}

/** The fields the page contradicted are left out; what is left, and the notes that say why. */
export function settle(said: Said): { bag: Bag; drift: string[] } {
  const drift: string[] = [];
  for (const f of said.conflicts) {
    delete said.bag[f];
    said.from[f] = 'conflict';
    drift.push(`${FIELD_LABEL[f] ?? f}：页面上有两个不同的值，未采用`);
  }
  return { bag: said.bag, drift };
}

/**
 * Whether `next` sits in the value slot of the bare label `label`: inside the label element's own
 * container (its pair, its row of a two-column table, its `dl`), not in a later region.
 */
export function inSlot(label: Token, next: Token): boolean {
  const box = ownCell(label)?.parentElement;
  return !!box && box.contains(next.node);
}

/**
 * Mark the values of free-text labels (买家, 退款原因, 退款说明, 宝贝 …) as free, with every later piece
 * of the same value element (`原因：<span>质量问题<br>售后状态：退款成功</span>`). Run before any other
 * strategy, so that no id, label or countdown is looked for inside them.
 */
export function markFreeValues(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.free || !t.label || !FREE_TEXT_FIELDS.has(t.label.field)) continue;
    // The value is this piece's rest, or the next piece; it runs on through that value's element.
    let at = i;
    if (!t.label.rest) {
      at = i + 1;
      // An empty value: the next piece is another label standing alone (a header cell), or in another slot.
      if (at >= tokens.length || (tokens[at]!.label && !tokens[at]!.label!.rest) || !inSlot(t, tokens[at]!)) continue;
    }
    const valueEl = tokens[at]!.node.parentElement;
    if (at > i) tokens[at]!.free = true;
    let k = at + 1;
    // The value's element holds the value (and, inline, its label): never the label's whole row.
    if (valueEl && (at > i ? !valueEl.contains(t.node) : true)) {
      for (; k < tokens.length && valueEl.contains(tokens[k]!.node); k++) tokens[k]!.free = true;
    }
    i = k - 1;
  }
}

const TIME_FIELDS: ReadonlySet<LabelField> = new Set<LabelField>([
  'appliedAt',
  'paidAt',
  'shippedAt',
  'signedAt',
  'returnShippedAt',
]);

/** Whether `next` is the time of day that completes the date `value` (shown in its own element). */
export function isClockAfterDate(value: string, next: string): boolean {
  return isDateOnly(value) && /^\d{1,2}:\d{2}(?::\d{2})?$/.test(next);
}

/** Whether a field holds an instant. */
export const isTimeField = (f: LabelField): boolean => TIME_FIELDS.has(f);

/** Join a free-text value's pieces, cut to MAX_FREE_TEXT with a visible `…`. */
export function joinFree(pieces: string[]): string {
  const text = pieces.join(' ');
  return text.length > MAX_FREE_TEXT ? `${text.slice(0, MAX_FREE_TEXT - 1)}…` : text;
}

/**
 * Read `label：value` pairs from tokens[from, to). A label's value is its rest, or the next piece
 * when that piece is no label itself; a free-text label's value is all of its (free) pieces.
 */
export function readPairs(tokens: Token[], from: number, to: number, said: Said): void {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const l = t.label;
    if (!l || t.free) continue;
    if (FREE_TEXT_FIELDS.has(l.field)) {
      const pieces = l.rest ? [l.rest] : [];
      let k = i + 1;
      // The value runs on through its own slot only: the free cells of a row below (a group header's
      // 买家：… over a row whose 宝贝 cell is free text too) are another field's.
      for (; k < to && tokens[k]!.free && inSlot(t, tokens[k]!); k++) pieces.push(tokens[k]!.text);
      state(said, l.field, joinFree(pieces), `label ${l.label}`);
      i = k - 1;
      continue;
    }
    let value = l.rest;
    if (!value) {
      const next = tokens[i + 1];
      if (i + 1 >= to || !next || next.label || next.free || !inSlot(t, next)) continue;
      value = next.text;
      i += 1;
    }
    // A date and its time of day in two adjacent elements (2026-11-21 / 22:08:51) are one instant.
    const clock = tokens[i + 1];
    if (TIME_FIELDS.has(l.field) && i + 1 < to && clock && isClockAfterDate(value, clock.text) && inSlot(t, clock)) {
      value = `${value} ${clock.text}`;
      i += 1;
    }
    state(said, l.field, value, `label ${l.label}`);
  }
}
