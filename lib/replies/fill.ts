/**
 * Filling a template from the case, its assessment and the shop's settings. A placeholder with no
 * value stays visible as {名称} and blocks insertion until the user supplies it.
 */
import type { Assessment } from '../engine/assess';
import { freightFor, type FreightTable } from '../engine/freight';
import { yuanFigure, type CaseSnapshot } from '../shared/types';
import { formatChinaShort } from '../shared/china-time';
import type { PlaceholderName } from './model';

export interface FillContext {
  case: CaseSnapshot;
  assessment: Assessment;
  now: number;
  shop: { shopName?: string; staffName?: string; returnAddress?: string; freightTables?: FreightTable[] };
}

const yuan = (fen: number) => `${yuanFigure(fen)}元`;

function left(ms: number): string {
  if (ms <= 0) return '0分钟';
  const m = Math.floor(ms / 60_000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return d ? `${d}天${h}小时` : h ? `${h}小时${m % 60}分钟` : `${m % 60}分钟`;
}

const PAYER: Record<string, string> = {
  seller: '由我们承担',
  buyer: '需要您承担',
  insurance: '由运费险理赔',
  none: '不产生',
};

/** Values for every placeholder the context can answer; the rest are absent. */
export function placeholderValues(ctx: FillContext): Partial<Record<PlaceholderName, string>> {
  const c = ctx.case;
  const a = ctx.assessment;
  const out: Partial<Record<PlaceholderName, string>> = {};
  if (c.buyer) out.买家 = c.buyer;
  if (c.orderId) out.订单号 = c.orderId;
  if (c.refundFen !== undefined) out.退款金额 = yuan(c.refundFen);
  if (c.item) out.商品 = c.item;
  if (a.deadline && a.deadline.at !== null) {
    const due = Date.parse(a.deadline.at);
    out.剩余时间 = left(due - ctx.now);
    out.截止时间 = formatChinaShort(due);
  }
  if (a.sevenDay.endsAt) out.七天截止 = formatChinaShort(Date.parse(a.sevenDay.endsAt));
  if (ctx.shop.returnAddress) out.退货地址 = ctx.shop.returnAddress;
  const ret = a.postage.returnPaidBy;
  if (ret !== 'unknown' && ret !== 'none') out.运费承担 = PAYER[ret];
  const owed = a.compensation.filter((x) => x.fen !== null).reduce((sum, x) => sum + x.fen!, 0);
  if (a.compensation.length && owed > 0) out.赔付金额 = yuan(owed);
  const province = c.returnLogistics?.fromProvince;
  const rate = province && freightFor(ctx.shop.freightTables, province, c.returnLogistics?.carrier);
  if (rate)
    out.运费 = `${province}首重${yuan(rate.firstFen)}${rate.extraFen !== undefined ? `，续重${yuan(rate.extraFen)}/公斤` : ''}`;
  if (ctx.shop.shopName) out.店铺 = ctx.shop.shopName;
  if (ctx.shop.staffName) out.客服 = ctx.shop.staffName;
  return out;
}

export interface Filled {
  text: string;
  /** Placeholders left unfilled, in order of appearance: insertion is blocked while any remain. */
  unresolved: string[];
}

/** Fill `{名称}` placeholders; `extra` holds what the user typed for the missing ones. */
export function fillTemplate(
  body: string,
  values: Partial<Record<string, string>>,
  extra: Record<string, string> = {},
): Filled {
  const unresolved: string[] = [];
  const text = body.replace(/\{([^{}\s]{1,12})\}/g, (whole, name: string) => {
    const v = (extra[name] ?? '').trim() || values[name];
    if (v) return v;
    if (!unresolved.includes(name)) unresolved.push(name);
    return whole;
  });
  return { text, unresolved };
}
