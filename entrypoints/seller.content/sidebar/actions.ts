/** What the sidebar asks the content script to do (it owns the page and the messaging). */
export interface SidebarActions {
  toggle: (collapsed: boolean) => void;
  resize: (width: number) => void;
  select: (disputeId: string | undefined) => void;
  /** Staff data, saved in the ledger. */
  staff: (key: string, patch: { note?: string; handled?: boolean; step?: { text: string; done: boolean } }) => Promise<void>;
  /** Put text at the cursor of the page's reply box; the message says what happened. */
  insert: (text: string) => Promise<{ ok: boolean; message: string }>;
}
