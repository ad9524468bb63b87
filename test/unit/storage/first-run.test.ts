// The welcome page's shop basics land where the options page reads them, and the engine's policy sees them.
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import { saveShopBasics } from '../../../lib/storage/first-run';
import { loadPolicy, SHOP_KEY } from '../../../lib/storage/policy-store';
import { commitmentsInForce } from '../../../lib/engine/policy';

const dbs: RadarDB[] = [];
let n = 0;
const fresh = () => {
  const db = createDb(`first-run-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const TODAY = '2026-12-07T00:00:00+08:00';

describe('the shop basics of the welcome page', () => {
  it('are the shop policy at once: platform (the shop name kept), working hours, commitments from today', async () => {
    const db = fresh();
    await db.settings.put({ key: SHOP_KEY, value: { shopName: '青禾小铺' } });
    const written = await saveShopBasics(
      db,
      {
        platform: 'tmall',
        workingHours: { days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' },
        commitments: ['seven-day', 'fake-3x'],
      },
      TODAY,
    );
    expect(written).toEqual(['platform', 'workingHours', 'commitments']);
    const policy = await loadPolicy(db);
    expect(policy.platform).toBe('tmall');
    expect(policy.shopName).toBe('青禾小铺');
    expect(policy.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' });
    const inForce = commitmentsInForce(policy, Date.parse('2026-12-08T10:00:00+08:00'));
    expect(inForce['seven-day']).toMatchObject({ days: 7 });
    expect(inForce['fake-3x']).toBeTruthy();
    expect(inForce['shipping-promise']).toBeUndefined();
    // An order paid before today is judged without them.
    expect(commitmentsInForce(policy, Date.parse('2026-12-01T10:00:00+08:00'))['seven-day']).toBeUndefined();
  });

  it('skipped or left empty, write nothing', async () => {
    const db = fresh();
    expect(await saveShopBasics(db, { commitments: [] }, TODAY)).toEqual([]);
    expect(await db.settings.count()).toBe(0);
    expect(await db.policies.count()).toBe(0);
  });
});
