/**
 * From what a case's pieces said (a bag of label values) to a snapshot: only what was read and is
 * plausible is set; what the page contradicted or what is impossible is left out, with a note.
 */
import type { CaseFlags, CaseKind, CaseSnapshot, PageKind, ReturnLogistics, UnparsedTimes } from '../shared/types';
import { provinceIn } from '../shared/types';
import type { Bag } from './pairs';
import { MAX_FREE_TEXT } from './pairs';
import { isPlausiblePast, maskBuyer, mayBeCountdown, parseChinaTime, parseMoneyFen, TIME_FIELDS } from './parse';
import type { Token } from './tokens';
import {
  evidenceAskedFromStatus,
  FIELD_LABEL,
  FLAG_WORDS,
  goodsStatusFromText,
  shippedFromText,
  statusOfText,
  typeFromText,
  type TaughtStatuses,
} from './vocabulary';

const FLAG_OF = new Map(Object.entries(FLAG_WORDS));

/** The flag words among a case's own pieces (a whole piece each; never in buyer text). */
export function readFlags(tokens: Token[], from: number, to: number, flags: CaseFlags = {}): CaseFlags {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const f = t.free ? undefined : FLAG_OF.get(t.text);
    if (f) flags[f] = true;
  }
  return flags;
}

export function kindFor(page: PageKind, idLabel: string | undefined, typeText: string | undefined): CaseKind {
  const type = typeText === undefined ? undefined : typeFromText(typeText);
  if (idLabel === '换货单号' || idLabel === '换货编号' || type?.exchange) return 'exchange';
  if (idLabel === '邮费单号' || type?.postage) return 'postage';
  if (page === 'exchange-list' || page === 'exchange-detail') return 'exchange';
  if (page === 'postage-list') return 'postage';
  return 'refund';
}

function parseLogistics(bag: Bag, now: number): ReturnLogistics | undefined {
  const lg: ReturnLogistics = {};
  const line = bag.logistics?.slice(0, 300);
  if (line) {
    const number = line.match(/\b([A-Z]{0,4}\d{8,20})\b/);
    if (number) lg.number = number[1];
    const carrier = line.match(/([\u4e00-\u9fff]{2,6}(?:快递|速递|速运|物流|EMS))/);
    if (carrier) lg.carrier = carrier[1];
    const state = line.match(/已签收|签收成功|派送成功|已拒收|运输中|已揽收|派送中|签收失败/);
    if (state) lg.state = state[0];
  }
  if (bag.carrier) lg.carrier = bag.carrier.slice(0, 100);
  if (bag.logisticsNumber) lg.number = bag.logisticsNumber.slice(0, 100);
  if (bag.logisticsState) lg.state = bag.logisticsState.slice(0, 100);
  const shipped = bag.returnShippedAt && parseChinaTime(bag.returnShippedAt, now);
  if (shipped && isPlausiblePast(shipped, now)) lg.shippedAt = shipped;
  const from = bag.returnFrom && provinceIn(bag.returnFrom.slice(0, 100));
  if (from) lg.fromProvince = from;
  return Object.keys(lg).length ? lg : undefined;
}

const MONEY_FIELDS = ['refundFen', 'paidFen', 'postageFen'] as const;
const TYPE_TOKEN = /^(?:仅退款|退货退款|换货)\s*\((?:售中|售后)\)$/;
/** How many countdown texts one case carries, and how long each may be. */
const MAX_COUNTDOWN_TEXTS = 20;
const MAX_COUNTDOWN_TEXT = 300;
const short = (t: string, max: number) => (t.length > max ? `${t.slice(0, max - 1)}…` : t);

export interface CaseRead {
  page: PageKind;
  platform: CaseSnapshot['platform'];
  id: string;
  idLabel: string | undefined;
  bag: Bag;
  /** Notes on what was left out, from the strategies. */
  drift: string[];
  flags: CaseFlags;
  /** Pieces that may hold the type when no label names it (a list's 退货退款(售后) at a row's head). */
  typePieces: string[];
  /** The texts that may state the case's countdown: all that do must agree. */
  countdownTexts: string[];
  now: number;
  /** Status wordings staff taught for this host. */
  statuses?: TaughtStatuses;
}

/**
 * Build one snapshot. Its times and countdown are kept as shown (`unparsed`): `resolveCase` works
 * them out, off the page's thread for a list.
 */
export function toSnapshot(r: CaseRead): CaseSnapshot {
  const { bag, drift } = r;
  const kind = kindFor(r.page, r.idLabel, bag.refundType);
  const snap: CaseSnapshot = { platform: r.platform, disputeId: r.id, kind, status: 'UNKNOWN', flags: r.flags };
  const digits = bag.orderId?.match(/(?<!\d)\d{6,24}(?!\d)/);
  if (digits) snap.orderId = digits[0];
  if (bag.buyer) {
    const masked = maskBuyer(bag.buyer);
    if (masked) snap.buyer = masked.slice(0, 40);
  }
  for (const f of MONEY_FIELDS) {
    if (bag[f] === undefined) continue;
    const v = parseMoneyFen(bag[f]);
    if (v !== undefined) snap[f] = v;
    else if (/\d/.test(bag[f])) drift.push(`${FIELD_LABEL[f] ?? '金额'}：金额不合理（负数或过大），未采用`);
  }
  let times: UnparsedTimes['times'];
  for (const f of TIME_FIELDS) if (bag[f] !== undefined) (times ??= {})[f] = bag[f].slice(0, 100);
  let type = bag.refundType;
  type ??= r.typePieces.find((t) => TYPE_TOKEN.test(t));
  type ??= '';
  const said = typeFromText(type);
  if (said.refundType) snap.refundType = said.refundType;
  else if (kind === 'exchange') snap.refundType = '换货';
  else if (kind === 'postage') snap.refundType = '邮费';
  if (said.phase) snap.phase = said.phase;
  const shipped =
    shippedFromText(bag.shipped ?? type) ?? (bag.goodsStatus ? shippedFromText(bag.goodsStatus) : undefined);
  if (shipped !== undefined) snap.shipped = shipped;
  const goods = bag.goodsStatus ? goodsStatusFromText(bag.goodsStatus) : undefined;
  if (goods) snap.goodsStatus = goods;
  if (bag.status) {
    // The status cell may carry the countdown after the status words: keep the words only.
    const cut = bag.status.search(/\s*(?:还剩|剩余|已超时)/);
    const statusText = short((cut < 0 ? bag.status : bag.status.slice(0, cut)).replace(/[，,]\s*$/, '').trim(), 200);
    snap.statusText = statusText;
    snap.status = statusOfText(statusText, kind, r.statuses);
    if (evidenceAskedFromStatus(statusText)) snap.flags.evidenceAsked = true;
  }
  if (bag.reason) snap.reason = short(bag.reason, MAX_FREE_TEXT);
  if (bag.item) snap.item = short(bag.item, MAX_FREE_TEXT);
  const itemId = bag.itemId?.match(/(?<!\d)\d{6,20}(?!\d)/);
  if (itemId) snap.itemId = itemId[0];
  const countdown = r.countdownTexts
    .filter(mayBeCountdown)
    .slice(0, MAX_COUNTDOWN_TEXTS)
    .map((t) => t.slice(0, MAX_COUNTDOWN_TEXT));
  if (times || countdown.length)
    snap.unparsed = { ...(times ? { times } : {}), ...(countdown.length ? { countdown } : {}) };
  const lg = parseLogistics(bag, r.now);
  if (lg) snap.returnLogistics = lg;
  if (drift.length) snap.drift = [...new Set(drift)].slice(0, 10).map((d) => short(d, 200));
  return snap;
}

const EXPECTED: Partial<Record<PageKind, (keyof CaseSnapshot)[]>> = {
  'refund-list': ['disputeId', 'orderId', 'refundFen', 'statusText', 'appliedAt'],
  'exchange-list': ['disputeId', 'orderId', 'statusText', 'appliedAt'],
  'postage-list': ['disputeId', 'orderId', 'postageFen', 'statusText'],
  'refund-detail': ['disputeId', 'orderId', 'refundFen', 'statusText'],
  'exchange-detail': ['disputeId', 'orderId', 'statusText'],
};

const LABEL_OF_KEY: Partial<Record<keyof CaseSnapshot, string>> = {
  disputeId: '退款编号',
  orderId: '订单编号',
  refundFen: '退款金额',
  postageFen: '邮费金额',
  statusText: '售后状态',
  appliedAt: '申请时间',
};

/**
 * The labels a page kind should show that no case on it has: the drift warning's list. A field some
 * cases show and others lack (a closed case without a countdown, a row still loading) is no sign of a
 * changed page.
 */
export function missingFor(page: PageKind, cases: CaseSnapshot[]): string[] {
  const expected = EXPECTED[page];
  if (!expected || !cases.length) return [];
  const missing: string[] = [];
  for (const key of expected) {
    const lacks = cases.every(
      (c) => c[key] === undefined && (key !== 'appliedAt' || c.unparsed?.times?.appliedAt === undefined),
    );
    if (lacks) missing.push(LABEL_OF_KEY[key]!);
  }
  return missing;
}
