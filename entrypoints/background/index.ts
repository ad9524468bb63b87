import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDb } from '../../lib/storage/db';
import { handleMessage } from './handlers';
import { PageData } from './page-data';
import { TabShops } from '../../lib/messaging/tab-shops';
import type { PageShop } from '../../lib/shared/types';
import type { Message, Reply } from '../../lib/messaging/protocol';
import { SIDEBAR_PORT, SIDEBAR_READINGS_PORT, type ToSidebar } from '../../lib/messaging/sidebar-port';
import {
  createSidebarGate,
  SIDEBAR_HELLO,
  SIDEBAR_RELAY_PORT,
  TICKET_CHECK,
  ticketOfPort,
} from '../../lib/messaging/sidebar-gate';
import { TAUGHT_VERSION_KEY, WELCOMED_KEY } from '../../lib/storage/keys';
import { installAlerts, openCase, sweep } from './alerts';
import { installTeamSync } from './team';

export default defineBackground({
  type: 'module',
  main() {
    const db = createDb();
    // A fresh install opens the welcome page once (what it does and never does, the shop's basics, where to start).
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') void welcomeOnce();
    });
    const alerts = installAlerts(db);
    const team = installTeamSync(db, alerts.schedule);
    // A framed page is answered only as the sidebar of a seller page's tab (sidebar-gate.ts).
    const gate = createSidebarGate(browser.runtime.getURL('/').replace(/\/$/, ''), async (tabId, ticket) => {
      const answer: unknown = await browser.tabs.sendMessage(tabId, { type: TICKET_CHECK, ticket }, { frameId: 0 });
      return answer === true;
    });
    browser.tabs.onRemoved.addListener((tabId) => gate.dropTab(tabId));
    // Each open sidebar's port, by the tab it is framed in (as the browser says, not the sidebar):
    // readings reach it from here, as they reach the ledger.
    const sidebars = new Map<number, Browser.runtime.Port>();
    browser.runtime.onConnect.addListener((port) => {
      if (port.sender?.id !== browser.runtime.id) return;
      const readings = ticketOfPort(port.name, SIDEBAR_READINGS_PORT);
      const relay = ticketOfPort(port.name, SIDEBAR_RELAY_PORT);
      if (!readings && !relay) return;
      const early = relay ? bufferPort(port) : undefined;
      void gate.admit(port.sender, readings ?? relay).then((tabId) => {
        if (tabId === undefined) return port.disconnect();
        if (early) return early(browser.tabs.connect(tabId, { name: SIDEBAR_PORT, frameId: 0 }));
        sidebars.set(tabId, port);
        port.onDisconnect.addListener(() => {
          if (sidebars.get(tabId) === port) sidebars.delete(tabId);
        });
      });
    });
    // The pages' data responses, kept here by the frame they came to (see page-data.ts).
    const data = new PageData();
    // The shop each tab's pages last named, kept for the browser session (a restarted worker still knows).
    const TAB_SHOPS_KEY = 'tabShops';
    const tabShops = new TabShops({
      load: async () => (await browser.storage.session.get(TAB_SHOPS_KEY))[TAB_SHOPS_KEY] as Record<string, PageShop>,
      save: (byTab) => browser.storage.session.set({ [TAB_SHOPS_KEY]: byTab }),
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      data.dropTab(tabId);
      void tabShops.drop(tabId);
    });
    const hooks = {
      data,
      tabShops,
      relayToTop: async (tabId: number, message: Message) => {
        await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
      },
      showInSidebar: (tabId: number, message: ToSidebar) => {
        const port = sidebars.get(tabId);
        if (!port) return false;
        try {
          port.postMessage(message);
          return true;
        } catch {
          sidebars.delete(tabId);
          return false;
        }
      },
      afterWrite: alerts.schedule,
      // Open seller tabs read their page again with what staff taught (content scripts watch this key).
      afterTaught: () => void browser.storage.local.set({ [TAUGHT_VERSION_KEY]: Date.now() }),
      sweep: () => sweep(db),
      openCase: (key: string) => openCase(db, key),
      teamStaff: team.staff,
      afterSeen: team.afterSeen,
      teamRun: team.run,
    };
    // The polyfill sends whatever the returned promise resolves to.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the polyfill answers with what the promise resolves to
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      if (!gate.isFramed(sender))
        return handleMessage(db, message, { tabId: sender.tab?.id, frameId: sender.frameId }, hooks);
      const m = message as { type?: unknown; ticket?: unknown } | null;
      return gate.admit(sender, m?.ticket).then((tabId): Promise<Reply> | Reply => {
        if (tabId === undefined)
          return { ok: false, error: '侧栏只在本标签页的卖家后台页面中工作 / not a seller page sidebar' };
        if (m?.type === SIDEBAR_HELLO) return { ok: true, value: { tabId } };
        return handleMessage(db, message, { tabId, frameId: sender.frameId }, hooks);
      });
    });
  },
});

/**
 * The sidebar's side of a relay (where the sidebar cannot open a port to its tab's content script
 * itself: Firefox gives a framed extension page no `tabs`): what it sends before the tab's port
 * is open waits, then both ports are piped to each other and closed together.
 */
function bufferPort(sidebar: Browser.runtime.Port): (page: Browser.runtime.Port) => void {
  const waiting: unknown[] = [];
  let page: Browser.runtime.Port | undefined;
  let closed = false;
  sidebar.onMessage.addListener((m: unknown) => (page ? page.postMessage(m) : waiting.push(m)));
  sidebar.onDisconnect.addListener(() => {
    closed = true;
    page?.disconnect();
  });
  return (opened) => {
    if (closed) return opened.disconnect();
    page = opened;
    opened.onMessage.addListener((m: unknown) => sidebar.postMessage(m));
    opened.onDisconnect.addListener(() => sidebar.disconnect());
    for (const m of waiting.splice(0)) opened.postMessage(m);
  };
}

/** Opens the welcome page unless this profile has shown it already. */
async function welcomeOnce(): Promise<void> {
  if ((await browser.storage.local.get(WELCOMED_KEY))[WELCOMED_KEY]) return;
  await browser.storage.local.set({ [WELCOMED_KEY]: true });
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
