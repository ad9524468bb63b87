/**
 * The sidebar's place on the page: the extension's sidebar page in a frame at the right edge,
 * inside a closed shadow root so the page's styles cannot reach the frame and its scripts cannot
 * reach the sidebar's contents (the ledger's notes and timelines stay out of the page's reach).
 */
import { own } from './ours';
import { browser } from 'wxt/browser';
import { newTicket } from '../../lib/messaging/sidebar-gate';

export const HOST_TAG = 'aftersales-radar';

export interface SidebarLayout {
  collapsed: boolean;
  width: number;
}

/** The collapsed sidebar's tab (售后雷达 and the case count, written top to bottom; English fits too). */
export const TAB = { width: 34, height: 170 };

const CSS = `
:host { all: initial; }
iframe { all: initial; position: fixed; right: 0; z-index: 2147483000; border: 0; display: block; color-scheme: light; }
iframe.open { top: 0; height: 100vh; box-shadow: -4px 0 16px rgba(0, 0, 0, .08); }
iframe.closed { top: 40vh; }
.drag { position: fixed; inset: 0; z-index: 2147483001; cursor: ew-resize; }
`;

export interface SidebarFrame {
  /**
   * Load the sidebar page into its frame (once; later calls do nothing). Until then the host only
   * holds the sidebar's place: the frame is another process to start, and the page's own rows
   * come first.
   */
  load(): void;
  place(layout: SidebarLayout, narrow: boolean): void;
  /**
   * Follow a drag of the sidebar's edge that began inside the frame: a frame stops receiving the
   * pointer once it leaves, so a page-wide layer takes the moves until the button is released.
   */
  drag(onMove: (screenX: number) => void, onEnd: () => void): () => void;
  /** Give the frame the keyboard focus (the sidebar then places it inside). */
  focus(): void;
  remove(): void;
  /** The secret in the frame's address that the background asks us to confirm (sidebar-gate.ts). */
  readonly ticket: string;
}

export function mountSidebarFrame(doc: Document): SidebarFrame {
  const host = own(doc.createElement(HOST_TAG));
  const root = host.attachShadow({ mode: 'closed' });
  // A constructed sheet, not a <style>: a page's style-src policy does not apply to it.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  const frame = doc.createElement('iframe');
  frame.title = '售后雷达 AfterSales Radar';
  // Copying a reply when the page has no reply box happens in the sidebar.
  frame.allow = 'clipboard-write';
  // The page's host, for what staff teach about this site's labels; the ticket, which the frame shows
  // the background to be answered as this tab's sidebar (a frame some other page made has none).
  const ticket = newTicket();
  const hash = new URLSearchParams({ host: location.host, ticket }).toString();
  const src = `${browser.runtime.getURL('/sidebar.html')}#${hash}`;
  doc.body.append(host);
  return {
    load() {
      if (frame.isConnected) return;
      frame.src = src;
      root.append(frame);
    },
    place({ collapsed, width }, narrow) {
      frame.className = collapsed ? 'closed' : 'open';
      const w = collapsed ? TAB.width : narrow ? Math.min(width, Math.round(doc.defaultView!.innerWidth * 0.9)) : width;
      frame.style.setProperty('width', `${w}px`);
      if (collapsed) frame.style.setProperty('height', `${TAB.height}px`);
      else frame.style.removeProperty('height');
    },
    drag(onMove, onEnd) {
      const layer = doc.createElement('div');
      layer.className = 'drag';
      const end = () => {
        if (!layer.isConnected) return;
        layer.remove();
        onEnd();
      };
      layer.addEventListener('pointermove', (e) => (e.buttons & 1 ? onMove(e.screenX) : end()));
      layer.addEventListener('pointerup', end);
      root.append(layer);
      return end;
    },
    focus: () => frame.focus(),
    remove: () => host.remove(),
    ticket,
  };
}
