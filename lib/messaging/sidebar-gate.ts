/**
 * Who may be answered as the sidebar. The sidebar page is web-accessible so the content script can
 * frame it, and in Firefox's MV2 any site can frame it too (Chrome's MV3 limits that to the seller
 * hosts, but not a third-party frame nested inside a seller page). So the background answers a
 * framed extension page only when:
 * - it is the sidebar page, framed (not a top-level extension page);
 * - the tab it is framed in shows a seller page (the browser reports the tab's address only for
 *   hosts we hold permission for, so any other site fails here);
 * - it carries the ticket the top frame's content script put in its address (`#…&ticket=`), which
 *   that content script confirms: only the frame our content script created knows it (the frame
 *   sits in a closed shadow root, and another origin cannot read a frame's address).
 * Free of browser APIs: asking the content script is passed in.
 */
import { isSellerHost } from '../page/hosts';

/** The content script's answer to "is this your sidebar's ticket?" (tabs.sendMessage to frame 0). */
export const TICKET_CHECK = 'aftersales-radar:sidebar-ticket';
/** The sidebar's first message to the background: its ticket; the answer is the tab it serves. */
export const SIDEBAR_HELLO = 'sidebar/hello';
/** The port a sidebar opens where it cannot reach its tab's content script itself (Firefox): the background relays. */
export const SIDEBAR_RELAY_PORT = 'aftersales-radar:sidebar-relay';

const TICKET = /^[0-9a-f-]{36}$/;

export function newTicket(): string {
  return crypto.randomUUID();
}

/** The ticket in the sidebar's own address (`#host=…&ticket=…`), if any. */
export function ticketFromHash(hash: string): string | undefined {
  const t = new URLSearchParams(hash.replace(/^#/, '')).get('ticket') ?? '';
  return TICKET.test(t) ? t : undefined;
}

/** A port name carrying the ticket (`name:ticket`), and back. */
export const portName = (name: string, ticket: string) => `${name}:${ticket}`;
export function ticketOfPort(portName: string, name: string): string | undefined {
  if (!portName.startsWith(`${name}:`)) return undefined;
  const t = portName.slice(name.length + 1);
  return TICKET.test(t) ? t : undefined;
}

/** What the browser says about a message's or port's sender (runtime.MessageSender's parts we use). */
export interface GateSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** A seller page's address: https on one of the seller hosts. */
export function isSellerPageUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && isSellerHost(u.hostname);
  } catch {
    return false;
  }
}

export interface SidebarGate {
  /** Whether the sender is one of our pages framed inside a tab (only the sidebar can be). */
  isFramed(sender: GateSender): boolean;
  /** The tab a framed sender serves, if it is our sidebar, framed in a seller page, holding its tab's ticket. */
  admit(sender: GateSender, ticket: unknown): Promise<number | undefined>;
  /** Forget a closed tab's admitted frames. */
  dropTab(tabId: number): void;
}

/**
 * @param extensionOrigin e.g. `chrome-extension://<id>` (no trailing slash)
 * @param askTop asks the tab's top-frame content script whether the ticket is its sidebar's
 */
export function createSidebarGate(
  extensionOrigin: string,
  askTop: (tabId: number, ticket: string) => Promise<boolean>,
): SidebarGate {
  const sidebarPage = `${extensionOrigin}/sidebar.html`;
  /** `tabId:frameId` → the ticket its content script confirmed. */
  const admitted = new Map<string, string>();
  const isOurs = (url: string | undefined) =>
    !!url && (url === extensionOrigin || url.startsWith(`${extensionOrigin}/`));
  return {
    isFramed: (s) => isOurs(s.url) && !!s.tab && (s.frameId ?? 0) !== 0,
    async admit(s, ticket) {
      const tabId = s.tab?.id;
      if (tabId === undefined || !s.frameId || typeof ticket !== 'string' || !TICKET.test(ticket)) return undefined;
      const url = s.url ?? '';
      if (url !== sidebarPage && !url.startsWith(`${sidebarPage}#`) && !url.startsWith(`${sidebarPage}?`))
        return undefined;
      if (!isSellerPageUrl(s.tab?.url)) return undefined;
      const key = `${tabId}:${s.frameId}`;
      if (admitted.get(key) === ticket) return tabId;
      const ok = await askTop(tabId, ticket).catch(() => false);
      if (!ok) return undefined;
      admitted.set(key, ticket);
      return tabId;
    },
    dropTab(tabId) {
      for (const key of admitted.keys()) if (key.startsWith(`${tabId}:`)) admitted.delete(key);
    },
  };
}
