/**
 * Working time between two instants, in China time, over the shop's working days and hours and
 * minus its holidays (given as data). Pure: both instants are arguments.
 */
import { DAY_MS, startOfChinaDay, toChinaIso } from '../shared/china-time';
import type { WorkingHours } from './policy';

function minutesOf(hhmm: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return undefined;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 24 * 60 ? v : undefined;
}

/** ISO weekday (1 = Monday) of the China-time day starting at `dayStart`. */
function weekday(dayStart: number): number {
  // 1970-01-01 (China time) was a Thursday.
  const days = Math.round((dayStart - startOfChinaDay(0)) / DAY_MS);
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/**
 * Working milliseconds in [from, to). Returns undefined when the hours are malformed.
 * @example workingMsBetween(mon09, mon18, { days: [1,2,3,4,5], start: '09:00', end: '18:00' }, []) //=> 9 h
 */
export function workingMsBetween(
  from: number,
  to: number,
  hours: WorkingHours,
  holidays: readonly string[] = [],
): number | undefined {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start === undefined || end === undefined || end <= start) return undefined;
  if (!(to > from)) return 0;
  const off = new Set(holidays);
  let total = 0;
  // Bounded: at most ~2 years of days, whatever the input.
  for (let day = startOfChinaDay(from), n = 0; day < to && n < 800; day += DAY_MS, n++) {
    if (!hours.days.includes(weekday(day)) || off.has(toChinaIso(day).slice(0, 10))) continue;
    const open = day + start * 60_000;
    const close = day + end * 60_000;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total;
}
