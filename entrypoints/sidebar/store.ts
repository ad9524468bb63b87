/** The sidebar's state: the latest page reading, what the ledger knows, and the sidebar's own UI state. */
import type { Assessment } from '../../lib/engine/assess';
import type { ShopPolicy } from '../../lib/engine/policy';
import type { ReplyTemplate } from '../../lib/replies/model';
import type { CaseEvent, CaseRecord } from '../../lib/storage/db';
import type { PageReading } from '../../lib/shared/types';
import type { Lang } from '../../lib/ui/i18n';
import type { DataNote } from '../../lib/page/calibration';
import type { SyncStatus } from '../../lib/sync/replicator';

export interface SidebarState {
  /** What the page shows (or the frame that holds its list), as the content script read it. */
  reading: PageReading | undefined;
  readAt: number;
  /** The engine's judgement of each case shown, by dispute id. */
  assessments: Map<string, Assessment>;
  policy: ShopPolicy;
  templates: readonly ReplyTemplate[];
  /** The case opened from the list (a detail page shows its own case). */
  selected: string | undefined;
  /** The selected case as the ledger has it: staff data and timeline. */
  ledger: { record: CaseRecord; events: CaseEvent[] } | undefined;
  collapsed: boolean;
  width: number;
  lang: Lang;
  /** Whether the last hand-off to the ledger worked; shown when it did not. */
  saveError: string | undefined;
  /** The background's diagnostics of the page's data responses (DataNotes.tsx). */
  dataNotes?: readonly DataNote[];
  /** Team sync, when it is on: its last status (the header's mark). */
  team?: { status: SyncStatus | undefined; name: string };
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
