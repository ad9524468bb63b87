import { describe, expect, it } from 'vitest';
import { planAlerts, quietUntil } from '../../../lib/engine/alerts';
import { at } from './helpers';

const H = 3_600_000;
const NOW = at(2026, 11, 22, 15, 0);
const settings = { thresholdsMin: [1440, 360, 60], overdue: true, quietHours: null };

describe('planAlerts', () => {
  it('notifies once per threshold crossed, the most urgent one, and plans the next look', () => {
    const plan = planAlerts(
      [
        { key: 'a', dueAt: NOW + 30 * 60_000, alertsSent: [] }, // inside 1 h: one alert, all three thresholds marked
        { key: 'b', dueAt: NOW + 5 * H, alertsSent: [1440] }, // inside 6 h, 24 h already sent
        { key: 'c', dueAt: NOW + 30 * H, alertsSent: [] }, // nothing yet; next at due − 24 h
        { key: 'd', dueAt: NOW - H, alertsSent: [1440, 360, 60] }, // overdue
        { key: 'e', dueAt: NOW + 10 * 60_000, alertsSent: [], handled: true }, // handled: never
      ],
      settings,
      NOW,
    );
    expect(plan.notify).toEqual([
      { key: 'a', thresholdMin: 60, alsoMark: [1440, 360, 60] },
      { key: 'b', thresholdMin: 360, alsoMark: [360] },
      { key: 'd', thresholdMin: 0, alsoMark: [0] },
    ]);
    expect(plan.nextAt).toBe(NOW + 30 * 60_000); // a's overdue alert comes before b's 1 h one
  });

  it('sends nothing twice', () => {
    const plan = planAlerts([{ key: 'a', dueAt: NOW + 30 * 60_000, alertsSent: [1440, 360, 60] }], settings, NOW);
    expect(plan.notify).toEqual([]);
    expect(plan.nextAt).toBe(NOW + 30 * 60_000);
  });

  it('holds alerts during quiet hours and looks again when they end', () => {
    const quiet = { ...settings, quietHours: { start: '22:00', end: '08:00' } };
    const night = at(2026, 11, 22, 23, 30);
    const plan = planAlerts([{ key: 'a', dueAt: night + 30 * 60_000, alertsSent: [] }], quiet, night);
    expect(plan.notify).toEqual([]);
    expect(plan.nextAt).toBe(
      at(2026, 11, 23, 8, 0) > night + 30 * 60_000 ? night + 30 * 60_000 : at(2026, 11, 23, 8, 0),
    );
    expect(quietUntil(at(2026, 11, 23, 7, 0), quiet.quietHours)).toBe(at(2026, 11, 23, 8, 0));
    expect(quietUntil(at(2026, 11, 23, 9, 0), quiet.quietHours)).toBeUndefined();
  });

  it('honours edited thresholds', () => {
    const plan = planAlerts(
      [{ key: 'a', dueAt: NOW + 100 * 60_000, alertsSent: [] }],
      { thresholdsMin: [120], overdue: false },
      NOW,
    );
    expect(plan.notify).toEqual([{ key: 'a', thresholdMin: 120, alsoMark: [120] }]);
    expect(plan.nextAt).toBeUndefined();
  });
});
