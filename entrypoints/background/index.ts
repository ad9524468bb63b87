import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDb } from '../../lib/storage/db';
import { handleMessage } from '../../lib/messaging/handlers';
import type { Message } from '../../lib/messaging/protocol';
import { installAlerts, openCase, sweep } from './alerts';

export default defineBackground({
  type: 'module',
  main() {
    const db = createDb();
    const alerts = installAlerts(db);
    const hooks = {
      relayToTop: async (tabId: number, message: Message) => {
        await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
      },
      afterWrite: alerts.schedule,
      sweep: () => sweep(db),
      openCase: (key: string) => openCase(db, key),
    };
    // The polyfill sends whatever the returned promise resolves to.
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      return handleMessage(db, message, { tabId: sender.tab?.id, frameId: sender.frameId }, hooks);
    });
  },
});
