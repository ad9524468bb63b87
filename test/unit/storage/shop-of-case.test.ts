import { afterEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../entrypoints/background/handlers';
import { TabShops } from '../../../lib/messaging/tab-shops';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import type { PageShop } from '../../../lib/shared/types';

let db: RadarDB;
let n = 0;
afterEach(async () => db?.delete());

const LIST = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';
const DETAIL = `${LIST}/detail?disputeId=`;
const QINGHE: PageShop = { name: '青禾小铺', via: 'account' };
const OTHER: PageShop = { name: '代运营乙店', via: 'title' };

const seen = (id: string, url: string, shop?: PageShop, readAt = '2026-12-07T10:00:00+08:00') => ({
  type: 'cases/seen',
  source: { page: url.includes('detail') ? 'refund-detail' : 'refund-list', url, readAt },
  ...(shop ? { shop } : {}),
  cases: [
    { platform: 'taobao', disputeId: id, kind: 'refund', status: 'WAIT_SELLER_AGREE', flags: {}, refundFen: 100 },
  ],
});

describe('each case stores its shop', () => {
  it('a page that names no shop takes its own tab’s last naming page’s shop, never another tab’s', async () => {
    db = createDb(`shop-of-case-${++n}`);
    const hooks = { tabShops: new TabShops() };
    await handleMessage(db, seen('287140000000001', LIST, QINGHE), { tabId: 1, frameId: 0 }, hooks);
    // The detail page of the same tab shows no header: the tab's shop.
    await handleMessage(db, seen('287140000000002', `${DETAIL}287140000000002`), { tabId: 1, frameId: 0 }, hooks);
    // The list in a /tp/ shell's frame of the same tab.
    await handleMessage(db, seen('287140000000003', LIST), { tabId: 1, frameId: 7 }, hooks);
    // Another tab that never named a shop: no guess.
    await handleMessage(db, seen('287140000000004', `${DETAIL}287140000000004`), { tabId: 2, frameId: 0 }, hooks);
    const shops = (await db.cases.toArray()).map((c) => [c.disputeId, c.shop]);
    expect(shops).toEqual([
      ['287140000000001', '青禾小铺'],
      ['287140000000002', '青禾小铺'],
      ['287140000000003', '青禾小铺'],
      ['287140000000004', undefined],
    ]);
  });

  it('the tab follows the latest page that named a shop, and forgets it when closed', async () => {
    db = createDb(`shop-of-case-${++n}`);
    const tabShops = new TabShops();
    await tabShops.resolve(1, QINGHE);
    await tabShops.resolve(1, OTHER);
    expect(await tabShops.resolve(1, undefined)).toEqual(OTHER);
    await tabShops.drop(1);
    expect(await tabShops.resolve(1, undefined)).toBeUndefined();
  });

  it('a restarted worker still knows the tab’s shop from where it was kept', async () => {
    let kept: Record<string, PageShop> | undefined;
    const store = {
      load: () => Promise.resolve(kept),
      save: (v: Record<string, PageShop>) => {
        kept = v;
        return Promise.resolve();
      },
    };
    await new TabShops(store).resolve(5, QINGHE);
    expect(await new TabShops(store).resolve(5, undefined)).toEqual(QINGHE);
  });

  it('a reading that names another shop changes nothing silently: the shop stays, with a drift note', async () => {
    db = createDb(`shop-of-case-${++n}`);
    const hooks = { tabShops: new TabShops() };
    await handleMessage(db, seen('287140000000001', LIST, QINGHE), { tabId: 1, frameId: 0 }, hooks);
    await handleMessage(
      db,
      seen('287140000000001', LIST, OTHER, '2026-12-07T11:00:00+08:00'),
      { tabId: 3, frameId: 0 },
      hooks,
    );
    const rec = (await db.cases.toArray())[0]!;
    expect(rec.shop).toBe('青禾小铺');
    expect(rec.drift).toEqual([expect.stringContaining('这次读到“代运营乙店”，台账记为“青禾小铺”')]);
    // Read again under its own shop: the note goes with the reading that raised it.
    await handleMessage(
      db,
      seen('287140000000001', LIST, QINGHE, '2026-12-07T12:00:00+08:00'),
      { tabId: 1, frameId: 0 },
      hooks,
    );
    expect((await db.cases.toArray())[0]!.drift).toBeUndefined();
  });
});
