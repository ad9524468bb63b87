/** The shop policy (commitments, rules, working hours) as kept in the ledger's settings and policies tables. */
import type { ShopPolicy } from '../engine/policy';
import type { RadarDB } from './db';
import { CommitmentSchema, PolicySchema } from './policy-schema';
import { commitmentOf, shopKey } from './shops';

/** The most commitment entries a shop keeps (the options page's and the settings file's limit). */
export const MAX_COMMITMENTS = 500;
import * as v from 'valibot';

/** Settings keys. */
export const SHOP_KEY = 'shop';
export const RULES_KEY = 'ruleOverrides';
export const HOURS_KEY = 'workingHours';
export const HOLIDAYS_KEY = 'holidays';
export const FREIGHT_KEY = 'freightTables';

/** The settings keys a shop keeps its own (the primary's without a suffix, see lib/storage/shops.ts). */
export const SHOP_SETTING_KEYS = [SHOP_KEY, RULES_KEY, HOURS_KEY, HOLIDAYS_KEY, FREIGHT_KEY] as const;

/**
 * The policy of `shop`, from what the options page stored for that shop; malformed parts are left
 * out. Without a shop: the primary shop's (the settings kept before shops were told apart). A shop
 * other than the primary with no commitments gets none, with the reason.
 */
export async function loadPolicy(db: RadarDB, shop?: string): Promise<ShopPolicy> {
  // Before any shop is known, the settings there are belong to the first shop to be named.
  const primary = (await db.shops.filter((s) => s.primary === 1).first())?.name ?? shop;
  const policy = await loadShopPolicy(db, shop, primary);
  if (shop !== undefined && shop !== primary && !policy.commitments.length)
    return { ...policy, unsetReason: `店铺“${shop}”还没有设置服务承诺：不计承诺赔付（设置 → 服务承诺）` };
  return policy;
}

/**
 * The policy a case is judged by: its own shop's. A case whose shop was not read is judged by the
 * primary shop's while the ledger knows at most one shop (as before shops were told apart); among
 * several shops, by none, with the reason.
 */
export async function loadCasePolicy(db: RadarDB, shop: string | undefined): Promise<ShopPolicy> {
  if (shop === undefined && (await db.shops.count()) > 1)
    return { commitments: [], unsetReason: '未读到这张单所属的店铺：不按任何店铺的服务承诺计算赔付' };
  return loadPolicy(db, shop);
}

async function loadShopPolicy(db: RadarDB, shop: string | undefined, primary: string | undefined): Promise<ShopPolicy> {
  const [commitments, settings] = await Promise.all([
    db.policies.toArray(),
    db.settings.bulkGet(SHOP_SETTING_KEYS.map((k) => shopKey(k, shop, primary))),
  ]);
  const [shopInfo, rules, hours, holidays, freight] = settings.map((s) => s?.value);
  const candidate = {
    ...(shopInfo && typeof shopInfo === 'object' ? shopInfo : {}),
    commitments: commitments.filter((c) => commitmentOf(c, shop, primary)).map(({ id: _id, shop: _s, ...c }) => c),
    ...(rules ? { ruleOverrides: rules } : {}),
    ...(hours ? { workingHours: hours } : {}),
    ...(holidays ? { holidays } : {}),
    ...(freight ? { freightTables: freight } : {}),
  };
  const r = v.safeParse(PolicySchema, candidate);
  if (r.success) return r.output;
  // Keep what is valid, part by part: a broken part never drops its siblings. The commitments one by
  // one, the latest in effect within the limit (a dated history: the oldest entries judge only old orders),
  // whatever order they were stored in, so a colleague's flood cannot push out the shop's current promises.
  const valid = candidate.commitments.filter((c) => v.is(CommitmentSchema, c));
  const latest = new Set(
    [...valid].sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom)).slice(-MAX_COMMITMENTS),
  );
  const out: Record<string, unknown> = { commitments: valid.filter((c) => latest.has(c)) };
  for (const [key, value] of Object.entries(candidate))
    if (key !== 'commitments' && v.safeParse(PolicySchema, { commitments: [], [key]: value }).success) out[key] = value;
  return v.parse(PolicySchema, out);
}
