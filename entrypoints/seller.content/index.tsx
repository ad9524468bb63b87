import './sidebar/style.css';
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { SELLER_HOST_PATTERNS } from '../../lib/page/hosts';
import { readPage } from '../../lib/page/read';
import { toChinaIso } from '../../lib/shared/china-time';
import type { CaseSnapshot, PageReading } from '../../lib/shared/types';
import { mergeDataIntoCases, snapshotsFromResponse } from '../../lib/page/mtop';
import { MTOP_MESSAGE_TAG, MTOP_REPLAY_TAG } from '../../lib/page/mtop-api';
import { detectPlatform } from '../../lib/page/detect';
import { send } from '../../lib/messaging/client';
import { parseMessage } from '../../lib/messaging/protocol';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { App } from './sidebar/App';
import { createStore, type SidebarStore } from './sidebar/store';

const HOST_TAG = 'aftersales-radar';
const SIDEBAR_WIDTH = 340;
const READ_MEASURE = 'aftersales-radar:read';

/** What makes two readings the same for the ledger (countdown instants move with the clock). */
function fingerprint(r: PageReading): string {
  return r.page + '|' + r.cases.map((c) => `${c.disputeId}:${c.status}:${c.statusText ?? ''}:${c.pageDeadline?.text ?? ''}:${c.fromData?.length ?? 0}`).join(',');
}

export default defineContentScript({
  matches: [...SELLER_HOST_PATTERNS],
  runAt: 'document_idle',
  // Some shops' /tp/ shell renders the list in an iframe: read it there, show it in the top frame.
  allFrames: true,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const isTop = window.top === window;
    const store = createStore({ reading: undefined, frameReading: undefined, readAt: 0, collapsed: false, saveError: undefined });
    const isOurs = (el: Element) => el.tagName.toLowerCase() === HOST_TAG;

    if (isTop) {
      await mountSidebar(ctx, store);
      browser.runtime.onMessage.addListener((input: unknown) => {
        const parsed = parseMessage(input);
        if (parsed.ok && parsed.message.type === 'frame/reading') store.set({ frameReading: parsed.message.reading as PageReading });
        return undefined;
      });
    }

    // Copies of the page's own data responses, from the main-world observer, by dispute id.
    const dataCases = new Map<string, Partial<CaseSnapshot>>();
    ctx.addEventListener(window, 'message', (e: MessageEvent) => {
      // Same origin only (e.source is another world's window object here); the body is validated field by field.
      if (e.origin !== location.origin) return;
      const msg = e.data as { tag?: unknown; body?: unknown } | null;
      if (!msg || msg.tag !== MTOP_MESSAGE_TAG) return;
      const platform = store.get().reading?.platform ?? detectPlatform(location.href, document.title);
      for (const d of snapshotsFromResponse(msg.body, platform, Date.now())) dataCases.set(d.disputeId, d);
      schedule();
    });
    window.postMessage({ tag: MTOP_REPLAY_TAG }, location.origin);

    let lastSent = '';
    const scan = () => {
      if (ctx.isInvalid) return;
      const now = Date.now();
      const started = performance.now();
      const reading = readPage(document, { url: location.href, now, skip: isOurs });
      if (dataCases.size) reading.cases = mergeDataIntoCases(reading.cases, dataCases);
      // Visible in DevTools' performance panel, and what `npm run bench` measures.
      performance.measure(READ_MEASURE, { start: started, end: performance.now(), detail: { cases: reading.cases.length } });
      // A shell whose list lives in an iframe is not a broken page: wait for the frame instead.
      if (isTop && reading.cases.length === 0 && document.querySelector('iframe')) reading.missing = [];
      store.set({ reading, readAt: now });
      const fp = fingerprint(reading);
      if (!reading.cases.length || fp === lastSent) return;
      lastSent = fp;
      send({
        type: 'cases/seen',
        source: { page: reading.page, url: location.href, readAt: toChinaIso(now) },
        cases: reading.cases,
        ...(isTop ? {} : { frameReading: reading }),
      })
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

async function mountSidebar(ctx: ContentScriptContext, store: SidebarStore): Promise<void> {
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
}
