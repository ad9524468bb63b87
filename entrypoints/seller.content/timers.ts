/**
 * Timers and idle callbacks that clean up after themselves. WXT's `ctx.setTimeout` and
 * `ctx.requestIdleCallback` each add a listener to the context's abort signal that is never removed,
 * even once the callback ran: called on every read of a page that re-renders all day, they grew by
 * thousands. These forget each one once it ran or was cleared, and the context is listened to once.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  /** In the page's idle time, `timeout` ms at the latest (a timer where the browser has no idle callbacks). */
  requestIdleCallback: (fn: () => void, opts: { timeout: number }) => number;
}

export function contextTimers(ctx: Pick<ContentScriptContext, 'isInvalid' | 'onInvalidated'>): Timers {
  const timers = new Set<number>();
  const idles = new Set<number>();
  const idle = typeof requestIdleCallback === 'function';
  ctx.onInvalidated(() => {
    for (const id of timers) clearTimeout(id);
    for (const id of idles) cancelIdleCallback(id);
    timers.clear();
    idles.clear();
  });
  const later = (fn: () => void, ms: number) => {
    const id = setTimeout(() => {
      timers.delete(id);
      if (!ctx.isInvalid) fn();
    }, ms) as unknown as number;
    timers.add(id);
    return id;
  };
  return {
    setTimeout: later,
    clearTimeout(id) {
      clearTimeout(id);
      timers.delete(id);
    },
    requestIdleCallback(fn, opts) {
      if (!idle) return later(fn, opts.timeout);
      const id = requestIdleCallback(() => {
        idles.delete(id);
        if (!ctx.isInvalid) fn();
      }, opts);
      idles.add(id);
      return id;
    },
  };
}
