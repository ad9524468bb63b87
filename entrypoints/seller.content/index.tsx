import './sidebar/style.css';
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { SELLER_HOST_PATTERNS } from '../../lib/page/hosts';
import { readPage } from '../../lib/page/read';
import { toChinaIso } from '../../lib/shared/china-time';
import type { PageReading } from '../../lib/shared/types';
import { send } from '../../lib/messaging/client';
import { App } from './sidebar/App';
import { createStore } from './sidebar/store';

const HOST_TAG = 'aftersales-radar';
const SIDEBAR_WIDTH = 340;

/** What makes two readings the same for the ledger (countdown instants move with the clock). */
function fingerprint(r: PageReading): string {
  return r.page + '|' + r.cases.map((c) => `${c.disputeId}:${c.status}:${c.statusText ?? ''}:${c.pageDeadline?.text ?? ''}`).join(',');
}

export default defineContentScript({
  matches: [...SELLER_HOST_PATTERNS],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const store = createStore({ reading: undefined, readAt: 0, collapsed: false, saveError: undefined });
    const root = document.documentElement;
    const previousMargin = root.style.marginRight;
    // Keep the page's own buttons usable: the page gives up the sidebar's width instead of being covered.
    const applyLayout = (collapsed: boolean) => {
      root.style.marginRight = collapsed ? previousMargin : `${SIDEBAR_WIDTH}px`;
    };

    const ui = await createShadowRootUi(ctx, {
      name: HOST_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const onToggle = (collapsed: boolean) => {
          store.set({ collapsed });
          applyLayout(collapsed);
        };
        render(<App store={store} onToggle={onToggle} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
        root.style.marginRight = previousMargin;
      },
    });
    ui.mount();
    applyLayout(false);

    let lastSent = '';
    const isOurs = (el: Element) => el.tagName.toLowerCase() === HOST_TAG;

    const scan = () => {
      if (ctx.isInvalid) return;
      const now = Date.now();
      const reading = readPage(document, { url: location.href, now, skip: isOurs });
      store.set({ reading, readAt: now });
      const fp = fingerprint(reading);
      if (!reading.cases.length || fp === lastSent) return;
      lastSent = fp;
      send({ type: 'cases/seen', source: { page: reading.page, url: location.href, readAt: toChinaIso(now) }, cases: reading.cases })
        .then(() => store.get().saveError && store.set({ saveError: undefined }))
        .catch((e: unknown) => {
          lastSent = '';
          if (!ctx.isInvalid) store.set({ saveError: e instanceof Error ? e.message : String(e) });
        });
    };

    // The page renders late and re-renders often: read once it settles, not on every mutation.
    let timer: number | undefined;
    const schedule = () => {
      if (timer !== undefined) return;
      timer = ctx.setTimeout(() => {
        timer = undefined;
        scan();
      }, 200);
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target instanceof Element ? r.target : r.target.parentElement;
        if (target && target.closest(HOST_TAG)) continue;
        if (r.type === 'childList' && [...r.addedNodes].every((n) => n instanceof Element && isOurs(n))) continue;
        schedule();
        return;
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.addEventListener(window, 'wxt:locationchange', schedule);
    scan();
  },
});
