/**
 * The old refund2 list embeds its rows as `var disputeData = {…}`. We read that object as data
 * (JSON.parse of the balanced literal), never by evaluating the page's script.
 */
import type { CaseSnapshot, Platform } from '../shared/types';
import { maskBuyer, parseChinaTime, parseCountdown, parseMoneyFen } from './parse';
import { goodsStatusFromText, shippedFromText, statusFromText } from './vocabulary';

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
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function parseDisputeData(json: string, now: number, platform: Platform): CaseSnapshot[] {
  let root: Json | undefined;
  try {
    root = obj(JSON.parse(json));
  } catch {
    return [];
  }
  const data = obj(root?.data);
  if (!data) return [];
  const out: CaseSnapshot[] = [];
  for (const [key, value] of Object.entries(data)) {
    const m = key.match(/^sellerGridHeaderContainer_(\d{5,24})$/);
    if (!m) continue;
    const id = m[1]!;
    const head = obj(obj(value)?.fields);
    const numbers = Array.isArray(head?.numbers) ? (head.numbers as unknown[]).map(obj) : [];
    const typeText = str(numbers[0]?.title) ?? '';
    const snap: CaseSnapshot = { platform, disputeId: id, kind: 'refund', status: 'UNKNOWN', flags: {} };
    const order = numbers.find((n) => /订单/.test(str(n?.title) ?? ''));
    const orderId = str(order?.value)?.match(/\d{6,24}/)?.[0];
    if (orderId) snap.orderId = orderId;
    const rt = typeText.match(/仅退款|退货退款/);
    if (rt) snap.refundType = rt[0] as CaseSnapshot['refundType'];
    if (/售中/.test(typeText)) snap.phase = 'onsale';
    else if (/售后/.test(typeText)) snap.phase = 'aftersale';
    const buyer = str(obj(head?.shop)?.name);
    if (buyer) snap.buyer = maskBuyer(buyer);
    const body = obj(obj(data[`disputeBody_${id}`])?.fields);
    const options = Array.isArray(body?.options) ? (body.options as unknown[]).map((o) => str(obj(obj(o)?.title)?.name) ?? '') : [];
    for (const text of options) {
      if (!text) continue;
      const money = /^[¥￥]/.test(text) ? parseMoneyFen(text) : undefined;
      if (money !== undefined && snap.refundFen === undefined) snap.refundFen = money;
      else if (/^\d{4}-\d{2}-\d{2} /.test(text) && !snap.appliedAt) snap.appliedAt = parseChinaTime(text, now);
      else if (/还剩|超时/.test(text) && !snap.pageDeadline) snap.pageDeadline = parseCountdown(text, now);
      else if (shippedFromText(text) !== undefined && text.length <= 5 && snap.shipped === undefined) {
        snap.shipped = shippedFromText(text);
        const goods = goodsStatusFromText(text);
        if (goods) snap.goodsStatus = goods;
      } else if (statusFromText(text, 'refund') !== 'UNKNOWN' && text.length <= 8 && !snap.statusText) {
        snap.statusText = text;
        snap.status = statusFromText(text, 'refund');
      }
    }
    if (options[3]) snap.reason = options[3];
    out.push(snap);
  }
  return out;
}

export function readDisputeData(doc: Document, now: number, platform: Platform): CaseSnapshot[] {
  for (const s of doc.querySelectorAll('script')) {
    const json = extractDisputeDataJson(s.textContent ?? '');
    if (json) return parseDisputeData(json, now, platform);
  }
  return [];
}
