/**
 * The shop policy as it is stored, exported and imported: validated, so a hand-edited or foreign
 * file never reaches the engine half-formed.
 */
import * as v from 'valibot';
import type { ShopPolicy } from '../engine/policy';
import { FREIGHT_LIMITS } from '../engine/freight';
import { IsoTime as Iso } from '../shared/snapshot-schema';
import { PROVINCES } from '../shared/types';

const Count = (max: number) => v.pipe(v.number(), v.minValue(0), v.maxValue(max));
const Payer = v.picklist(['seller', 'buyer']);
const Entry = { enabled: v.boolean(), effectiveFrom: Iso };

export const CommitmentSchema = v.variant('type', [
  v.object({ type: v.literal('seven-day'), days: Count(365), ...Entry }),
  v.object({ type: v.literal('shipping-promise'), hours: Count(24 * 90), ...Entry }),
  v.object({ type: v.literal('fake-3x'), ...Entry }),
  v.object({ type: v.literal('quality-promise'), amountFen: v.pipe(Count(1e9), v.integer()), ...Entry }),
  v.object({ type: v.literal('return-promise'), days: Count(365), postagePaidBy: Payer, ...Entry }),
  v.object({ type: v.literal('damage-reship'), reshipPaidBy: Payer, ...Entry }),
  v.object({ type: v.literal('designated-carrier'), ...Entry }),
  v.object({ type: v.literal('arrival-promise'), days: Count(90), ...Entry }),
  v.object({ type: v.literal('freight-insurance'), ...Entry }),
  v.object({ type: v.literal('quality-report-window'), hours: Count(24 * 90), ...Entry }),
]);

const FreightFen = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(FREIGHT_LIMITS.maxFen));
const FreightRate = {
  firstFen: FreightFen,
  extraFen: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(FREIGHT_LIMITS.maxFen))),
};
const Carrier = v.pipe(v.string(), v.minLength(1), v.maxLength(FREIGHT_LIMITS.carrier));

/** The shop's freight tables (运费表): bounded, every province a known one. */
export const FreightTablesSchema = v.pipe(
  v.array(
    v.object({
      carrier: v.optional(Carrier),
      default: v.optional(v.object(FreightRate)),
      regions: v.pipe(
        v.array(
          v.object({
            provinces: v.pipe(v.array(v.picklist(PROVINCES)), v.minLength(1), v.maxLength(PROVINCES.length)),
            ...FreightRate,
            carrier: v.optional(Carrier),
          }),
        ),
        v.maxLength(FREIGHT_LIMITS.regions),
      ),
    }),
  ),
  v.maxLength(FREIGHT_LIMITS.tables),
);

const HHMM = v.pipe(v.string(), v.regex(/^\d{1,2}:\d{2}$/));

export const PolicySchema = v.object({
  platform: v.optional(v.picklist(['taobao', 'tmall'])),
  shopName: v.optional(v.pipe(v.string(), v.maxLength(60))),
  staffName: v.optional(v.pipe(v.string(), v.maxLength(30))),
  returnAddress: v.optional(v.pipe(v.string(), v.maxLength(200))),
  freeShippingDefault: v.optional(v.boolean()),
  commitments: v.pipe(v.array(CommitmentSchema), v.maxLength(500)),
  ruleOverrides: v.optional(
    v.record(v.pipe(v.string(), v.maxLength(80)), v.record(v.pipe(v.string(), v.maxLength(40)), Count(1e9))),
  ),
  workingHours: v.optional(
    v.object({
      days: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7))), v.maxLength(7)),
      start: HHMM,
      end: HHMM,
    }),
  ),
  holidays: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))), v.maxLength(400))),
  freightTables: v.optional(FreightTablesSchema),
});

/** A settings file: the options page's export, or a bare policy. */
export function parsePolicyFile(input: unknown): { ok: true; policy: ShopPolicy } | { ok: false; error: string } {
  const candidate = input && typeof input === 'object' && 'policy' in input ? input.policy : input;
  const r = v.safeParse(PolicySchema, candidate);
  if (r.success) return { ok: true, policy: r.output };
  const issue = r.issues[0];
  const where = issue ? v.getDotPath(issue) : null;
  return { ok: false, error: `invalid settings${where ? ` at ${where}` : ''}: ${issue?.message ?? 'unknown problem'}` };
}
