/**
 * The shops this browser has seen (issue 32): several shops' cases in one ledger, each judged by its
 * own shop's settings. The primary shop (the first) keeps the settings stored before shops were told
 * apart: the settings keys as they were and the commitments without a shop. Every other shop's
 * settings are the same keys with `@` and its name, and commitments that name it.
 */
import { Dexie } from 'dexie';
import type { PageShop, Platform } from '../shared/types';
import { adoptFirstShop, type PolicyRecord, type RadarDB, type ShopRecord } from './db';

/** The settings key of `key` for a shop: the primary's (or no shop's) is the key itself. */
export function shopKey(key: string, shop: string | undefined, primary: string | undefined): string {
  return shop === undefined || shop === primary ? key : `${key}@${shop}`;
}

/** Whether a stored commitment is the shop's (an entry without a shop is the primary's). */
export function commitmentOf(p: Pick<PolicyRecord, 'shop'>, shop: string | undefined, primary: string | undefined) {
  if (shop === undefined || shop === primary) return p.shop === undefined || p.shop === primary;
  return p.shop === shop;
}

/** Every shop seen, the primary first, then by name. */
export async function listShops(db: RadarDB): Promise<ShopRecord[]> {
  const all = await db.shops.toArray();
  return all.sort((a, b) => (b.primary ?? 0) - (a.primary ?? 0) || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function primaryShop(db: RadarDB): Promise<string | undefined> {
  return (await db.shops.filter((s) => s.primary === 1).first())?.name;
}

/** Names already known in this worker's life: most readings name a known shop, which costs no write. */
const known = new WeakMap<RadarDB, Set<string>>();

/**
 * A page named `shop`: list it when new. The first shop ever named becomes the primary and takes
 * every case stored without a shop (the ledger kept before shops were told apart). Returns whether
 * the shop was new.
 */
export async function knowShop(db: RadarDB, shop: PageShop, platform: Platform, at: string): Promise<boolean> {
  let names = known.get(db);
  if (!names) known.set(db, (names = new Set()));
  if (names.has(shop.name)) return false;
  const created = await db.transaction('rw', db.shops, db.cases, async () => {
    if (await db.shops.get(shop.name)) return false;
    const rec: ShopRecord = { name: shop.name, platform, firstSeenAt: at, ...(shop.tmall ? { tmall: true } : {}) };
    if (await db.shops.filter((s) => s.primary === 1).first()) await db.shops.add(rec);
    else await adoptFirstShop(Dexie.currentTransaction, rec);
    return true;
  });
  names.add(shop.name);
  return created;
}

/** Forget this worker's cache (the ledger was cleared or imported). */
export function forgetKnownShops(db: RadarDB): void {
  known.delete(db);
}
