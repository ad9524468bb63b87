import { describe, expect, it } from 'vitest';
import { assess, nextWorkStart, workingMsBetween, type WorkingHours } from '../../../lib/engine';
import { toChinaIso } from '../../../lib/shared/china-time';
import { at, H, snap } from './helpers';

// 2026-11-20 is a Friday, 2026-11-23 a Monday.
const OFFICE: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
const NIGHT: WorkingHours = { days: [1, 2, 3, 4, 5, 6, 7], start: '20:00', end: '02:00' };
const MONDAY_NIGHT: WorkingHours = { days: [1], start: '20:00', end: '02:00' };
const ROUND_THE_CLOCK: WorkingHours = { days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '09:00' };
const EVENING_TO_MIDNIGHT: WorkingHours = { days: [1, 2, 3, 4, 5, 6, 7], start: '18:00', end: '24:00' };

describe('working time between two instants', () => {
  it.each<[string, number, number, WorkingHours, string[], number | undefined]>([
    ['an office day', at(2026, 11, 23, 9), at(2026, 11, 23, 18), OFFICE, [], 9 * H],
    ['a weekend and a holiday skipped', at(2026, 11, 20, 17), at(2026, 11, 25, 10), OFFICE, ['2026-11-24'], 11 * H],
    ['a night shift across midnight', at(2026, 11, 23, 22), at(2026, 11, 24, 1), NIGHT, [], 3 * H],
    ['a whole night shift inside a day and a half', at(2026, 11, 23, 12), at(2026, 11, 24, 12), NIGHT, [], 6 * H],
    [
      'the end of the shift begun yesterday, then the start of tonight’s',
      at(2026, 11, 24, 1),
      at(2026, 11, 24, 21),
      NIGHT,
      [],
      2 * H,
    ],
    [
      'only Monday’s night shift: Sunday’s hours after midnight are not worked',
      at(2026, 11, 23, 0),
      at(2026, 11, 25, 0),
      MONDAY_NIGHT,
      [],
      6 * H,
    ],
    [
      'a shift that starts before a holiday runs into it; none starts on it',
      at(2026, 11, 23, 12),
      at(2026, 11, 25, 12),
      NIGHT,
      ['2026-11-24'],
      6 * H,
    ],
    ['no shift starts on a holiday', at(2026, 11, 23, 12), at(2026, 11, 24, 12), NIGHT, ['2026-11-23'], 0],
    ['a 24-hour shift (end equals start)', at(2026, 11, 23, 10), at(2026, 11, 23, 20), ROUND_THE_CLOCK, [], 10 * H],
    ['a shift ending at 24:00', at(2026, 11, 23, 17), at(2026, 11, 24, 3), EVENING_TO_MIDNIGHT, [], 6 * H],
    ['an empty interval', at(2026, 11, 23, 12), at(2026, 11, 23, 12), NIGHT, [], 0],
    ['malformed hours', at(2026, 11, 23, 9), at(2026, 11, 23, 18), { ...OFFICE, start: '9点' }, [], undefined],
    ['a start at 24:00', at(2026, 11, 23, 9), at(2026, 11, 23, 18), { ...OFFICE, start: '24:00' }, [], undefined],
  ])('%s', (_what, from, to, hours, holidays, ms) => {
    expect(workingMsBetween(from, to, hours, holidays)).toBe(ms);
  });
});

describe('the next shift start', () => {
  it.each<[string, number, WorkingHours, string[], string | undefined]>([
    ['after Friday’s close: Monday', at(2026, 11, 20, 19), OFFICE, [], '2026-11-23T09:00:00+08:00'],
    ['a night shift, before midnight: tomorrow evening', at(2026, 11, 23, 23), NIGHT, [], '2026-11-24T20:00:00+08:00'],
    ['a night shift, after midnight: this evening', at(2026, 11, 24, 1), NIGHT, [], '2026-11-24T20:00:00+08:00'],
    ['Monday nights only, on Tuesday: next Monday', at(2026, 11, 24, 1), MONDAY_NIGHT, [], '2026-11-30T20:00:00+08:00'],
    ['a holiday starts no shift', at(2026, 11, 24, 3), NIGHT, ['2026-11-24'], '2026-11-25T20:00:00+08:00'],
    ['a 24-hour shift: tomorrow at its start', at(2026, 11, 23, 10), ROUND_THE_CLOCK, [], '2026-11-24T09:00:00+08:00'],
    ['no working day', at(2026, 11, 23, 10), { ...NIGHT, days: [] }, [], undefined],
    ['malformed hours', at(2026, 11, 23, 10), { ...NIGHT, end: '2点' }, [], undefined],
  ])('%s', (_what, now, hours, holidays, next) => {
    const got = nextWorkStart(now, hours, holidays);
    expect(got === undefined ? undefined : toChinaIso(got)).toBe(next);
  });
});

describe('working time left on a case', () => {
  it('counts a night shift’s hours after midnight', () => {
    const a = assess(
      snap({ pageDeadline: { at: toChinaIso(at(2026, 11, 24, 1)), text: '还剩3小时' } }),
      { commitments: [], workingHours: NIGHT },
      at(2026, 11, 23, 22),
    );
    expect(a.workingMsLeft).toBe(3 * H);
  });
});
