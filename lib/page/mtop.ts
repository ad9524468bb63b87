/**
 * The new 千牛 pages' own data responses (mtop …disputeservice.qianniu.pc.disputelistv2 /
 * disputedetail), read as public code written against the live pages shows them (see
 * docs/reference/page-data.md): the rows are found by structure (`disputeGridVOList` at any
 * depth, usually under `data.resultData`), keyed by `disputeId` when a row has one and by `bizOrderId`
 * otherwise; money in `disputeBodyVO` is yuan (decimal or ¥ strings; a bare number's unit is unknown
 * until calibrated); `bizClaimType`, status and goods may be numeric codes (lib/page/data-codes.ts).
 *
 * Nothing a response says fills a case until it has agreed with what the page shows
 * (lib/page/calibration.ts). Every value is type-checked: the body is untrusted page data.
 */
import type { CaseKind, CaseSnapshot, CaseStatus, Platform, RefundType } from '../shared/types';
import { CASE_STATUSES, yuan as yuanText } from '../shared/types';
import { Calibration, type DataNote, type Outcome, type Verdict } from './calibration';
import { CLAIM_TYPE_CODES, codeKey, fromCode, GOODS_CODES, STATUS_CODES } from './data-codes';
import { chinaWallIso, isChinaWall } from '../shared/china-time';
import { normalizeText } from './parse';
import { statusFromText, typeFromText } from './vocabulary';

export type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
/** A non-empty trimmed string of at most 500 characters. */
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length <= 500 && v.trim() ? v.trim() : undefined;
const MAX_TEXT = 500;

/** The most rows taken from one response (and kept per frame): a sale-day list's worth. */
export const MAX_DATA_CASES = 5000;
/** How deep and how wide the search for the rows goes. */
const MAX_DEPTH = 10;
const MAX_NODES = 50_000;

// ---- the response text ------------------------------------------------------------------------

/** The JSON of a response: plain, or inside a JSONP call (`mtopjsonp3({...})`); undefined when neither. */
export function parseResponseText(body: string): unknown {
  const t = body.trim();
  const jsonp = /^[A-Za-z_$][\w$]{0,40}\s*\(([\s\S]*)\)\s*;?$/.exec(t);
  try {
    return JSON.parse(jsonp ? jsonp[1]! : t);
  } catch {
    return undefined;
  }
}

// ---- ids --------------------------------------------------------------------------------------

/**
 * An id as a string of digits. A JSON number longer than 15 digits has already lost precision in
 * JSON.parse (a 19-digit order id exceeds 2^53): it is rejected, never rounded into another id.
 */
export function idFrom(v: unknown, minDigits: number): { id?: string; rejected?: string } {
  if (typeof v === 'string') {
    const t = v.trim();
    return t.length >= minDigits && t.length <= 24 && /^\d+$/.test(t) ? { id: t } : {};
  }
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0 || String(v).length > 15)
      return {
        rejected: `JSON 数字 ${String(v).slice(0, 30)} 已失去精度 / a JSON number this long has lost precision`,
      };
    const s = String(v);
    return s.length >= minDigits ? { id: s } : {};
  }
  return {};
}

// ---- finding the rows -------------------------------------------------------------------------

/** One row of a response, with its ids; `shape` names the API and where its rows were found. */
export interface ResponseRow {
  vo: Json;
  disputeId?: string;
  orderId?: string;
}

export interface ResponseRows {
  shape: string;
  rows: ResponseRow[];
  notes: DataNote[];
}

const ID_KEYS = ['disputeId', 'bizOrderId'] as const;
const hasIdField = (v: unknown) => {
  const o = obj(v);
  return !!o && ID_KEYS.some((k) => Object.hasOwn(o, k) && (typeof o[k] === 'string' || typeof o[k] === 'number'));
};
/** A key as it may appear in a shape's name: page data, so only word characters, and short. */
const safeKey = (k: string) => k.replace(/[^\w$]/g, '_').slice(0, 40);

/** The short name of the API a response says it answers (`disputelistv2`), or `mtop`. */
function apiOf(body: Json): string {
  const api = typeof body.api === 'string' ? /qianniu\.pc\.(\w{1,40})/i.exec(body.api)?.[1] : undefined;
  return api ? api.toLowerCase() : 'mtop';
}

/**
 * Breadth first over the body, bounded in depth and nodes; `visit` returns true to stop. Own keys
 * only (JSON.parse makes a `__proto__` key an own property, and it is walked like any other).
 */
function walk(root: unknown, visit: (value: unknown, path: string, key: string) => boolean): void {
  const queue: [unknown, string, number][] = [[root, '', 0]];
  let seen = 0;
  for (let i = 0; i < queue.length && seen < MAX_NODES; i++) {
    const [node, path, depth] = queue[i]!;
    if (depth >= MAX_DEPTH || !node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      // Arrays of rows are visited as a whole; their first items are enough to find nested lists.
      for (let j = 0; j < node.length && j < 3; j++) queue.push([node[j], `${path}[]`, depth + 1]);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (++seen > MAX_NODES) break;
      const value = (node as Json)[key];
      const p = path ? `${path}.${safeKey(key)}` : safeKey(key);
      if (visit(value, p, key)) return;
      queue.push([value, p, depth + 1]);
    }
  }
}

/**
 * The rows of one response, found by structure: the shallowest `disputeGridVOList` array; failing
 * that, the shallowest array of objects carrying `disputeId`/`bizOrderId`; for the detail API, the
 * shallowest object carrying them. A summary-only response (`donutVO`) has no rows, and says so.
 */
export function rowsInResponse(body: unknown): ResponseRows {
  const root = obj(body);
  const notes: DataNote[] = [];
  if (!root)
    return {
      shape: 'none',
      rows: [],
      notes: [{ level: 'ignored', text: '响应不是 JSON 对象 / the response is not a JSON object' }],
    };
  const api = apiOf(root);
  const ret = Array.isArray(root.ret) ? root.ret.filter((r): r is string => typeof r === 'string') : undefined;
  if (ret && ret.length && !ret.some((r) => r.startsWith('SUCCESS'))) {
    return {
      shape: api,
      rows: [],
      notes: [{ level: 'ignored', shape: api, text: `响应未成功（${ret[0]!.slice(0, 80)}） / not a success response` }],
    };
  }
  let list: { value: unknown[]; path: string } | undefined;
  walk(root, (value, path, key) => {
    if (key === 'disputeGridVOList' && Array.isArray(value)) {
      list = { value, path };
      return true;
    }
    return false;
  });
  if (!list) {
    walk(root, (value, path) => {
      if (Array.isArray(value) && value.length && value.slice(0, 5).some(hasIdField)) {
        list = { value, path };
        return true;
      }
      return false;
    });
  }
  let single: { value: Json; path: string } | undefined;
  if (!list && api === 'disputedetail') {
    if (hasIdField(root.data)) single = { value: root.data as Json, path: 'data' };
    else
      walk(root, (value, path) => {
        if (hasIdField(value)) {
          single = { value: value as Json, path };
          return true;
        }
        return false;
      });
  }
  const shape = list ? `${api} ${list.path}[]` : single ? `${api} ${single.path}` : api;
  if (!list && !single) {
    let summary = false;
    walk(root, (_v, _p, key) => (summary = key === 'donutVO'));
    notes.push({
      level: summary ? 'info' : 'ignored',
      shape,
      text: summary
        ? '只有汇总（donutVO），没有售后单行：已保留的售后单不变 / a summary-only response (donutVO): no rows; the cases already kept stay'
        : '响应中未找到售后单行 / no rows found in the response',
    });
    return { shape, rows: [], notes };
  }
  const items = list ? list.value : [single!.value];
  const rows: ResponseRow[] = [];
  let unkeyed = 0;
  let rejected: string | undefined;
  for (let i = 0; i < items.length && rows.length < MAX_DATA_CASES; i++) {
    const vo = obj(items[i]);
    if (!vo) continue;
    const dispute = idFrom(vo.disputeId, 5);
    const order = idFrom(vo.bizOrderId, 6);
    rejected ??= dispute.rejected ?? order.rejected;
    if (!dispute.id && !order.id) {
      unkeyed++;
      continue;
    }
    rows.push({ vo, ...(dispute.id ? { disputeId: dispute.id } : {}), ...(order.id ? { orderId: order.id } : {}) });
  }
  if (items.length > MAX_DATA_CASES)
    notes.push({
      level: 'ignored',
      shape,
      text: `只取前 ${MAX_DATA_CASES} 行 / only the first ${MAX_DATA_CASES} rows are taken`,
    });
  if (unkeyed)
    notes.push({
      level: 'ignored',
      shape,
      text: `${unkeyed} 行没有可用的售后单号或订单号，已忽略 / ${unkeyed} rows without a usable disputeId or bizOrderId were ignored${rejected ? `: ${rejected}` : ''}`,
    });
  else if (rejected)
    notes.push({ level: 'ignored', shape, text: `忽略了一个无效的编号 / an id was ignored: ${rejected}` });
  return { shape, rows, notes };
}

// ---- what a row says, field by field ----------------------------------------------------------

/** Fields a data response may fill, by snapshot field name. */
export type DataField =
  | 'orderId'
  | 'refundType'
  | 'status'
  | 'goodsStatus'
  | 'refundFen'
  | 'paidFen'
  | 'item'
  | 'itemId'
  | 'appliedAt'
  | 'paidAt'
  | 'shippedAt'
  | 'signedAt';

/**
 * What a row says for one field, before any trust. `money`: `fen` when the format says yuan (a
 * decimal or ¥ string), `bare` for a number whose unit only calibration can tell. `certain`: the
 * format alone settles what it means (an id, a text, a yuan string, a formatted time), unlike a
 * code or a bare number.
 */
export type Candidate =
  | { kind: 'money'; path: string; raw: string; fen?: number; bare?: number }
  | { kind: 'value'; path: string; raw: string; value: unknown; certain: boolean; confirm: 'page' | 'format' };

/** The money paths of a row: their agreement settles the unit of the shape's money. */
export const MONEY_PATHS = ['disputeBodyVO.refundFee', 'disputeBodyVO.buyerActualFee'] as const;
const MAX_FEN = 1e11;

/** A money value: a string with a decimal point or a ¥/￥ sign is yuan; digits alone or a JSON number: unit unknown. */
export function moneyFrom(v: unknown, path: string): Extract<Candidate, { kind: 'money' }> | undefined {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0 || v * 100 > MAX_FEN) return undefined;
    return { kind: 'money', path, raw: String(v), bare: v };
  }
  if (typeof v !== 'string' || v.length > 40) return undefined;
  const t = normalizeText(v).replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  const m = /^(¥)?\s*(\d{1,9})(?:\.(\d{1,2}))?\s*(元)?$/.exec(t);
  if (!m) return undefined;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || 0);
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return undefined;
  if (m[1] || m[4] || m[3] !== undefined || t.includes('.')) return { kind: 'money', path, raw: v.slice(0, 40), fen };
  return { kind: 'money', path, raw: v.slice(0, 40), bare: Number(m[2]) };
}

const value = (
  path: string,
  raw: unknown,
  v: unknown,
  certain: boolean,
  confirm: 'page' | 'format' = 'page',
): Candidate => ({ kind: 'value', path, raw: String(raw).slice(0, 80), value: v, certain, confirm });
const at = (vo: Json, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (obj(o) && Object.hasOwn(obj(o)!, k) ? obj(o)![k] : undefined), vo);

/** A China-time stamp exactly as "yyyy-MM-dd HH:mm:ss" (the one format seen from the refundface2 front end). */
function timeFrom(vo: Json, path: string): Candidate | undefined {
  const v = at(vo, path);
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(v) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!];
  return isChinaWall(y, mo, d, h, mi, sec)
    ? value(path, v, chinaWallIso(y, mo, d, h, mi, sec), true, 'format')
    : undefined;
}

const kindOfType = (t: RefundType): CaseKind => (t === '换货' ? 'exchange' : t === '邮费' ? 'postage' : 'refund');

/** How each field is read from one row (`kind`: the case's kind as the page shows it). */
const READERS: { [K in DataField]: (vo: Json, kind: CaseKind) => Candidate | undefined } = {
  orderId: (vo) => {
    // The one row field every source reads by this name (A, B); still switched off should it disagree.
    const id = idFrom(vo.bizOrderId, 6).id;
    return id ? value('bizOrderId', id, id, true, 'format') : undefined;
  },
  refundType: (vo) => {
    const v = vo.bizClaimType;
    const t = text(v);
    // Text wins over a code.
    if (t && codeKey(t) === undefined) {
      const found = typeFromText(normalizeText(t)).refundType;
      return found ? value('bizClaimType', t, found, true) : undefined;
    }
    const coded = fromCode(CLAIM_TYPE_CODES, v);
    return coded ? value('bizClaimType', v, coded, false) : undefined;
  },
  status: (vo, kind) => {
    for (const path of ['statusDesc', 'statusText']) {
      const t = text(vo[path]);
      if (t && t.length <= 60) {
        const s = statusFromText(normalizeText(t), kind);
        if (s !== 'UNKNOWN') return value(path, t, { status: s, text: t }, true);
      }
    }
    const raw = vo.refundStatus;
    const coded = fromCode(STATUS_CODES, raw);
    if (coded) return value('refundStatus', raw, { status: coded }, false);
    // The open platform's names (WAIT_SELLER_AGREE …) are not the page API's; checked like a code.
    if (typeof raw === 'string' && raw !== 'UNKNOWN' && (CASE_STATUSES as readonly string[]).includes(raw))
      return value('refundStatus', raw, { status: raw as CaseStatus }, false);
    return undefined;
  },
  goodsStatus: (vo) => {
    for (const path of ['goodsStatus', 'goodStatus']) {
      const coded = fromCode(GOODS_CODES, vo[path]);
      if (coded) return value(path, vo[path], coded, false);
    }
    return undefined;
  },
  refundFen: (vo) => moneyFrom(at(vo, 'disputeBodyVO.refundFee'), 'disputeBodyVO.refundFee'),
  paidFen: (vo) => moneyFrom(at(vo, 'disputeBodyVO.buyerActualFee'), 'disputeBodyVO.buyerActualFee'),
  item: (vo) => {
    const t = text(at(vo, 'disputeBodyVO.itemInfo.title'));
    return t ? value('disputeBodyVO.itemInfo.title', t, t, true) : undefined;
  },
  itemId: (vo) => {
    // An id's format settles it (digits only), like the order's.
    for (const path of ['disputeBodyVO.itemInfo.auctionId', 'disputeBodyVO.itemInfo.itemId']) {
      const id = idFrom(at(vo, path), 6).id;
      if (id) return value(path, id, id, true, 'format');
    }
    return undefined;
  },
  appliedAt: (vo) => timeFrom(vo, 'gmtApply'),
  paidAt: (vo) => timeFrom(vo, 'gmtPay'),
  shippedAt: (vo) => timeFrom(vo, 'gmtConsign'),
  signedAt: (vo) => timeFrom(vo, 'gmtSign'),
};
export const DATA_FIELDS = Object.keys(READERS) as DataField[];

// ---- checking against the page, and trusting -------------------------------------------------

/** The page's value of a field, as text for the evidence, or undefined when the page did not show it. */
function pageValue(c: CaseSnapshot, field: DataField): unknown {
  if (field === 'status') return c.status === 'UNKNOWN' ? undefined : c.status;
  return (c as unknown as Record<string, unknown>)[field];
}

const squash = (s: string) => normalizeText(s).replace(/\s+/g, '');

/** One check of a row's field against the page's value for the same case; undefined when nothing can be checked. */
export function compare(
  field: DataField,
  cand: Candidate,
  shown: unknown,
): { outcome: Outcome; data: string; page: string } | undefined {
  if (shown === undefined) return undefined;
  // What the page showed, as text (a string or a number as it is, anything else as JSON).
  const shownText =
    typeof shown === 'string' ? shown : typeof shown === 'number' ? String(shown) : JSON.stringify(shown);
  if (cand.kind === 'money') {
    if (typeof shown !== 'number') return undefined;
    const page = yuanText(shown);
    if (cand.fen !== undefined)
      return { outcome: cand.fen === shown ? 'agree' : 'disagree', data: JSON.stringify(cand.raw), page };
    const bare = cand.bare!;
    const asYuan = Math.round(bare * 100) === shown && Math.abs(bare * 100 - shown) < 1e-6;
    const asFen = bare === shown;
    // 0 agrees in either unit and settles nothing.
    if (asYuan && asFen) return undefined;
    return { outcome: asYuan ? 'yuan' : asFen ? 'fen' : 'disagree', data: cand.raw, page };
  }
  const v = cand.value;
  switch (field) {
    case 'status': {
      const s = (v as { status: CaseStatus }).status;
      return { outcome: s === shown ? 'agree' : 'disagree', data: `${cand.raw}→${s}`, page: shownText };
    }
    case 'item':
      return {
        outcome: squash(String(v)) === squash(shownText) ? 'agree' : 'disagree',
        data: String(v).slice(0, 40),
        page: shownText.slice(0, 40),
      };
    case 'appliedAt':
    case 'paidAt':
    case 'shippedAt':
    case 'signedAt': {
      // The page may show minutes only.
      const d = Math.abs(Date.parse(String(v)) - Date.parse(shownText));
      return { outcome: d < 60_000 ? 'agree' : 'disagree', data: cand.raw, page: shownText };
    }
    default:
      return {
        outcome: v === shown ? 'agree' : 'disagree',
        data: `${cand.raw}${cand.raw === String(v) ? '' : `→${String(v)}`}`,
        page: shownText,
      };
  }
}

/**
 * How far a field is trusted: `calibrated` (the extension) takes a field only once it agreed with the
 * page; `unconfirmed` (the support tool without a page) takes what the format alone makes certain.
 */
export type TrustMode = 'calibrated' | 'unconfirmed';

/** The value a candidate fills in, or undefined when it is not (yet) trusted. */
export function trusted(cand: Candidate, verdict: Verdict, money: Verdict, mode: TrustMode): unknown {
  if (verdict.off) return undefined;
  if (cand.kind === 'money') {
    if (mode === 'unconfirmed') return cand.fen;
    if (money.off || !money.confirmed) return undefined;
    if (cand.fen !== undefined) return cand.fen;
    const unit = verdict.unit ?? money.unit;
    const fen = unit === 'fen' ? cand.bare! : unit === 'yuan' ? Math.round(cand.bare! * 100) : undefined;
    return fen !== undefined &&
      Number.isSafeInteger(fen) &&
      fen <= MAX_FEN &&
      (unit === 'yuan' || Number.isInteger(cand.bare))
      ? fen
      : undefined;
  }
  if (cand.confirm === 'format') return cand.value;
  return mode === 'unconfirmed' ? (cand.certain ? cand.value : undefined) : verdict.confirmed ? cand.value : undefined;
}

// ---- kept rows and filling ---------------------------------------------------------------------

/** One row of a data response as it came, its fields read the first time they are needed. */
export interface DataRow extends ResponseRow {
  shape: string;
  platform: Platform;
  /** Each field as read, by field (a status text by field and kind: its words mean one thing per kind). */
  read: Record<string, Candidate | null>;
  /** The page value each field was last checked against, by case: a re-read that shows the same is not checked again. */
  checked: Map<string, unknown[]>;
}

export const dataRow = (row: ResponseRow, shape: string, platform: Platform): DataRow => ({
  ...row,
  shape,
  platform,
  read: {},
  checked: new Map(),
});

export function candidate(d: DataRow, field: DataField, kind: CaseKind): Candidate | undefined {
  const key = field === 'status' ? `status:${kind}` : field;
  const known = d.read[key];
  if (known !== undefined) return known ?? undefined;
  const c = READERS[field](d.vo, kind);
  d.read[key] = c ?? null;
  return c;
}

/** The kind a row's own type says (text, or an attested code: 1 and 3 are refunds), for a row no page row matched. */
function kindOfRow(d: DataRow): CaseKind | undefined {
  const t = candidate(d, 'refundType', 'refund');
  return t?.kind === 'value' ? kindOfType(t.value as RefundType) : undefined;
}

const rowKey = (r: ResponseRow) => (r.disputeId ? `d:${r.disputeId}` : `o:${r.orderId}`);

/**
 * The rows of a frame's responses: newest last, at most MAX_DATA_CASES (a page open all day pages
 * through many lists, so the least recently received go first). A response without rows (a summary,
 * an error) leaves the kept rows as they are.
 */
export class KeptRows {
  private readonly rows = new Map<string, DataRow>();
  private byOrder?: Map<string, DataRow | null>;
  /** The shapes these rows came in. */
  readonly shapes = new Set<string>();

  keep(found: ResponseRows, platform: Platform): void {
    for (const r of found.rows) {
      const key = rowKey(r);
      this.rows.delete(key);
      this.rows.set(key, dataRow(r, found.shape, platform));
    }
    if (found.rows.length) this.shapes.add(found.shape);
    for (const key of this.rows.keys()) {
      if (this.rows.size <= MAX_DATA_CASES) break;
      this.rows.delete(key);
    }
    if (found.rows.length) this.byOrder = undefined;
  }

  get size(): number {
    return this.rows.size;
  }

  /**
   * The row of a case the page shows: by `disputeId` when the row has one, else by `bizOrderId` ↔
   * the row's 订单编号, and only when one row has that order (one order may have several disputes).
   */
  match(c: CaseSnapshot, orderCount?: Map<string, number>): DataRow | undefined {
    const d = this.rows.get(`d:${c.disputeId}`);
    if (d) return d.platform === c.platform ? d : undefined;
    if (!c.orderId || (orderCount?.get(c.orderId) ?? 1) > 1) return undefined;
    if (!this.byOrder) {
      this.byOrder = new Map();
      for (const r of this.rows.values())
        if (r.orderId) this.byOrder.set(r.orderId, this.byOrder.has(r.orderId) ? null : r);
    }
    const o = this.byOrder.get(c.orderId);
    // A row with another disputeId on the same order is another case.
    return o && !o.disputeId && o.platform === c.platform ? o : undefined;
  }

  all(): IterableIterator<DataRow> {
    return this.rows.values();
  }
}

const caseKey = (c: CaseSnapshot) => `${c.platform}:${c.disputeId}`;

/** Check every field a matched row and the page both have (the page's values are the truth). */
export function calibrate(cal: Calibration, pairs: readonly [CaseSnapshot, DataRow][], now: number): void {
  for (const [c, d] of pairs) {
    const key = caseKey(c);
    let last = d.checked.get(key);
    if (!last) d.checked.set(key, (last = []));
    for (let i = 0; i < DATA_FIELDS.length; i++) {
      const field = DATA_FIELDS[i]!;
      const shown = pageValue(c, field);
      // The row's values never change; the page's may: only a changed one is checked again.
      if (shown === undefined || (i in last && last[i] === shown)) continue;
      last[i] = shown;
      const cand = candidate(d, field, c.kind);
      if (!cand) continue;
      const found = compare(field, cand, shown);
      if (found) cal.record(d.shape, field, cand.path, { ...found, caseKey: key, at: now });
    }
  }
}

/**
 * Fill what the page's DOM did not show from its matched row, with the fields calibration trusts.
 * The DOM stays the authority; every field taken from the data is listed in `fromData`.
 */
export function fillCase(
  c: CaseSnapshot,
  d: DataRow | undefined,
  cal: Calibration,
  mode: TrustMode = 'calibrated',
  moneyOf?: Map<string, Verdict>,
): CaseSnapshot {
  if (!d || d.platform !== c.platform) return c;
  let merged: Record<string, unknown> | undefined;
  const filled: string[] = [];
  let money: Verdict | undefined;
  for (const field of DATA_FIELDS) {
    if (pageValue(c, field) !== undefined) continue;
    const cand = candidate(d, field, c.kind);
    if (!cand) continue;
    if (cand.kind === 'money' && !money) {
      money = moneyOf?.get(d.shape) ?? cal.moneyVerdict(d.shape, MONEY_PATHS);
      moneyOf?.set(d.shape, money);
    }
    const v = trusted(cand, cal.verdict(d.shape, cand.path), money ?? { confirmed: false }, mode);
    if (v === undefined) continue;
    merged ??= { ...c };
    if (field === 'status') {
      const s = v as { status: CaseStatus; text?: string };
      merged.status = s.status;
      filled.push('status');
      if (s.text && c.statusText === undefined) {
        merged.statusText = s.text.slice(0, MAX_TEXT);
        filled.push('statusText');
      }
    } else {
      merged[field] = v;
      filled.push(field);
    }
  }
  if (!merged) return c;
  if (merged.refundType && c.kind !== kindOfType(merged.refundType as RefundType)) {
    // A type of another kind than the page's list is no fill but a contradiction.
    delete merged.refundType;
    filled.splice(filled.indexOf('refundType'), 1);
    if (!filled.length) return c;
  }
  merged.fromData = filled;
  return merged as unknown as CaseSnapshot;
}

/**
 * Fill a reading's cases from the kept rows: match, check every field both sides have, then fill
 * with what is trusted (so one row's agreement lets the next row be filled in the same reading).
 */
export function fillCases(
  cases: readonly CaseSnapshot[],
  rows: KeptRows,
  cal: Calibration,
  now: number,
  mode: TrustMode = 'calibrated',
): CaseSnapshot[] {
  if (!rows.size) return cases as CaseSnapshot[];
  const orderCount = new Map<string, number>();
  for (const c of cases) if (c.orderId) orderCount.set(c.orderId, (orderCount.get(c.orderId) ?? 0) + 1);
  const pairs: [CaseSnapshot, DataRow | undefined][] = cases.map((c) => [c, rows.match(c, orderCount)]);
  calibrate(
    cal,
    pairs.filter((p): p is [CaseSnapshot, DataRow] => !!p[1]),
    now,
  );
  const moneyOf = new Map<string, Verdict>();
  return pairs.map(([c, d]) => fillCase(c, d, cal, mode, moneyOf));
}

/** What is not (yet) used of the kept rows' fields, for the support tool: pending and switched-off fields. */
export function pendingNotes(rows: KeptRows, cal: Calibration, mode: TrustMode): DataNote[] {
  const seen = new Map<string, DataNote>();
  for (const d of rows.all()) {
    for (const field of DATA_FIELDS) {
      const cand = candidate(d, field, kindOfRow(d) ?? 'refund');
      if (!cand) continue;
      const key = `${d.shape}|${cand.path}|${cand.kind === 'money' && cand.bare !== undefined ? 'bare' : ''}`;
      if (seen.has(key)) continue;
      const verdict = cal.verdict(d.shape, cand.path);
      if (verdict.off) continue;
      const money = cal.moneyVerdict(d.shape, MONEY_PATHS);
      if (trusted(cand, verdict, money, mode) !== undefined) {
        if (mode === 'unconfirmed' && (cand.kind === 'money' || cand.confirm === 'page')) {
          seen.set(key, {
            level: 'unconfirmed',
            shape: d.shape,
            field,
            path: cand.path,
            text: `${cand.path}：按格式读取，未与页面核对（扩展只在与页面一致后使用） / read by its format, not checked against a page (the extension uses it only after it agreed with the page)`,
          });
        }
        continue;
      }
      const why =
        cand.kind === 'money' && cand.bare !== undefined
          ? `裸数字 ${cand.raw} 单位未知（元或分），需与页面上的金额核对 / a bare number (${cand.raw}): yuan or fen is unknown until it agrees with an amount the page shows`
          : cand.kind === 'value' && !cand.certain
            ? `代码 ${cand.raw} 需与页面上显示的值核对后才使用 / the code ${cand.raw} is used only after it agreed with what the page shows`
            : `尚未与页面核对 / not yet checked against the page (${cand.raw})`;
      seen.set(key, { level: 'ignored', shape: d.shape, field, path: cand.path, text: `${cand.path}：${why}` });
    }
  }
  return [...seen.values()];
}

// ---- the support tool ------------------------------------------------------------------------------

/**
 * What the extension makes of one saved data response (`npm run inspect -- data`): each row as a
 * snapshot of what the data says and is trusted, and notes on what was ignored or switched off.
 * With the page's own cases (a saved page, read as the extension reads it), the data is first
 * calibrated against them, exactly as in the background; without them nothing can be checked, so
 * only what the format alone makes certain is shown, and the notes say so.
 */
export function inspectResponse(
  body: unknown,
  platform: Platform,
  kind: CaseKind,
  now: number,
  pageCases?: readonly CaseSnapshot[],
): { cases: Partial<CaseSnapshot>[]; notes: DataNote[] } {
  const found = rowsInResponse(body);
  const rows = new KeptRows();
  rows.keep(found, platform);
  const cal = new Calibration();
  const mode: TrustMode = pageCases ? 'calibrated' : 'unconfirmed';
  const matched = new Map<DataRow, CaseSnapshot>();
  if (pageCases) {
    const orderCount = new Map<string, number>();
    for (const c of pageCases) if (c.orderId) orderCount.set(c.orderId, (orderCount.get(c.orderId) ?? 0) + 1);
    const pairs: [CaseSnapshot, DataRow][] = [];
    for (const c of pageCases) {
      const d = rows.match(c, orderCount);
      if (d && !matched.has(d)) {
        matched.set(d, c);
        pairs.push([c, d]);
      }
    }
    calibrate(cal, pairs, now);
  }
  const cases: Partial<CaseSnapshot>[] = [];
  for (const d of rows.all()) {
    const onPage = matched.get(d);
    const base: CaseSnapshot = {
      platform,
      disputeId: d.disputeId ?? onPage?.disputeId ?? '',
      kind: onPage?.kind ?? kindOfRow(d) ?? kind,
      status: 'UNKNOWN',
      flags: {},
    };
    const snap: Partial<CaseSnapshot> = { ...fillCase(base, d, cal, mode) };
    // A row without a dispute id of its own (nor a page row to lend one) has none: none is made up.
    if (!snap.disputeId) delete snap.disputeId;
    cases.push(snap);
  }
  const notes = [...found.notes, ...cal.notes(), ...pendingNotes(rows, cal, mode)];
  if (pageCases)
    notes.push({
      level: 'info',
      shape: found.shape,
      text: `${matched.size} / ${rows.size} 行与页面上的售后单对应 / rows matched to a case on the page`,
    });
  return { cases, notes };
}
