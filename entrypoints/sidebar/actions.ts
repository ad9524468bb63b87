/** What the sidebar's views can do: the layout and the reply box belong to the page's content script. */
export interface SidebarActions {
  toggle: (collapsed: boolean) => void;
  resize: (width: number) => void;
  /** A drag of the sidebar's edge began at this screen x (the page follows it). */
  resizeStart: (screenX: number) => void;
  resizeEnd: () => void;
  select: (disputeId: string | undefined) => void;
  /** Staff data, saved in the ledger. */
  staff: (
    key: string,
    patch: { note?: string; handled?: boolean; step?: { text: string; done: boolean } },
  ) => Promise<void>;
  /** 认领 (team sync): claim the case, or release the claim. */
  claim: (key: string, claim: boolean) => Promise<void>;
  /** Set aside the notes colleagues wrote at the same time as the note shown. */
  dismissNotes: (key: string) => Promise<void>;
  /** Put text at the cursor of the page's reply box; the message says what happened. */
  insert: (text: string) => Promise<{ ok: boolean; message: string }>;
}
