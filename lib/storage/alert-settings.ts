/** Alert and retention settings as stored, validated on the way out. */
import * as v from 'valibot';
import { DEFAULT_ALERTS, type AlertSettings } from '../engine/alerts';
import type { RadarDB } from './db';

export const ALERTS_KEY = 'alerts';
export const RETENTION_KEY = 'retentionDays';
export const DEFAULT_RETENTION_DAYS = 180;

const HHMM = v.pipe(v.string(), v.regex(/^\d{1,2}:\d{2}$/));
export const AlertSettingsSchema = v.object({
  thresholdsMin: v.pipe(v.array(v.pipe(v.number(), v.minValue(1), v.maxValue(60 * 24 * 30))), v.maxLength(10)),
  overdue: v.boolean(),
  quietHours: v.optional(v.nullable(v.object({ start: HHMM, end: HHMM }))),
});

export async function loadAlertSettings(db: RadarDB): Promise<AlertSettings> {
  const stored = (await db.settings.get(ALERTS_KEY))?.value;
  const r = v.safeParse(AlertSettingsSchema, stored);
  return r.success ? r.output : DEFAULT_ALERTS;
}

export async function loadRetentionDays(db: RadarDB): Promise<number> {
  const stored = (await db.settings.get(RETENTION_KEY))?.value;
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_RETENTION_DAYS;
}
