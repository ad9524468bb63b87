/**
 * The old refund2 list embeds its rows as `var disputeData = {…};` (one line of strict JSON). We read
 * that object as data (JSON.parse of the balanced literal), never by evaluating the page's script.
 *
 * Its real structure, as public code written against the live page reads it (docs/reference/page-data.md, "The old list"):
 * components under `data`, each with a string `id` that may carry an `@n` suffix; a row's header is
 * `sellerGridHeaderContainer_<disputeId>` (numbers[0].title = type, numbers[2].value = order id,
 * shop.name = buyer); its body is found by `bizName: "disputeBody"` and pairs with the header through
 * the id before `@`. A body's columns are `options[i].title.name`, text that may hold `<br/>` markup:
 * read as text only. Their meaning is the visible header cell in the same position when the page
 * shows one, else the positions the real code uses: [1] 退款金额, [2] 申请时间, [3] 原因,
 * [5] 货物状态, [6] 退款状态. Never "the first ¥": options[0] is another money column.
 */
import type { CaseSnapshot, Platform } from '../shared/types';
import { maskBuyer, normalizeText, parseChinaTime, parseMoneyFen } from './parse';
import { goodsStatusFromText, shippedFromText, statusFromText, typeFromText } from './vocabulary';

/** The balanced `{…}` after `var disputeData =`, or undefined. Strings are honoured. */
export function extractDisputeDataJson(script: string): string | undefined {
  const at = script.search(/var\s+disputeData\s*=\s*\{/);
  if (at < 0) return undefined;
  const start = script.indexOf('{', at);
  let depth = 0;
  let inString = false;
  for (let i = start; i < script.length; i++) {
    const ch = script[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return script.slice(start, i + 1);
  }
  return undefined;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined;

/** A cell's text: markup such as `<br/>` becomes a space, any other tag goes, never HTML. */
export function cellText(v: unknown): string {
  const s = str(v);
  if (!s) return '';
  const t = s
    .slice(0, 2000)
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return normalizeText(t).slice(0, 500);
}

/** What a body column holds, by the words of its header. */
type Column = 'refund' | 'paid' | 'applied' | 'reason' | 'goods' | 'status' | 'other';

const columnOf = (header: string): Column => {
  const h = normalizeText(header);
  if (/退款金额/.test(h)) return 'refund';
  if (/实付|交易金额/.test(h)) return 'paid';
  if (/申请时间/.test(h)) return 'applied';
  if (/原因/.test(h)) return 'reason';
  if (/货物状态|发货状态/.test(h)) return 'goods';
  if (/退款状态|售后状态|^状态$/.test(h)) return 'status';
  return 'other';
};

/** The positions the real code reads (F): options[1] 退款金额, [2] 申请时间, [3] 原因, [5] 货物状态, [6] 退款状态. */
const KNOWN_POSITIONS: readonly Column[] = ['other', 'refund', 'applied', 'reason', 'other', 'goods', 'status'];

/**
 * The meaning of each option, from the visible header row when it lines up with the body (the item
 * cell, then one cell per option, maybe an 操作 cell last), else by the real code's positions.
 */
export function optionColumns(optionCount: number, headers?: readonly string[]): Column[] {
  if (headers?.length) {
    const cells = /操作/.test(headers[headers.length - 1] ?? '') ? headers.slice(0, -1) : headers;
    if (cells.length === optionCount + 1) return cells.slice(1).map(columnOf);
  }
  return Array.from({ length: optionCount }, (_, i) => KNOWN_POSITIONS[i] ?? 'other');
}

/** The id a component stands for: its `id` (or its key's tail) before any `@n`. */
const componentId = (key: string, c: Json): string | undefined => {
  const id = str(c.id)?.split('@')[0] ?? key.split('@')[0]!.split('_').pop();
  return id && /^\d{5,24}$/.test(id) ? id : undefined;
};

/** The most components read from one page. */
const MAX_COMPONENTS = 20_000;

/** The cases of a `disputeData` object (`headers`: the page's visible column headers, when it shows them). */
export function parseDisputeData(
  json: string,
  now: number,
  platform: Platform,
  headers?: readonly string[],
): CaseSnapshot[] {
  return readDisputeDataJson(json, now, platform, headers).cases;
}

/** The cases, and how many headers had no body (`bizName: "disputeBody"`) and bodies no header: for the support tool. */
export function readDisputeDataJson(
  json: string,
  now: number,
  platform: Platform,
  headers?: readonly string[],
): { cases: CaseSnapshot[]; headersWithoutBody: number; bodiesWithoutHeader: number } {
  const none = { cases: [], headersWithoutBody: 0, bodiesWithoutHeader: 0 };
  let root: Json | undefined;
  try {
    root = obj(JSON.parse(json));
  } catch {
    return none;
  }
  const data = obj(root?.data);
  if (!data) return none;
  const heads = new Map<string, Json>();
  const bodies = new Map<string, Json>();
  const keys = Object.keys(data).slice(0, MAX_COMPONENTS);
  for (const key of keys) {
    const c = obj(data[key]);
    if (!c) continue;
    const head = /^sellerGridHeaderContainer_(\d{5,24})(?:@\d+)?$/.exec(key);
    if (head) heads.set(head[1]!, c);
    else if (c.bizName === 'disputeBody') {
      const id = componentId(key, c);
      if (id && !bodies.has(id)) bodies.set(id, c);
    }
  }
  const out: CaseSnapshot[] = [];
  for (const [id, headComponent] of heads) {
    const head = obj(headComponent.fields);
    const numbers = Array.isArray(head?.numbers) ? (head.numbers as unknown[]).map(obj) : [];
    const typeText = cellText(numbers[0]?.title);
    const snap: CaseSnapshot = { platform, disputeId: id, kind: 'refund', status: 'UNKNOWN', flags: {} };
    // The order id: the number labelled 订单, else numbers[2] (F).
    const order = numbers.find((n) => /订单/.test(cellText(n?.title))) ?? numbers[2];
    const orderId = str(order?.value)?.trim();
    if (orderId && /^\d{6,24}$/.test(orderId)) snap.orderId = orderId;
    const type = typeFromText(typeText);
    if (type.refundType === '仅退款' || type.refundType === '退货退款') snap.refundType = type.refundType;
    if (type.phase) snap.phase = type.phase;
    const buyer = cellText(obj(head?.shop)?.name);
    if (buyer) snap.buyer = maskBuyer(buyer);
    const body = obj(bodies.get(id)?.fields);
    const raw = Array.isArray(body?.options)
      ? (body.options as unknown[]).slice(0, 30).map((o) => obj(obj(o)?.title)?.name)
      : [];
    const options = raw.map(cellText);
    const columns = optionColumns(options.length, headers);
    for (let i = 0; i < options.length; i++) {
      const text = options[i]!;
      if (!text) continue;
      switch (columns[i]) {
        case 'refund': {
          const fen = /^[¥￥]|元$/.test(text) ? parseMoneyFen(text) : undefined;
          if (fen !== undefined) snap.refundFen = fen;
          break;
        }
        case 'paid': {
          const fen = /^[¥￥]|元$/.test(text) ? parseMoneyFen(text) : undefined;
          if (fen !== undefined) snap.paidFen = fen;
          break;
        }
        case 'applied': {
          const at = parseChinaTime(text, now);
          if (at) snap.appliedAt = at;
          break;
        }
        case 'reason':
          snap.reason = text;
          break;
        case 'goods': {
          const shipped = shippedFromText(text);
          if (shipped !== undefined) snap.shipped = shipped;
          const goods = goodsStatusFromText(text);
          if (goods) snap.goodsStatus = goods;
          break;
        }
        case 'status': {
          // The status link may hold lines (`待商家收货<br/>…`): the first one is the status.
          const first = cellText(str(raw[i])?.split(/<br\s*\/?>/i)[0]) || text;
          const status = statusFromText(first, 'refund');
          if (status !== 'UNKNOWN') {
            snap.status = status;
            snap.statusText = first;
          }
          break;
        }
      }
    }
    out.push(snap);
  }
  let bodiesWithoutHeader = 0;
  for (const id of bodies.keys()) if (!heads.has(id)) bodiesWithoutHeader++;
  return {
    cases: out,
    headersWithoutBody: [...heads.keys()].filter((id) => !bodies.has(id)).length,
    bodiesWithoutHeader,
  };
}

/**
 * The list's visible column headers: the row of cells whose texts include 退款金额 and another
 * column name (宝贝, 退款金额, 申请时间 …), in order; undefined when the page shows none.
 */
export function visibleColumns(doc: Document): string[] | undefined {
  const cells = doc.querySelectorAll('th, td, span, div, li, p, dt, label');
  for (let i = 0; i < cells.length && i < 20_000; i++) {
    const cell = cells[i]!;
    if (cell.childElementCount || normalizeText(cell.textContent ?? '') !== '退款金额') continue;
    // The header row: the nearest ancestor with several cells, one of them this one's branch.
    for (let row = cell.parentElement, depth = 0; row && depth < 3; row = row.parentElement, depth++) {
      if (row.childElementCount < 4) continue;
      const texts = Array.from(row.children, (c) => normalizeText(c.textContent ?? ''));
      if (texts.some((t) => /申请时间|原因|状态/.test(t)) && texts.every((t) => t.length <= 12)) return texts;
      break;
    }
  }
  return undefined;
}

export function readDisputeData(doc: Document, now: number, platform: Platform): CaseSnapshot[] {
  for (const s of doc.querySelectorAll('script')) {
    const json = extractDisputeDataJson(s.textContent ?? '');
    if (json) return parseDisputeData(json, now, platform, visibleColumns(doc));
  }
  return [];
}
