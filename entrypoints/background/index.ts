import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDb } from '../../lib/storage/db';
import { handleMessage } from './handlers';
import { PageData } from './page-data';
import type { Message } from '../../lib/messaging/protocol';
import { SIDEBAR_READINGS_PORT, type ToSidebar } from '../../lib/messaging/sidebar-port';
import { TAUGHT_VERSION_KEY } from '../../lib/storage/keys';
import { installAlerts, openCase, sweep } from './alerts';
import { installTeamSync } from './team';

export default defineBackground({
  type: 'module',
  main() {
    const db = createDb();
    const alerts = installAlerts(db);
    const team = installTeamSync(db, alerts.schedule);
    // Each open sidebar's port, by the tab it is framed in (as the browser says, not the sidebar):
    // readings reach it from here, as they reach the ledger.
    const sidebars = new Map<number, Browser.runtime.Port>();
    browser.runtime.onConnect.addListener((port) => {
      const tabId = port.sender?.tab?.id;
      if (port.name !== SIDEBAR_READINGS_PORT || port.sender?.id !== browser.runtime.id || tabId === undefined) return;
      sidebars.set(tabId, port);
      port.onDisconnect.addListener(() => {
        if (sidebars.get(tabId) === port) sidebars.delete(tabId);
      });
    });
    // The pages' data responses, kept here by the frame they came to (see page-data.ts).
    const data = new PageData();
    browser.tabs.onRemoved.addListener((tabId) => data.dropTab(tabId));
    const hooks = {
      data,
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
      return handleMessage(db, message, { tabId: sender.tab?.id, frameId: sender.frameId }, hooks);
    });
  },
});
