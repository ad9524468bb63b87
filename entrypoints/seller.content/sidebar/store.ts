/** The sidebar's state: the latest page reading and the sidebar's own UI state. */
import type { PageReading } from '../../../lib/shared/types';

export interface SidebarState {
  reading: PageReading | undefined;
  /** What a seller-page iframe in this tab read (the /tp/ shell renders its list in one). */
  frameReading: PageReading | undefined;
  readAt: number;
  collapsed: boolean;
  /** Whether the last hand-off to the ledger worked; shown when it did not. */
  saveError: string | undefined;
}

type Listener = (s: SidebarState) => void;

export function createStore(initial: SidebarState) {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch: Partial<SidebarState>) {
      state = { ...state, ...patch };
      for (const l of listeners) l(state);
    },
    subscribe(l: Listener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export type SidebarStore = ReturnType<typeof createStore>;

/** The reading to show: the page's own, unless its cases are in an embedded frame. */
export function shownReading(s: SidebarState): PageReading | undefined {
  if (s.frameReading && (!s.reading || s.reading.cases.length === 0)) return s.frameReading;
  return s.reading;
}
