/**
 * The new 千牛 pages' own data responses (mtop …disputeservice.qianniu.pc.disputelistv2 /
 * disputedetail). A main-world script observes them read-only; this module turns a response body
 * into partial snapshots. Every value is type-checked: the body is untrusted page data.
 */
import type { CaseSnapshot, GoodsStatus, Platform } from '../shared/types';
import { toChinaIso } from '../shared/china-time';
import { maskBuyer, parseAutoAction, parseChinaTime } from './parse';
import { statusFromText } from './vocabulary';
import { CASE_STATUSES, type CaseStatus } from '../shared/types';


type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 500 ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const fen = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
const instant = (v: unknown): string | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 8.64e15 ? toChinaIso(v) : undefined);

/** Fields a data response may fill, by snapshot field name. */
export type DataField = keyof Omit<CaseSnapshot, 'platform' | 'disputeId' | 'kind' | 'flags' | 'fromData'>;

/** One case of a data response as a partial snapshot (undefined when its id is not a case id). */
export function snapshotFromVO(vo: Json, platform: Platform, now: number): Partial<CaseSnapshot> & { disputeId: string } | undefined {
  const disputeId = str(vo.disputeId);
  if (!disputeId || !/^\d{5,24}$/.test(disputeId)) return undefined;
  const out: Partial<CaseSnapshot> & { disputeId: string } = { disputeId, platform };
  const orderId = str(vo.bizOrderId);
  if (orderId && /^\d{6,24}$/.test(orderId)) out.orderId = orderId;
  const type = str(vo.bizClaimType);
  if (type === '仅退款' || type === '退货退款' || type === '换货' || type === '邮费') out.refundType = type;
  out.kind = type === '换货' ? 'exchange' : type === '邮费' ? 'postage' : 'refund';
  if (vo.refundPhase === 'onsale' || vo.refundPhase === 'aftersale') out.phase = vo.refundPhase;
  if (typeof vo.orderShipped === 'boolean') out.shipped = vo.orderShipped;
  if (['BUYER_NOT_RECEIVED', 'BUYER_RECEIVED', 'BUYER_RETURNED_GOODS'].includes(String(vo.goodStatus))) out.goodsStatus = vo.goodStatus as GoodsStatus;
  const statusText = str(vo.statusDesc);
  const apiStatus = str(vo.refundStatus);
  if (apiStatus && (CASE_STATUSES as readonly string[]).includes(apiStatus)) out.status = apiStatus as CaseStatus;
  else if (statusText) out.status = statusFromText(statusText, out.kind);
  if (statusText) out.statusText = statusText;
  const body = obj(vo.disputeBodyVO);
  const refund = fen(body?.refundFee);
  const paid = fen(body?.buyerActualFee);
  const post = fen(body?.postFee);
  if (refund !== undefined) out.refundFen = refund;
  if (paid !== undefined) out.paidFen = paid;
  if (post !== undefined) out.postageFen = post;
  const times: [DataField, unknown][] = [['appliedAt', vo.gmtApply], ['paidAt', vo.gmtPay], ['shippedAt', vo.gmtConsign], ['signedAt', vo.gmtSign]];
  for (const [k, v] of times) {
    const t = instant(v);
    if (t) (out as Record<string, unknown>)[k] = t;
  }
  const reason = str(vo.reason);
  if (reason) out.reason = reason;
  const item = str(vo.auctionTitle);
  if (item) out.item = item;
  const nick = str(vo.buyerNick);
  if (nick) out.buyer = maskBuyer(nick);
  const remind = obj(vo.refundRemindTimeout);
  const timeout = str(remind?.timeout);
  const at = timeout ? parseChinaTime(timeout, now) : undefined;
  if (at) {
    const action = parseAutoAction(str(remind?.action) ?? '');
    out.pageDeadline = { at, text: `超时时间 ${timeout}`, ...(action ? { action } : {}) };
  }
  const lg = obj(vo.logistics);
  if (lg) {
    const r: NonNullable<CaseSnapshot['returnLogistics']> = {};
    const carrier = str(lg.carrier);
    const number = str(lg.number);
    const state = str(lg.state);
    if (carrier) r.carrier = carrier;
    if (number) r.number = number;
    if (state) r.state = state;
    const shippedAt = instant(lg.shippedAt);
    const signedAt = instant(lg.signedAt);
    if (shippedAt) r.shippedAt = shippedAt;
    if (signedAt) r.signedAt = signedAt;
    if (Object.keys(r).length) out.returnLogistics = r;
  }
  if (Array.isArray(vo.history)) {
    const history = vo.history
      .slice(0, 200)
      .map(obj)
      .map((h) => ({ at: instant(h?.at), actor: str(h?.actor), text: str(h?.text) }))
      .filter((h): h is { at: string; actor: string; text: string } => !!h.at && !!h.actor && !!h.text);
    if (history.length) out.history = history;
  }
  return out;
}

/**
 * The cases of one observed response body, unconverted, by dispute id; [] for anything unexpected.
 * Cheap: a sale-day list's response is indexed when it arrives and each case converted when read.
 */
export function casesInResponse(body: unknown): [disputeId: string, vo: Json][] {
  const data = obj(obj(body)?.data);
  if (!data) return [];
  const list = Array.isArray(data.disputeGridVOList) ? data.disputeGridVOList.slice(0, 5000) : obj(data.disputeVO) ? [data.disputeVO] : [];
  const out: [string, Json][] = [];
  for (const item of list) {
    const vo = obj(item);
    const id = str(vo?.disputeId);
    if (vo && id && /^\d{5,24}$/.test(id)) out.push([id, vo]);
  }
  return out;
}

/**
 * Fill what the page's DOM did not show from the data response. The DOM stays the authority; every
 * field taken from the data is listed in `fromData`, so the UI can say where it came from.
 */
export function mergeDataIntoCase(c: CaseSnapshot, data: Map<string, Partial<CaseSnapshot>>): CaseSnapshot {
  const d = data.get(c.disputeId) as Record<string, unknown> | undefined;
  if (!d || (d.platform && d.platform !== c.platform)) return c;
  const read = c as unknown as Record<string, unknown>;
  // Usually the page showed everything: then nothing is copied.
  let merged: Record<string, unknown> | undefined;
  const filled: string[] = [];
  for (const k in d) {
    const v = d[k];
    if (v === undefined || k === 'platform' || k === 'disputeId' || k === 'kind') continue;
    if (k === 'status' ? c.status !== 'UNKNOWN' : read[k] !== undefined) continue;
    (merged ??= { ...c })[k] = v;
    filled.push(k);
  }
  return merged ? ({ ...merged, fromData: filled } as unknown as CaseSnapshot) : c;
}
