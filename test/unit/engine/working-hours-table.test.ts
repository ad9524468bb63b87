// The shop's working hours at their edges (issue 38, surviving mutants of lib/engine/working-hours.ts):
// hours the options page could not have saved are no hours; minutes count; "next" is strictly after now;
// the next shift after a long holiday is found up to 60 days ahead.
import { describe, expect, it } from 'vitest';
import { nextWorkStart, workingMsBetween, type WorkingHours } from '../../../lib/engine';
import { at, H } from './helpers';

// 2026-11-23 is a Monday.
const OFFICE: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

describe('working hours at their edges', () => {
  it.each([
    ['x9:00', '18:00'],
    ['9:00x', '18:00'],
    ['09:00', '18:00x'],
    ['09:00', '25:00'],
    ['24:00', '08:00'],
    ['9', '18:00'],
  ])('%s–%s are no hours: nothing is worked out from them', (start, end) => {
    const hours = { ...OFFICE, start, end };
    expect(workingMsBetween(at(2026, 11, 23, 8), at(2026, 11, 23, 20), hours)).toBeUndefined();
    expect(nextWorkStart(at(2026, 11, 23, 8), hours)).toBeUndefined();
  });

  it('counts the minutes of a shift’s start and end (09:30–18:15 is 8 h 45 min)', () => {
    const hours = { ...OFFICE, start: '09:30', end: '18:15' };
    expect(workingMsBetween(at(2026, 11, 23, 8), at(2026, 11, 23, 20), hours)).toBe(8 * H + 45 * 60_000);
    expect(nextWorkStart(at(2026, 11, 23, 8), hours)).toBe(at(2026, 11, 23, 9, 30));
  });

  it('at the very start of a shift, the next start is the following day’s', () => {
    expect(nextWorkStart(at(2026, 11, 23, 9), OFFICE)).toBe(at(2026, 11, 24, 9));
    expect(nextWorkStart(at(2026, 11, 23, 9) - 1, OFFICE)).toBe(at(2026, 11, 23, 9));
  });

  it('finds the next shift 60 days ahead after a long closure, and none beyond', () => {
    const every: WorkingHours = { days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '18:00' };
    const closed = (n: number) =>
      Array.from({ length: n }, (_, i) => new Date(at(2026, 11, 23, 12) + i * 24 * H).toISOString().slice(0, 10));
    expect(nextWorkStart(at(2026, 11, 23, 8), every, closed(60))).toBe(at(2026, 11, 23, 9) + 60 * 24 * H);
    expect(nextWorkStart(at(2026, 11, 23, 8), every, closed(61))).toBeUndefined();
  });
});
