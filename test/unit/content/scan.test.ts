import { describe, expect, it, vi } from 'vitest';
import { pageMargin, clampWidth } from '../../../entrypoints/seller.content/sidebar-host';
import { scanScheduler } from '../../../entrypoints/seller.content/scan';

describe('scan scheduling', () => {
  // The page's idle time comes 50 ms after it is asked for (at most `timeout`).
  vi.stubGlobal('requestIdleCallback', (fn: () => void, o: { timeout: number }) =>
    setTimeout(fn, Math.min(50, o.timeout)),
  );
  vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  const fakeTimers = () =>
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  /**
   * A context as WXT makes it: its own `setTimeout` and `requestIdleCallback` add a listener to its
   * abort signal on every call, which is never removed. Counts the listeners on that signal.
   */
  const fakeCtx = () => {
    const controller = new AbortController();
    const ctx = {
      listeners: 0,
      get isInvalid() {
        return controller.signal.aborted;
      },
      onInvalidated(cb: () => void) {
        ctx.listeners++;
        controller.signal.addEventListener('abort', cb);
        return () => {
          ctx.listeners--;
          controller.signal.removeEventListener('abort', cb);
        };
      },
      setTimeout: (fn: () => void, ms: number) => {
        const id = setTimeout(fn, ms);
        ctx.onInvalidated(() => clearTimeout(id));
        return id as unknown as number;
      },
      requestIdleCallback: (fn: () => void, o: { timeout: number }) => {
        const id = setTimeout(fn, Math.min(50, o.timeout));
        ctx.onInvalidated(() => clearTimeout(id));
        return id as unknown as number;
      },
      abort: () => controller.abort(),
    };
    return ctx;
  };

  it("leaves nothing behind per read: over 3,000 reads the context's listeners stay flat", async () => {
    fakeTimers();
    const ctx = fakeCtx();
    let runs = 0;
    const { schedule } = scanScheduler(ctx as never, async () => void runs++);
    schedule();
    await vi.advanceTimersByTimeAsync(1000);
    const after1 = ctx.listeners;
    // A page re-rendering every 500 ms: a change, then a read.
    for (let i = 0; i < 3000; i++) {
      schedule();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(runs).toBe(3001);
    expect(ctx.listeners).toBe(after1);
    expect(after1).toBeLessThanOrEqual(1);
    // Once the extension is reloaded away, a pending read does not run.
    schedule();
    ctx.abort();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(3001);
    vi.useRealTimers();
  });

  it('runs once the page settles, however many changes came, and never two scans at once', async () => {
    fakeTimers();
    let running = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => {};
    const scan = () => {
      runs++;
      most = Math.max(most, ++running);
      return new Promise<void>((r) => (release = () => (running--, r())));
    };
    const { schedule, now } = scanScheduler(fakeCtx() as never, scan);
    for (let i = 0; i < 5; i++) schedule();
    // 200 ms of quiet, then the page's idle time.
    await vi.advanceTimersByTimeAsync(249);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    // Changes while it runs: one more scan, after this one.
    void now();
    schedule();
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(250);
    expect(runs).toBe(2);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect([runs, most]).toEqual([2, 1]);
    vi.useRealTimers();
  });

  it('waits while the page is still drawing, but reads a page that never stops changing within a second', async () => {
    fakeTimers();
    const scan = vi.fn(async () => {});
    const { schedule } = scanScheduler(fakeCtx() as never, scan);
    // A list drawing its rows in bursts 150 ms apart: no read until the drawing is done.
    for (let i = 0; i < 4; i++) {
      schedule();
      await vi.advanceTimersByTimeAsync(150);
    }
    expect(scan).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(scan).toHaveBeenCalledTimes(1);
    // A countdown ticking every 100 ms, for ever: read 1 s after its first unread change, and again.
    for (let t = 0; t < 2500; t += 100) {
      schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(scan).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });

  it('stops once the extension is reloaded away', async () => {
    const ctx = fakeCtx();
    ctx.abort();
    const scan = vi.fn(async () => {});
    await scanScheduler(ctx as never, scan).now();
    expect(scan).not.toHaveBeenCalled();
  });
});

describe("the sidebar's place beside the page", () => {
  it("the page gives up the open sidebar's width, or the folded tab's; a narrow window is covered instead", () => {
    expect(pageMargin({ collapsed: false, width: 360 }, 1440)).toEqual({ narrow: false, reserved: 360 });
    expect(pageMargin({ collapsed: true, width: 360 }, 1440)).toEqual({ narrow: false, reserved: 34 });
    expect(pageMargin({ collapsed: false, width: 360 }, 1000)).toEqual({ narrow: true, reserved: 0 });
    expect(pageMargin({ collapsed: true, width: 360 }, 1000)).toEqual({ narrow: true, reserved: 34 });
  });
  it('a dragged width stays between 280 and 640 px', () => {
    expect([clampWidth(100), clampWidth(455.6), clampWidth(2000)]).toEqual([280, 456, 640]);
  });
});
