/**
 * Which deadline alerts are due now, and when the next one falls. Pure: the ledger's open cases and
 * `now` are arguments; the background turns the plan into notifications and one alarm.
 */
import { DAY_MS, startOfChinaDay } from '../shared/china-time';

export interface AlertSettings {
  /** Minutes before the platform's auto-action (default 24 h, 6 h, 1 h). */
  thresholdsMin: number[];
  /** Also alert once a deadline has passed. */
  overdue: boolean;
  /** China-time 'HH:MM' window with no notifications (they wait until it ends); may cross midnight. */
  quietHours?: { start: string; end: string } | null;
}

export const DEFAULT_ALERTS: AlertSettings = { thresholdsMin: [1440, 360, 60], overdue: true, quietHours: null };

export interface AlertCandidate {
  key: string;
  /** Epoch ms of the platform's auto-action. */
  dueAt: number;
  /** Thresholds already notified for this due time (0 = overdue). */
  alertsSent: number[];
  handled?: boolean;
}

export interface AlertPlan {
  /** Notify now: the case and the threshold crossed (the most urgent one; lesser ones are folded in). */
  notify: { key: string; thresholdMin: number; alsoMark: number[] }[];
  /** When to look again (epoch ms), if anything is still to come. */
  nextAt?: number;
}

function minutesOfDay(hhmm: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** If `now` is inside the quiet hours, when they end (epoch ms); otherwise undefined. */
export function quietUntil(now: number, quiet: AlertSettings['quietHours']): number | undefined {
  if (!quiet) return undefined;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === undefined || end === undefined || start === end) return undefined;
  const day = startOfChinaDay(now);
  const minute = (now - day) / 60_000;
  if (start < end) return minute >= start && minute < end ? day + end * 60_000 : undefined;
  // Crosses midnight, e.g. 22:00–08:00.
  if (minute >= start) return day + DAY_MS + end * 60_000;
  if (minute < end) return day + end * 60_000;
  return undefined;
}

export function planAlerts(cases: AlertCandidate[], settings: AlertSettings, now: number): AlertPlan {
  const thresholds = [...new Set(settings.thresholdsMin.filter((t) => Number.isFinite(t) && t > 0))].sort(
    (a, b) => b - a,
  );
  if (settings.overdue) thresholds.push(0);
  const quiet = quietUntil(now, settings.quietHours);
  const plan: AlertPlan = { notify: [] };
  let next = Number.POSITIVE_INFINITY;
  for (const c of cases) {
    if (c.handled || !Number.isFinite(c.dueAt)) continue;
    const crossed = thresholds.filter((t) => c.dueAt - t * 60_000 <= now && !c.alertsSent.includes(t));
    const upcoming = thresholds.filter((t) => c.dueAt - t * 60_000 > now).map((t) => c.dueAt - t * 60_000);
    if (upcoming.length) next = Math.min(next, ...upcoming);
    if (!crossed.length) continue;
    if (quiet !== undefined) {
      next = Math.min(next, quiet);
      continue;
    }
    // Only the most urgent threshold crossed is worth a notification.
    const mostUrgent = Math.min(...crossed);
    plan.notify.push({ key: c.key, thresholdMin: mostUrgent, alsoMark: crossed });
  }
  if (Number.isFinite(next)) plan.nextAt = next;
  return plan;
}
