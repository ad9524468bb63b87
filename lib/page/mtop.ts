/**
 * The new 千牛 pages' own data responses (mtop …disputeservice.qianniu.pc.disputelistv2 /
 * disputedetail). A main-world script observes them read-only; this module fills what a page's rows
 * did not show from a response's cases. Every value is type-checked: the body is untrusted page data.
 */
import { CASE_STATUSES, type CaseKind, type CaseSnapshot, type CaseStatus, type GoodsStatus, type Platform } from '../shared/types';
import { toChinaIso } from '../shared/china-time';
import { maskBuyer, parseAutoAction, parseChinaTime } from './parse';
import { statusFromText } from './vocabulary';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 500 ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const fen = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
const LAST_INSTANT = Date.UTC(9999, 11, 31) - 8 * 3600_000;
/** Epoch ms → ISO, for instants from 1970 up to the last year with four digits. */
const instant = (v: unknown): string | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 && v < LAST_INSTANT ? toChinaIso(v) : undefined);

/** Fields a data response may fill, by snapshot field name. */
export type DataField = keyof Omit<CaseSnapshot, 'platform' | 'disputeId' | 'kind' | 'flags' | 'fromData' | 'unparsed'>;

const kindOf = (vo: Json): CaseKind => (vo.bizClaimType === '换货' ? 'exchange' : vo.bizClaimType === '邮费' ? 'postage' : 'refund');
/** A non-empty string of at most 500 characters (or a number's digits). */
const text = (v: unknown): string | undefined => str(v) || undefined;

const GOODS_STATUSES = new Set<GoodsStatus>(['BUYER_NOT_RECEIVED', 'BUYER_RECEIVED', 'BUYER_RETURNED_GOODS']);

/**
 * How each field is taken from one case of a response (`now`: when it arrived), in the order
 * `fromData` lists them. Each converter runs only when a read needs its field.
 */
const FROM_VO: { [K in DataField]?: (vo: Json, now: number) => CaseSnapshot[K] | undefined } = {
  orderId: (vo) => {
    const id = str(vo.bizOrderId);
    return id && /^\d{6,24}$/.test(id) ? id : undefined;
  },
  refundType: (vo) => {
    const type = str(vo.bizClaimType);
    return type === '仅退款' || type === '退货退款' || type === '换货' || type === '邮费' ? type : undefined;
  },
  phase: (vo) => (vo.refundPhase === 'onsale' || vo.refundPhase === 'aftersale' ? vo.refundPhase : undefined),
  shipped: (vo) => (typeof vo.orderShipped === 'boolean' ? vo.orderShipped : undefined),
  goodsStatus: (vo) => (GOODS_STATUSES.has(vo.goodStatus as GoodsStatus) ? (vo.goodStatus as GoodsStatus) : undefined),
  status: (vo) => {
    const apiStatus = str(vo.refundStatus);
    if (apiStatus && (CASE_STATUSES as readonly string[]).includes(apiStatus)) return apiStatus as CaseStatus;
    const statusText = text(vo.statusDesc);
    return statusText ? statusFromText(statusText, kindOf(vo)) : undefined;
  },
  statusText: (vo) => text(vo.statusDesc),
  refundFen: (vo) => fen(obj(vo.disputeBodyVO)?.refundFee),
  paidFen: (vo) => fen(obj(vo.disputeBodyVO)?.buyerActualFee),
  postageFen: (vo) => fen(obj(vo.disputeBodyVO)?.postFee),
  appliedAt: (vo) => instant(vo.gmtApply),
  paidAt: (vo) => instant(vo.gmtPay),
  shippedAt: (vo) => instant(vo.gmtConsign),
  signedAt: (vo) => instant(vo.gmtSign),
  reason: (vo) => text(vo.reason),
  item: (vo) => text(vo.auctionTitle),
  buyer: (vo) => {
    const nick = text(vo.buyerNick);
    return nick ? maskBuyer(nick) : undefined;
  },
  pageDeadline: (vo, now) => {
    const remind = obj(vo.refundRemindTimeout);
    const timeout = text(remind?.timeout);
    const at = timeout ? parseChinaTime(timeout, now) : undefined;
    if (!at) return undefined;
    const action = parseAutoAction(str(remind?.action) ?? '');
    return { at, text: `超时时间 ${timeout}`, ...(action ? { action } : {}) };
  },
  returnLogistics: (vo) => {
    const lg = obj(vo.logistics);
    if (!lg) return undefined;
    const r: NonNullable<CaseSnapshot['returnLogistics']> = {};
    const carrier = text(lg.carrier);
    const number = text(lg.number);
    const state = text(lg.state);
    if (carrier) r.carrier = carrier;
    if (number) r.number = number;
    if (state) r.state = state;
    const shippedAt = instant(lg.shippedAt);
    const signedAt = instant(lg.signedAt);
    if (shippedAt) r.shippedAt = shippedAt;
    if (signedAt) r.signedAt = signedAt;
    return Object.keys(r).length ? r : undefined;
  },
  history: (vo) => {
    if (!Array.isArray(vo.history)) return undefined;
    const history: NonNullable<CaseSnapshot['history']> = [];
    for (let i = 0; i < vo.history.length && i < 200; i++) {
      const h = obj(vo.history[i]);
      const at = instant(h?.at);
      const actor = text(h?.actor);
      const said = text(h?.text);
      if (at && actor && said) history.push({ at, actor, text: said });
    }
    return history.length ? history : undefined;
  },
};
const DATA_FIELDS = Object.keys(FROM_VO) as DataField[];

/**
 * The cases of one observed response body, unconverted, by dispute id; [] for anything unexpected.
 * Cheap: a sale-day list's response is indexed when it arrives and each case converted when read.
 */
export function casesInResponse(body: unknown): [disputeId: string, vo: Json][] {
  const data = obj(obj(body)?.data);
  if (!data) return [];
  const list = Array.isArray(data.disputeGridVOList) ? data.disputeGridVOList.slice(0, MAX_DATA_CASES) : obj(data.disputeVO) ? [data.disputeVO] : [];
  const out: [string, Json][] = [];
  for (const item of list) {
    const vo = obj(item);
    const id = str(vo?.disputeId);
    if (vo && id && /^\d{5,24}$/.test(id)) out.push([id, vo]);
  }
  return out;
}

/**
 * One case of a data response as it came (`at`: when): each field is converted the first time a
 * read lacks it, and kept for the next read.
 */
export interface DataCase {
  vo: Json;
  platform: Platform;
  at: number;
  converted: Partial<Record<DataField, unknown>>;
}

export const dataCase = (vo: Json, platform: Platform, at: number): DataCase => ({ vo, platform, at, converted: {} });

/** The most response cases kept (and taken from one response): a sale-day list's worth. */
const MAX_DATA_CASES = 5000;

/**
 * Keep a response's cases, by dispute id, newest last: a page open all day pages through many lists,
 * so the cases least recently received go once more than MAX_DATA_CASES are kept.
 */
export function keepResponseCases(kept: Map<string, DataCase>, body: unknown, platform: Platform, at: number): void {
  for (const [id, vo] of casesInResponse(body)) {
    kept.delete(id);
    kept.set(id, dataCase(vo, platform, at));
  }
  for (const id of kept.keys()) {
    if (kept.size <= MAX_DATA_CASES) break;
    kept.delete(id);
  }
}

/**
 * Fill what the page's DOM did not show from the data response. The DOM stays the authority; every
 * field taken from the data is listed in `fromData`, so the UI can say where it came from.
 */
export function mergeDataIntoCase(c: CaseSnapshot, d: DataCase | undefined): CaseSnapshot {
  if (!d || d.platform !== c.platform) return c;
  const read = c as unknown as Record<string, unknown>;
  // Usually the page showed most of it: then only the rest is converted and copied.
  let merged: Record<string, unknown> | undefined;
  const filled: string[] = [];
  for (let i = 0; i < DATA_FIELDS.length; i++) {
    const field = DATA_FIELDS[i]!;
    if (field === 'status' ? c.status !== 'UNKNOWN' : read[field] !== undefined) continue;
    const v = field in d.converted ? d.converted[field] : (d.converted[field] = FROM_VO[field]!(d.vo, d.at));
    if (v === undefined) continue;
    (merged ??= { ...c })[field] = v;
    filled.push(field);
  }
  if (!merged) return c;
  merged.fromData = filled;
  return merged as unknown as CaseSnapshot;
}
