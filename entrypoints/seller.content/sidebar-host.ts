/**
 * The sidebar's host (top frame only): its frame on the page (sidebar-frame.ts), its layout (open or
 * folded to a tab, its width; remembered per host), the port the sidebar opens to us, what the
 * sidebar asks of the page (resize, fold, insert a reply), and showing it the page's readings.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../../lib/messaging/client';
import { TICKET_CHECK } from '../../lib/messaging/sidebar-gate';
import {
  parseToPage,
  SIDEBAR_PORT,
  SIDEBAR_WIDTH,
  type ToPage,
  type ToSidebar,
} from '../../lib/messaging/sidebar-port';
import { findReplyBoxes, insertIntoBox } from '../../lib/page/reply-box';
import type { PageReading } from '../../lib/shared/types';
import { followShortcut } from '../../lib/ui/settings';
import { mountSidebarFrame, TAB, type SidebarFrame, type SidebarLayout } from './sidebar-frame';

export const DEFAULT_WIDTH = SIDEBAR_WIDTH.initial;
const MIN_WIDTH = SIDEBAR_WIDTH.min;
const MAX_WIDTH = SIDEBAR_WIDTH.max;
/** Cases per message: each is serialised on the page's thread, and each part stored in one transaction. */
export const CASES_PER_MESSAGE = 500;

export const clampWidth = (w: number) => Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(w)));

/**
 * Keep the page's own buttons usable: the page gives up the sidebar's width (or the folded tab's)
 * instead of being covered; a narrow window keeps its width and the open sidebar covers it.
 */
export function pageMargin(layout: SidebarLayout, windowWidth: number): { narrow: boolean; reserved: number } {
  const narrow = windowWidth - layout.width < 720;
  return { narrow, reserved: layout.collapsed ? TAB.width : narrow ? 0 : layout.width };
}

export interface SidebarHost {
  readonly connected: boolean;
  /** Load the sidebar page into its frame: after the page's list has been read (see SidebarFrame.load). */
  load: () => void;
  post: (m: ToSidebar) => void;
  /** A new reading's number; its parts share it. */
  nextSeq: () => number;
  /**
   * Show a reading, in parts: each message is serialised on the page's thread, so a sale-day list
   * goes in several, the page getting its thread back while `wait` awaits each answer. Through the
   * background, which fills the cases from the page's data responses; straight to the sidebar only
   * when no sidebar listens there (its worker had just restarted, say).
   */
  show: (reading: PageReading, readAt: number, wait?: <T>(p: Promise<T>) => Promise<T | undefined>) => Promise<void>;
  /** Whether the ledger kept the last reading (told now, and to a sidebar that connects later). */
  saved: (error?: string) => void;
  /** Open the sidebar on a case (its row badge was clicked). */
  select: (disputeId: string) => void;
}

export interface HostDeps {
  /** This document's name in messages to the background. */
  doc: string;
  /** A sidebar connected: it wants the current reading. */
  onConnect: () => void;
  /** The background answered `reading/show` from this worker life. */
  onEpoch: (epoch: string | undefined) => void;
}

const stateKey = () => `sidebar:${location.host}`;

/** The sidebar's layout on the page: applied to its frame and the page's margin, told to the sidebar, remembered. */
function layoutOf(frame: SidebarFrame, initial: SidebarLayout, post: (m: ToSidebar) => void) {
  const layout = { ...initial };
  const root = document.documentElement;
  const previousMargin = root.style.marginRight;
  let endDrag: (() => void) | undefined;
  const apply = () => {
    const { narrow, reserved } = pageMargin(layout, window.innerWidth);
    frame.place(layout, narrow);
    root.style.marginRight = reserved ? `${reserved}px` : previousMargin;
    post({ type: 'layout', collapsed: layout.collapsed, width: layout.width });
  };
  const set = (patch: Partial<SidebarLayout>) => {
    // Staff opened, folded or resized it (or a badge was clicked): it must be there now.
    frame.load();
    Object.assign(layout, patch);
    apply();
    void browser.storage.local.set({ [stateKey()]: { collapsed: layout.collapsed, width: layout.width } });
  };
  return {
    layout,
    apply,
    set,
    /** Follow a drag of the edge on the page; saved once the button is released. */
    startDrag(x0: number) {
      const w0 = layout.width;
      endDrag?.();
      endDrag = frame.drag(
        (x) => {
          layout.width = clampWidth(w0 + (x0 - x));
          apply();
        },
        () => {
          endDrag = undefined;
          set({});
        },
      );
    },
    endDrag: () => endDrag?.(),
    /** Give the page its margin back. */
    restore: () => (root.style.marginRight = previousMargin),
  };
}

/** The layout this host was left with (folded in a narrow window the first time). */
async function savedLayout(): Promise<SidebarLayout> {
  const layout: SidebarLayout = { collapsed: window.innerWidth < 1000, width: DEFAULT_WIDTH };
  const state = (await browser.storage.local.get(stateKey()))[stateKey()] as
    { collapsed?: boolean; width?: number } | undefined;
  if (state) Object.assign(layout, { collapsed: !!state.collapsed, width: clampWidth(state.width ?? DEFAULT_WIDTH) });
  return layout;
}

/** A reading to the sidebar in parts (see SidebarHost.show). */
export async function showInParts(
  { doc, onEpoch }: HostDeps,
  post: (m: ToSidebar) => void,
  seq: number,
  reading: PageReading,
  readAt: number,
  wait: <T>(p: Promise<T>) => Promise<T | undefined>,
): Promise<void> {
  const { cases, ...rest } = reading;
  for (let i = 0; i === 0 || i < cases.length; i += CASES_PER_MESSAGE) {
    const last = i + CASES_PER_MESSAGE >= cases.length;
    const part = { ...rest, cases: cases.slice(i, i + CASES_PER_MESSAGE) };
    const reply = await wait(send({ type: 'reading/show', doc, seq, last, readAt, reading: part })).catch(
      () => undefined,
    );
    onEpoch(reply?.epoch);
    if (!reply?.shown) post({ type: 'reading', reading: part, readAt, seq, last });
  }
}

/** The background asks whether a frame claiming to be our sidebar holds the ticket we gave it (sidebar-gate.ts). */
function answerTicketChecks(ctx: ContentScriptContext, ticket: string): void {
  browser.runtime.onMessage.addListener((input: unknown, _sender, sendResponse: (answer: boolean) => void) => {
    const m = input as { type?: unknown; ticket?: unknown } | null;
    if (m?.type !== TICKET_CHECK || ctx.isInvalid) return undefined;
    sendResponse(m.ticket === ticket);
    return undefined;
  });
}

export async function mountSidebarHost(ctx: ContentScriptContext, deps: HostDeps): Promise<SidebarHost | undefined> {
  const initial = await savedLayout();
  if (ctx.isInvalid) return undefined;
  const frame: SidebarFrame = mountSidebarFrame(document);
  let port: Browser.runtime.Port | undefined;
  let saved: ToSidebar = { type: 'saved' };
  let seq = 0;
  let lastFocusedBox: Element | null = null;
  const post = (m: ToSidebar) => port?.postMessage(m);
  const layout = layoutOf(frame, initial, post);

  const onSidebar = (input: unknown) => {
    const m: ToPage | undefined = parseToPage(input);
    if (!m) return;
    switch (m.type) {
      case 'toggle':
        return layout.set({ collapsed: m.collapsed });
      case 'resize':
        return layout.set({ width: clampWidth(m.width) });
      case 'resize-end':
        return layout.endDrag();
      case 'resize-start':
        return layout.startDrag(m.screenX);
      case 'insert': {
        const [box] = findReplyBoxes(document, lastFocusedBox);
        return post({
          type: 'inserted',
          requestId: m.requestId,
          found: !!box,
          ok: !!box && insertIntoBox(box, m.text).ok,
        });
      }
    }
  };

  layout.apply();
  ctx.addEventListener(window, 'resize', layout.apply);
  ctx.addEventListener(document, 'focusin', (e: FocusEvent) => {
    const t = e.target as Element | null;
    if (t && (t.tagName === 'TEXTAREA' || (t as HTMLElement).isContentEditable)) lastFocusedBox = t;
  });
  // Only the extension's own pages can open a port to a content script (tabs.connect).
  browser.runtime.onConnect.addListener((p) => {
    if (p.name !== SIDEBAR_PORT || p.sender?.id !== browser.runtime.id || ctx.isInvalid) return;
    port?.disconnect();
    port = p;
    p.onMessage.addListener(onSidebar);
    p.onDisconnect.addListener(() => {
      if (port === p) port = undefined;
    });
    post({ type: 'layout', collapsed: layout.layout.collapsed, width: layout.layout.width });
    post(saved);
    deps.onConnect();
  });
  answerTicketChecks(ctx, frame.ticket);
  // The page's shortcut takes the keyboard into the sidebar; pressed again there, the sidebar folds it.
  const openWithFocus = (m: ToSidebar) => {
    layout.set({ collapsed: false });
    // The frame takes the focus, then the sidebar puts it on its title or in the case it opens.
    frame.focus();
    post(m);
  };
  ctx.onInvalidated(followShortcut(window, () => openWithFocus({ type: 'focus' })));
  ctx.onInvalidated(() => {
    frame.remove();
    layout.restore();
  });

  return {
    get connected() {
      return !!port;
    },
    load: () => frame.load(),
    post,
    nextSeq: () => ++seq,
    async show(reading, readAt, wait = (p) => p) {
      if (port) await showInParts(deps, post, ++seq, reading, readAt, wait);
    },
    saved(error) {
      saved = error ? { type: 'saved', error } : { type: 'saved' };
      post(saved);
    },
    select: (disputeId) => openWithFocus({ type: 'select', disputeId }),
  };
}
