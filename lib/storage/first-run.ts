/**
 * The welcome page's second step: the shop's basics (platform, working hours, a few common commitments),
 * written where the options page keeps them (the same keys and the same commitment history), so they are
 * edited there later. Only what was chosen is written; skipping writes nothing.
 */
import * as v from 'valibot';
import type { CommitmentEntry, WorkingHours } from '../engine/policy';
import type { Platform } from '../shared/types';
import type { RadarDB } from './db';
import { CommitmentSchema } from './policy-schema';
import { HOURS_KEY, SHOP_KEY } from './policy-store';

/** The commitments offered on the welcome page (the options page has them all, with their parameters). */
export const FIRST_RUN_COMMITMENTS = {
  'seven-day': { title: '七天无理由退货', terms: { type: 'seven-day', days: 7 } },
  'shipping-promise': { title: '48 小时发货承诺', terms: { type: 'shipping-promise', hours: 48 } },
  'fake-3x': { title: '假一赔三', terms: { type: 'fake-3x' } },
  'freight-insurance': { title: '运费险（商家投保）', terms: { type: 'freight-insurance' } },
} as const;

export type FirstRunCommitment = keyof typeof FIRST_RUN_COMMITMENTS;

export interface ShopBasics {
  platform?: Platform;
  workingHours?: WorkingHours;
  commitments: FirstRunCommitment[];
}

/**
 * Write the basics; `effectiveFrom` (ISO) dates the commitments (today, China time). Returns what was
 * written, by setting, for the page to confirm.
 */
export async function saveShopBasics(db: RadarDB, basics: ShopBasics, effectiveFrom: string): Promise<string[]> {
  const entries: CommitmentEntry[] = basics.commitments.map((c) =>
    v.parse(CommitmentSchema, { ...FIRST_RUN_COMMITMENTS[c].terms, enabled: true, effectiveFrom }),
  );
  const written: string[] = [];
  await db.transaction('rw', db.settings, db.policies, async () => {
    if (basics.platform) {
      const shop = (await db.settings.get(SHOP_KEY))?.value;
      await db.settings.put({
        key: SHOP_KEY,
        value: { ...(shop && typeof shop === 'object' ? shop : {}), platform: basics.platform },
      });
      written.push('platform');
    }
    if (basics.workingHours) {
      await db.settings.put({ key: HOURS_KEY, value: basics.workingHours });
      written.push('workingHours');
    }
    if (entries.length) {
      await db.policies.bulkAdd(entries);
      written.push('commitments');
    }
  });
  return written;
}
