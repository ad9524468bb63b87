/**
 * The port between a tab's top-frame content script and the sidebar, an extension page framed in
 * that tab. The sidebar opens it with tabs.connect, which a web page cannot do; each side still
 * checks the shape of what it receives and drops anything else.
 */
import type { PageReading } from '../shared/types';
import type { DataNote } from '../page/calibration';

export const SIDEBAR_PORT = 'aftersales-radar:sidebar';

/** The open sidebar's width in px: what the page keeps it to, and what its resize handle announces. */
export const SIDEBAR_WIDTH = { min: 280, max: 640, initial: 360 } as const;

/**
 * The port a sidebar opens to the background (runtime.connect): the background passes the readings
 * of the tab the sidebar is framed in on to it as they reach the ledger, so the page sends them once.
 */
export const SIDEBAR_READINGS_PORT = 'aftersales-radar:sidebar-readings';

/** Content script → sidebar. */
export type ToSidebar =
  /**
   * What the page shows now (or its embedded list's frame), and when it was read. A long list comes
   * in parts with the same `seq`, each with some of the cases; `last` marks the one that completes it.
   */
  | {
      type: 'reading';
      reading: PageReading;
      readAt: number;
      seq: number;
      last: boolean;
      /** From the background: what it ignored or switched off of the tab's data responses (the sidebar's diagnostics). */
      dataNotes?: DataNote[];
    }
  | { type: 'layout'; collapsed: boolean; width: number }
  /** A row badge was clicked (or pressed): open that case, the keyboard focus in it. */
  | { type: 'select'; disputeId: string }
  /** The page's shortcut gave the sidebar's frame the keyboard focus: put it on the sidebar's title. */
  | { type: 'focus' }
  /** The ledger took the latest reading (error: it did not, in words for staff). */
  | { type: 'saved'; error?: string }
  /** The answer to an insert request: `found` whether the page has a reply box, `ok` whether it took the text. */
  | { type: 'inserted'; requestId: number; found: boolean; ok: boolean };

/** Sidebar → content script. */
export type ToPage =
  | { type: 'toggle'; collapsed: boolean }
  | { type: 'resize'; width: number }
  /** The sidebar's edge was pressed at this screen x: the page follows the drag from here. */
  | { type: 'resize-start'; screenX: number }
  /** The button was released over the sidebar: the page stops following. */
  | { type: 'resize-end' }
  /** Put text at the cursor of the page's reply box (never sends it). */
  | { type: 'insert'; requestId: number; text: string };

const obj = (m: unknown): Record<string, unknown> | undefined =>
  m && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, unknown>) : undefined;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseToPage(m: unknown): ToPage | undefined {
  const o = obj(m);
  switch (o?.type) {
    case 'toggle':
      return typeof o.collapsed === 'boolean' ? { type: 'toggle', collapsed: o.collapsed } : undefined;
    case 'resize':
      return num(o.width) ? { type: 'resize', width: o.width } : undefined;
    case 'resize-start':
      return num(o.screenX) ? { type: 'resize-start', screenX: o.screenX } : undefined;
    case 'resize-end':
      return { type: 'resize-end' };
    case 'insert':
      return num(o.requestId) && typeof o.text === 'string' && o.text.length <= 5000
        ? { type: 'insert', requestId: o.requestId, text: o.text }
        : undefined;
    default:
      return undefined;
  }
}

export function parseToSidebar(m: unknown): ToSidebar | undefined {
  const o = obj(m);
  switch (o?.type) {
    case 'reading': {
      const r = obj(o.reading);
      return r &&
        typeof r.page === 'string' &&
        Array.isArray(r.cases) &&
        Array.isArray(r.missing) &&
        num(o.readAt) &&
        num(o.seq) &&
        typeof o.last === 'boolean'
        ? (o as ToSidebar)
        : undefined;
    }
    case 'layout':
      return typeof o.collapsed === 'boolean' && num(o.width)
        ? { type: 'layout', collapsed: o.collapsed, width: o.width }
        : undefined;
    case 'select':
      return typeof o.disputeId === 'string' ? { type: 'select', disputeId: o.disputeId } : undefined;
    case 'focus':
      return { type: 'focus' };
    case 'saved':
      return { type: 'saved', ...(typeof o.error === 'string' ? { error: o.error } : {}) };
    case 'inserted':
      return num(o.requestId) && typeof o.found === 'boolean' && typeof o.ok === 'boolean'
        ? { type: 'inserted', requestId: o.requestId, found: o.found, ok: o.ok }
        : undefined;
    default:
      return undefined;
  }
}
