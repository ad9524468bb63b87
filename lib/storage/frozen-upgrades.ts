/**
 * FROZEN. The data the ledger's upgrades (lib/storage/db.ts) compute, as they stood when each version
 * shipped. An upgrade runs once per browser, whenever that browser gets to it: its result must not
 * change when the engine does, so nothing here imports lib/engine (only plain types) and nothing here
 * is edited afterwards. A later correction is a new version with its own upgrade, never an edit.
 */
import type { AutoAction, CaseSnapshot, CaseStatus } from '../shared/types';

/** The ledger's `due` as v2 stored it (lib/storage/db.ts `Due`, without the rule id's type). */
export interface FrozenDue {
  at: string;
  basis: 'page' | 'rule';
  consequence: AutoAction | null;
  actor: 'seller' | 'buyer' | null;
  ruleId?: string;
}

const HOUR = 3_600_000;
const ms = (iso: string | undefined) => {
  const v = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isFinite(v) ? v : undefined;
};
/** ISO with the China offset, as the engine wrote it in 2026-11. */
const chinaIso = (t: number) => `${new Date(t + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;

const V2_FINAL: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'CLOSED',
  'SUCCESS',
  'EXCHANGE_CLOSED',
  'EXCHANGE_SUCCESS',
  'POSTAGE_PAID',
  'POSTAGE_REFUSED',
  'POSTAGE_CLOSED',
]);
const V2_SELLER_STATES: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'WAIT_SELLER_AGREE',
  'WAIT_SELLER_CONFIRM_GOODS',
  'EXCHANGE_WAIT_SELLER_AGREE',
  'EXCHANGE_WAIT_SELLER_RECEIVE',
  'EXCHANGE_WAIT_SELLER_SEND',
  'POSTAGE_WAIT_SELLER',
]);

function v2Consequence(c: CaseSnapshot): AutoAction {
  switch (c.status) {
    case 'WAIT_SELLER_AGREE':
      return c.refundType === '退货退款' ? 'auto-agree' : 'auto-refund';
    case 'WAIT_SELLER_CONFIRM_GOODS':
      return 'auto-refund';
    case 'EXCHANGE_WAIT_SELLER_AGREE':
    case 'POSTAGE_WAIT_SELLER':
      return 'auto-agree';
    case 'EXCHANGE_WAIT_BUYER_RECEIVE':
    case 'EXCHANGE_WAIT_SELLER_RECEIVE':
      return 'auto-confirm';
    default:
      return 'auto-close';
  }
}

function lastHistory(c: CaseSnapshot, by: readonly string[], event: string): number | undefined {
  const hits = (c.history ?? [])
    .filter((h) => h.by !== undefined && by.includes(h.by) && h.event === event)
    .map((h) => ms(h.at))
    .filter((x): x is number => x !== undefined);
  return hits.length ? Math.max(...hits) : undefined;
}

/** The v2 rule estimate: [rule id, start, hours, actor], the default hours of 2026-11. */
function v2Estimate(c: CaseSnapshot): [string, number | undefined, number, 'seller' | 'buyer'] | undefined {
  const applied = ms(c.appliedAt);
  switch (c.status) {
    case 'WAIT_SELLER_AGREE':
      if (c.refundType === '退货退款') return ['deadline.return-refund-agree', applied, 120, 'seller'];
      if (c.refundType === '仅退款' && c.shipped === false)
        return ['deadline.refund-only-unshipped', applied, 48, 'seller'];
      if (c.refundType === '仅退款' && c.shipped === true)
        return ['deadline.refund-only-shipped', applied, 120, 'seller'];
      return undefined;
    case 'WAIT_BUYER_RETURN_GOODS':
      return ['deadline.buyer-return', lastHistory(c, ['seller', 'platform'], 'agreed'), 168, 'buyer'];
    case 'SELLER_REFUSE_BUYER':
      return ['deadline.buyer-modify', lastHistory(c, ['seller'], 'refused'), 168, 'buyer'];
    case 'WAIT_SELLER_CONFIRM_GOODS':
      return [
        'deadline.seller-confirm-goods',
        ms(c.returnLogistics?.shippedAt) ?? lastHistory(c, ['buyer'], 'returned'),
        240,
        'seller',
      ];
    case 'EXCHANGE_WAIT_SELLER_AGREE':
      return ['deadline.exchange-agree', applied, 120, 'seller'];
    default:
      return undefined;
  }
}

/**
 * v1 → v2: the next deadline of a stored case with the default rules, as v2 judged it: the page's
 * countdown when it shows one, else the rule estimate from when the state began. A state not read
 * (UNKNOWN) gets the page's countdown only, nobody's turn and only the action the page announced.
 */
export function dueAtV2(c: CaseSnapshot): FrozenDue | null {
  if (V2_FINAL.has(c.status)) return null;
  const page = ms(c.pageDeadline?.at);
  if (c.pageDeadline && page !== undefined) {
    if (c.status === 'UNKNOWN')
      return { at: c.pageDeadline.at, basis: 'page', consequence: c.pageDeadline.action ?? null, actor: null };
    return {
      at: c.pageDeadline.at,
      basis: 'page',
      consequence: c.pageDeadline.action ?? v2Consequence(c),
      actor: V2_SELLER_STATES.has(c.status) ? 'seller' : 'buyer',
    };
  }
  const est = v2Estimate(c);
  if (!est || est[1] === undefined) return null;
  const [ruleId, start, hours, actor] = est;
  let at = start + hours * HOUR;
  let id = ruleId;
  const signed = ms(c.returnLogistics?.signedAt);
  if (c.status === 'WAIT_SELLER_CONFIRM_GOODS' && c.platform === 'tmall' && signed !== undefined) {
    // 天猫: a signed return cuts the remaining time to 48 h.
    if (signed + 48 * HOUR < at) [at, id] = [signed + 48 * HOUR, 'deadline.tmall-signed-return'];
  }
  return { at: chinaIso(at), basis: 'rule', consequence: v2Consequence(c), actor, ruleId: id };
}

/**
 * v4 → v5: a case whose state was never read (UNKNOWN) keeps no consequence the page did not announce,
 * nobody's turn and no rule estimate (records stored before unknown states stopped being guessed may
 * carry one). The page's countdown, when there was one, stays; with only an estimate, no deadline is
 * known. Returns the corrected due, or undefined when the record needs no change.
 */
export function unreadDueV5(
  rec: Pick<CaseSnapshot, 'status' | 'pageDeadline'> & { due?: FrozenDue | null },
): FrozenDue | null | undefined {
  if (rec.status !== 'UNKNOWN' || !rec.due) return undefined;
  const d = rec.due;
  if (d.basis !== 'page') return null;
  const announced = rec.pageDeadline?.at === d.at ? (rec.pageDeadline.action ?? null) : null;
  if (d.actor === null && d.consequence === announced && d.ruleId === undefined) return undefined;
  return { at: d.at, basis: 'page', consequence: announced, actor: null };
}

/**
 * v5 → v6: the first shop, as the options page named it before shops were told apart (the `shop`
 * setting's `shopName`, with its platform), or undefined when it named none.
 */
export function firstShopV6(setting: unknown): { name: string; platform?: 'taobao' | 'tmall' } | undefined {
  if (!setting || typeof setting !== 'object') return undefined;
  const { shopName, platform } = setting as { shopName?: unknown; platform?: unknown };
  const name = typeof shopName === 'string' ? shopName.trim() : '';
  if (!name || name.length > 60) return undefined;
  return { name, ...(platform === 'taobao' || platform === 'tmall' ? { platform } : {}) };
}
