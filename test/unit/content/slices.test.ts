import { describe, expect, it, vi } from 'vitest';
import { startSliceClock } from '../../../entrypoints/seller.content/slices';

describe('working in slices', () => {
  it('gives the page its thread back only once a slice has run 12 ms, and says where the time went', async () => {
    let t = 0;
    const clock = startSliceClock(() => t, 12);
    const ticks = vi.spyOn(globalThis, 'setTimeout');
    t = 11;
    await clock.maybeYield();
    expect(ticks).not.toHaveBeenCalled();
    t = 12;
    await clock.maybeYield(); // slice 1: 12 ms of reading
    expect(ticks).toHaveBeenCalledTimes(1);
    clock.enter('badges');
    t = 15; // 3 ms of badges
    clock.enter('ledger');
    t = 20; // 5 ms of ledger, then the background answers after 100 ms of page time
    expect(await clock.pause(new Promise((r) => setTimeout(() => r('answer'), 0)).then((x) => ((t = 120), x)))).toBe(
      'answer',
    );
    t = 121;
    const times = clock.finish();
    ticks.mockRestore();
    expect(times.busy).toBe(12 + 8 + 1);
    expect(times.phases).toEqual({ read: 12, badges: 3, sidebar: 0, ledger: 6 });
    expect([times.longest, times.longestIn]).toEqual([12, 'read']);
  });
});
