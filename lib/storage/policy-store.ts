/** The shop policy (commitments, rules, working hours) as kept in the ledger's settings and policies tables. */
import type { ShopPolicy } from '../engine/policy';
import type { RadarDB } from './db';
import { CommitmentSchema, PolicySchema } from './policy-schema';

/** The most commitment entries a shop keeps (the options page's and the settings file's limit). */
export const MAX_COMMITMENTS = 500;
import * as v from 'valibot';

/** Settings keys. */
export const SHOP_KEY = 'shop';
export const RULES_KEY = 'ruleOverrides';
export const HOURS_KEY = 'workingHours';
export const HOLIDAYS_KEY = 'holidays';
export const FREIGHT_KEY = 'freightTables';

/** The policy the engine runs with, from what the options page stored; malformed parts are left out. */
export async function loadPolicy(db: RadarDB): Promise<ShopPolicy> {
  const [commitments, settings] = await Promise.all([
    db.policies.toArray(),
    db.settings.bulkGet([SHOP_KEY, RULES_KEY, HOURS_KEY, HOLIDAYS_KEY, FREIGHT_KEY]),
  ]);
  const [shop, rules, hours, holidays, freight] = settings.map((s) => s?.value);
  const candidate = {
    ...(shop && typeof shop === 'object' ? shop : {}),
    commitments: commitments.map(({ id: _id, ...c }) => c),
    ...(rules ? { ruleOverrides: rules } : {}),
    ...(hours ? { workingHours: hours } : {}),
    ...(holidays ? { holidays } : {}),
    ...(freight ? { freightTables: freight } : {}),
  };
  const r = v.safeParse(PolicySchema, candidate);
  if (r.success) return r.output;
  // Keep what is valid, part by part: a broken part never drops its siblings. The commitments one by
  // one, the last stored within the limit.
  const valid = candidate.commitments.filter((c) => v.is(CommitmentSchema, c));
  const out: Record<string, unknown> = { commitments: valid.slice(-MAX_COMMITMENTS) };
  for (const [key, value] of Object.entries(candidate))
    if (key !== 'commitments' && v.safeParse(PolicySchema, { commitments: [], [key]: value }).success) out[key] = value;
  return v.parse(PolicySchema, out);
}
