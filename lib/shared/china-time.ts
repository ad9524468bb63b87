/**
 * China time (Asia/Shanghai, UTC+8, no daylight saving) helpers. Platform times are always China
 * time, whatever the machine's zone, so every conversion goes through a fixed +08:00 offset.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = 8 * HOUR_MS;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 with the +08:00 offset, e.g. 2026-11-20T13:05:22+08:00 ('Invalid Date' for NaN). */
export function toChinaIso(ms: number): string {
  const d = new Date(ms + OFFSET_MS);
  // toISOString, not six getters and five pads: every instant a page shows or a data response
  // carries comes through here.
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : `${d.toISOString().slice(0, 19)}+08:00`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether wall-clock fields name a real time (no 02-30, no 24:00). Years outside 1000–9999 do not
 * count: they have no four-digit ISO form (toChinaIso would write an invalid date). Month is 1-based.
 */
export function isChinaWall(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return (
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/** Wall-clock fields in China time → epoch ms. Month is 1-based. Returns NaN on impossible dates. */
export function chinaWallToMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return isChinaWall(year, month, day, hour, minute, second)
    ? Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS
    : Number.NaN;
}

/**
 * The ISO form (+08:00) of valid China wall-clock fields (see isChinaWall), written straight from
 * them: a page's times need no instant to be written down.
 */
export function chinaWallIso(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string {
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`;
}

/** The China-time calendar year of an instant. */
export function chinaYear(ms: number): number {
  return new Date(ms + OFFSET_MS).getUTCFullYear();
}

/** Start (00:00 China time) of the China-time day containing `ms`. */
export function startOfChinaDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}

/** Short China-time text for the UI: 11-20 13:05. */
export function formatChinaShort(ms: number): string {
  const d = new Date(ms + OFFSET_MS);
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
