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
 * The shop's shift as minutes: its start after midnight and its length. An end at or before the start
 * means the shift runs past midnight (20:00–02:00 is 6 h; 09:00–09:00 is a 24-hour shift). Undefined
 * when either time is malformed or the start is not within the day.
 */
function shiftOf(hours: WorkingHours): { start: number; span: number } | undefined {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start === undefined || end === undefined || start >= 24 * 60) return undefined;
  return { start, span: end > start ? end - start : end + 24 * 60 - start };
}

/** Whether a shift starts on the China-time day starting at `day`: a working weekday, not a holiday. */
const startsOn = (day: number, hours: WorkingHours, off: ReadonlySet<string>) =>
  hours.days.includes(weekday(day)) && !off.has(toChinaIso(day).slice(0, 10));

/**
 * Working milliseconds in [from, to). Returns undefined when the hours are malformed. A shift belongs
 * to the China-time day it starts on, as in `nextWorkStart`: a night shift (20:00–02:00) that starts on
 * a working day counts its hours after midnight too, even into a day off; one that would start on a day
 * off or a holiday does not run.
 * @example workingMsBetween(mon09, mon18, { days: [1,2,3,4,5], start: '09:00', end: '18:00' }, []) //=> 9 h
 * @example workingMsBetween(mon22, tue01, { days: [1], start: '20:00', end: '02:00' }, []) //=> 3 h
 */
export function workingMsBetween(
  from: number,
  to: number,
  hours: WorkingHours,
  holidays: readonly string[] = [],
): number | undefined {
  const shift = shiftOf(hours);
  if (!shift) return undefined;
  if (!(to > from)) return 0;
  const off = new Set(holidays);
  let total = 0;
  // From the day before: a shift that started yesterday may still run at `from`. Bounded: at most
  // ~2 years of days, whatever the input.
  for (let day = startOfChinaDay(from) - DAY_MS, n = 0; day < to && n < 800; day += DAY_MS, n++) {
    if (!startsOn(day, hours, off)) continue;
    const open = day + shift.start * 60_000;
    const close = open + shift.span * 60_000;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total;
}

/**
 * The start of the shop's next working period after `now` (epoch ms), or undefined when the hours are
 * malformed or no working day falls in the next 60 days. A period belongs to the China-time day it
 * starts on; an end at or before the start means the shift runs past midnight (20:00–02:00). A day
 * that is not a working day, or is a holiday, starts no period. "Next" means strictly after `now`: in
 * the middle of a shift, it is the start of the following one (what the last person on shift hands over to).
 * @example nextWorkStart(fri19, { days: [1,2,3,4,5], start: '09:00', end: '18:00' }) //=> Monday 09:00
 */
export function nextWorkStart(now: number, hours: WorkingHours, holidays: readonly string[] = []): number | undefined {
  const shift = shiftOf(hours);
  if (!shift) return undefined;
  const off = new Set(holidays);
  for (let day = startOfChinaDay(now), n = 0; n <= 60; day += DAY_MS, n++) {
    const open = day + shift.start * 60_000;
    if (open <= now || !startsOn(day, hours, off)) continue;
    return open;
  }
  return undefined;
}
