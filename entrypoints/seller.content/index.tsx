import './sidebar/style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { assess, type Assessment } from '../../lib/engine/assess';
import { EMPTY_POLICY, type ShopPolicy } from '../../lib/engine/policy';
import { send } from '../../lib/messaging/client';
import { detectPlatform } from '../../lib/page/detect';
import { SELLER_HOST_PATTERNS } from '../../lib/page/hosts';
import { mergeDataIntoCase, snapshotsFromResponse } from '../../lib/page/mtop';
import { MTOP_MESSAGE_TAG, MTOP_REPLAY_TAG } from '../../lib/page/mtop-api';
import { readPageSteps } from '../../lib/page/read';
import { findReplyBoxes, insertIntoBox } from '../../lib/page/reply-box';
import type { ReplyTemplate } from '../../lib/replies/model';
import { caseKey } from '../../lib/shared/case-key';
import { toChinaIso } from '../../lib/shared/china-time';
import type { CaseSnapshot, PageReading } from '../../lib/shared/types';
import type { CaseEvent, CaseRecord } from '../../lib/storage/db';
import { LANG_KEY, POLICY_VERSION_KEY, SHORTCUT_KEY } from '../../lib/storage/keys';
import { BADGE_TAG, onBadgeSelect, placeBadges, prepareBadges, removeBadges, syncBadges, tickBadges, type PendingBadge } from './badges';
import type { SidebarActions } from './sidebar/actions';
import { App } from './sidebar/App';
import { createStore, shownReading, type SidebarStore } from './sidebar/store';
import { matchesShortcut, parseShortcut, DEFAULT_SHORTCUT } from './shortcut';

const HOST_TAG = 'aftersales-radar';
const DEFAULT_WIDTH = 360;
const MIN_WIDTH = 280;
const MAX_WIDTH = 640;
const SCAN_MEASURE = 'aftersales-radar:scan';
/** Longest stretch of work before giving the page its main thread back. */
const SLICE_MS = 12;
/** Cases per message to the ledger: each part is stored in one transaction. */
const CASES_PER_MESSAGE = 500;
const stateKey = () => `sidebar:${location.host}`;

/** What makes two readings the same for the ledger (countdown instants move with the clock). */
function fingerprint(r: PageReading): string {
  return r.page + '|' + r.cases.map((c) => `${c.disputeId}:${c.status}:${c.statusText ?? ''}:${c.pageDeadline?.text ?? ''}:${c.fromData?.length ?? 0}`).join(',');
}

function isFrameReading(m: unknown): m is { type: 'frame/reading'; reading: PageReading } {
  const r = (m as { type?: unknown; reading?: { page?: unknown; cases?: unknown } } | null)?.reading;
  return (m as { type?: unknown } | null)?.type === 'frame/reading' && !!r && typeof r.page === 'string' && Array.isArray(r.cases);
}


export default defineContentScript({
  matches: [...SELLER_HOST_PATTERNS],
  runAt: 'document_idle',
  // Some shops' /tp/ shell renders the list in an iframe: read it there, show it in the top frame.
  allFrames: true,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const isTop = window.top === window;
    const store = createStore({
      reading: undefined,
      frameReading: undefined,
      readAt: 0,
      assessments: new Map(),
      policy: EMPTY_POLICY,
      templates: [],
      selected: undefined,
      ledger: undefined,
      collapsed: window.innerWidth < 1000,
      width: DEFAULT_WIDTH,
      lang: 'zh',
      saveError: undefined,
    });
    const isOurs = (el: Element) => {
      const tag = el.tagName.toLowerCase();
      return tag === HOST_TAG || tag === BADGE_TAG;
    };
    const rows = new Map<string, { root: Element; anchor: Element }>();

    /** The engine's judgement of every case shown, with the shop's policy, now. */
    const reassess = () => {
      const reading = shownReading(store.get());
      const now = Date.now();
      const assessments = new Map<string, Assessment>();
      for (const c of reading?.cases ?? []) assessments.set(c.disputeId, assess(c, store.get().policy, now));
      store.set({ assessments });
      if (rows.size) syncBadges(rows, assessments, now);
    };

    const loadLedger = async (c: CaseSnapshot | undefined) => {
      if (!c) return store.set({ ledger: undefined });
      const got = await send<{ record: CaseRecord; events: CaseEvent[] } | null>({ type: 'case/get', key: caseKey(c) }).catch(() => null);
      store.set({ ledger: got ?? undefined });
    };

    const focusCase = () => {
      const s = store.get();
      const reading = shownReading(s);
      if (reading?.page === 'refund-detail' || reading?.page === 'exchange-detail') return reading.cases[0];
      return reading?.cases.find((c) => c.disputeId === s.selected);
    };

    const loadSettings = async () => {
      const [policy, replies] = await Promise.all([
        send<ShopPolicy>({ type: 'policy/get' }).catch(() => EMPTY_POLICY),
        send<ReplyTemplate[]>({ type: 'replies/list' }).catch(() => []),
      ]);
      store.set({ policy, templates: replies });
      reassess();
    };

    let lastFocusedBox: Element | null = null;
    ctx.addEventListener(document, 'focusin', (e: FocusEvent) => {
      const t = e.target as Element | null;
      if (t && (t.tagName === 'TEXTAREA' || (t as HTMLElement).isContentEditable)) lastFocusedBox = t;
    });

    const actions: SidebarActions = {
      toggle: (collapsed) => {
        store.set({ collapsed });
        applyLayout();
        void browser.storage.local.set({ [stateKey()]: { collapsed, width: store.get().width } });
      },
      resize: (w) => {
        const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(w)));
        store.set({ width });
        applyLayout();
        void browser.storage.local.set({ [stateKey()]: { collapsed: store.get().collapsed, width } });
      },
      select: (id) => {
        store.set({ selected: id, collapsed: false });
        applyLayout();
        void loadLedger(focusCase());
      },
      staff: async (key, patch) => {
        await send({ type: 'case/staff', key, ...patch });
        await loadLedger(focusCase());
      },
      insert: async (text) => {
        const [box] = findReplyBoxes(document, lastFocusedBox);
        if (box) {
          const r = insertIntoBox(box, text);
          if (r.ok) return { ok: true, message: '已插入页面的留言框，请检查后由您自己发送' };
        }
        try {
          await navigator.clipboard.writeText(text);
          return { ok: false, message: box ? '页面没有接受插入，已复制到剪贴板，请粘贴' : '页面上没有找到留言框，已复制到剪贴板' };
        } catch {
          return { ok: false, message: '没能插入或复制，请手动选中文字复制' };
        }
      },
    };

    const root = document.documentElement;
    const previousMargin = root.style.marginRight;
    // Keep the page's own buttons usable: the page gives up the sidebar's width instead of being covered.
    const applyLayout = () => {
      if (!isTop) return;
      const { collapsed, width } = store.get();
      const narrow = window.innerWidth - width < 720;
      root.style.marginRight = collapsed || narrow ? previousMargin : `${width}px`;
    };

    if (isTop) {
      const saved = (await browser.storage.local.get(stateKey()))[stateKey()] as { collapsed?: boolean; width?: number } | undefined;
      if (saved) store.set({ collapsed: !!saved.collapsed, width: Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, saved.width ?? DEFAULT_WIDTH)) });
      await mountSidebar(ctx, store, actions, () => {
        root.style.marginRight = previousMargin;
      });
      applyLayout();
      ctx.addEventListener(window, 'resize', applyLayout);
      browser.runtime.onMessage.addListener((input: unknown) => {
        // Only the background reaches this listener; it relays a frame's reading after validating it
        // in full (protocol.ts), so a shape check is enough here and keeps valibot out of the page.
        if (isFrameReading(input)) {
          store.set({ frameReading: input.reading });
          reassess();
        }
        return undefined;
      });
      let shortcut = parseShortcut(DEFAULT_SHORTCUT)!;
      void browser.storage.local.get([SHORTCUT_KEY, LANG_KEY]).then((s) => {
        shortcut = parseShortcut(String(s[SHORTCUT_KEY] ?? '')) ?? shortcut;
        if (s[LANG_KEY] === 'en') store.set({ lang: 'en' });
      });
      ctx.addEventListener(window, 'keydown', (e: KeyboardEvent) => {
        // Never while a Chinese input method is composing.
        if (e.isComposing || e.keyCode === 229) return;
        if (matchesShortcut(e, shortcut)) {
          e.preventDefault();
          actions.toggle(!store.get().collapsed);
        }
      });
      browser.storage.onChanged.addListener((changes, area) => {
        if (area !== 'local' || ctx.isInvalid) return;
        if (changes[POLICY_VERSION_KEY]) void loadSettings();
        if (changes[LANG_KEY]) store.set({ lang: changes[LANG_KEY].newValue === 'en' ? 'en' : 'zh' });
        if (changes[SHORTCUT_KEY]) shortcut = parseShortcut(String(changes[SHORTCUT_KEY].newValue ?? '')) ?? parseShortcut(DEFAULT_SHORTCUT)!;
      });
      void loadSettings();
    }

    // Copies of the page's own data responses, from the main-world observer, by dispute id.
    const dataCases = new Map<string, Partial<CaseSnapshot>>();
    ctx.addEventListener(window, 'message', (e: MessageEvent) => {
      // Same origin only (e.source is another world's window object here); the body is validated field by field.
      if (e.origin !== location.origin) return;
      const msg = e.data as { tag?: unknown; text?: unknown } | null;
      if (!msg || msg.tag !== MTOP_MESSAGE_TAG || typeof msg.text !== 'string') return;
      let body: unknown;
      try {
        body = JSON.parse(msg.text);
      } catch {
        return;
      }
      const platform = store.get().reading?.platform ?? detectPlatform(location.href, document.title);
      for (const d of snapshotsFromResponse(body, platform, Date.now())) dataCases.set(d.disputeId, d);
      schedule();
    });
    window.postMessage({ tag: MTOP_REPLAY_TAG }, location.origin);

    let lastSent = '';
    let lastFocus = '';
    let scanning = false;
    let rescan = false;
    const scan = async () => {
      if (ctx.isInvalid) return;
      if (scanning) {
        rescan = true;
        return;
      }
      scanning = true;
      try {
        await scanOnce();
      } finally {
        scanning = false;
        if (rescan) {
          rescan = false;
          schedule();
        }
      }
    };

    /** Read, judge and badge the page in short slices, so a sale-day list never blocks the page. */
    const scanOnce = async () => {
      const now = Date.now();
      const started = performance.now();
      // Script time: in all, the longest stretch without a pause, and per phase of the scan.
      const phases = { read: 0, judge: 0, badges: 0, sidebar: 0, ledger: 0 };
      type Phase = keyof typeof phases;
      const clock = { busy: 0, longest: 0, slice: started, phase: 'read' as Phase, phaseAt: started };
      const charge = () => {
        const t = performance.now();
        phases[clock.phase] += t - clock.phaseAt;
        clock.phaseAt = t;
        return t;
      };
      const enter = (phase: Phase) => {
        charge();
        clock.phase = phase;
      };
      const endSlice = () => {
        const t = charge() - clock.slice;
        clock.busy += t;
        clock.longest = Math.max(clock.longest, t);
      };
      const maybeYield = async () => {
        if (performance.now() - clock.slice < SLICE_MS) return;
        endSlice();
        await new Promise((r) => setTimeout(r, 0));
        clock.slice = clock.phaseAt = performance.now();
      };
      const newRows = new Map<string, { root: Element; anchor: Element }>();
      const steps = readPageSteps(document, { url: location.href, now, skip: isOurs, rows: newRows });
      let step = steps.next();
      while (!step.done) {
        await maybeYield();
        step = steps.next();
      }
      if (ctx.isInvalid) return;
      const reading = step.value;
      // Fill what the rows do not show from the page's own data responses (part of reading).
      for (let i = 0; dataCases.size && i < reading.cases.length; i++) {
        reading.cases[i] = mergeDataIntoCase(reading.cases[i]!, dataCases);
        if (i % 200 === 199) await maybeYield();
      }
      // A shell whose list lives in an iframe is not a broken page: wait for the frame instead.
      if (isTop && reading.cases.length === 0 && document.querySelector('iframe')) reading.missing = [];
      if (store.get().selected && !reading.cases.some((c) => c.disputeId === store.get().selected)) store.set({ selected: undefined });
      enter('judge');
      const assessments = new Map<string, Assessment>();
      for (const [i, c] of reading.cases.entries()) {
        assessments.set(c.disputeId, assess(c, store.get().policy, now));
        if (i % 100 === 99) await maybeYield();
      }
      enter('badges');
      rows.clear();
      for (const [id, row] of newRows) rows.set(id, row);
      const entries = [...newRows];
      const pending: PendingBadge[] = [];
      for (let i = 0; i < entries.length; i += 100) {
        pending.push(...prepareBadges(entries.slice(i, i + 100), assessments, now));
        await maybeYield();
      }
      placeBadges(pending);
      await maybeYield();
      enter('sidebar');
      store.set({ reading, readAt: now, assessments: store.get().frameReading && !reading.cases.length ? store.get().assessments : assessments });
      // The sidebar renders in a microtask queued by the set above: let it run inside this measure.
      await Promise.resolve();
      await maybeYield();
      // Hand the cases to the ledger. Each message is serialised here, on the page's thread: a
      // sale-day list goes in several, with the page given its thread back in between.
      enter('ledger');
      const focus = focusCase();
      const focusFp = focus ? `${focus.disputeId}:${focus.status}` : '';
      const fp = fingerprint(reading);
      if (reading.cases.length && fp !== lastSent) {
        lastSent = fp;
        const source = { page: reading.page, url: location.href, readAt: toChinaIso(now) };
        const sent: Promise<unknown>[] = [];
        for (let i = 0; i < reading.cases.length; i += CASES_PER_MESSAGE) {
          const last = i + CASES_PER_MESSAGE >= reading.cases.length;
          // A frame's whole reading goes to the top frame with the last part.
          sent.push(send({ type: 'cases/seen', source, cases: reading.cases.slice(i, i + CASES_PER_MESSAGE), ...(!isTop && last ? { frameReading: reading } : {}) }));
          if (!last) await maybeYield();
        }
        Promise.all(sent)
          .then(() => {
            if (store.get().saveError) store.set({ saveError: undefined });
            if (isTop && focusFp !== lastFocus) {
              lastFocus = focusFp;
              void loadLedger(focus);
            }
          })
          .catch((e: unknown) => {
            lastSent = '';
            if (!ctx.isInvalid) store.set({ saveError: e instanceof Error ? e.message : String(e) });
          });
      }
      endSlice();
      // Rows present → cases read, judged, badged, shown and handed to the ledger: what `npm run bench`
      // reports (busy = script time; longest = the longest stretch without giving the page its thread back).
      performance.measure(SCAN_MEASURE, { start: started, end: performance.now(), detail: { cases: reading.cases.length, busy: clock.busy, longest: clock.longest, phases } });
    };

    // The page renders late and re-renders often: read once it settles, not on every mutation.
    let timer: number | undefined;
    const schedule = () => {
      if (timer !== undefined) return;
      timer = ctx.setTimeout(() => {
        timer = undefined;
        void scan();
      }, 200);
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target instanceof Element ? r.target : r.target.parentElement;
        if (target && target.closest(`${HOST_TAG}, ${BADGE_TAG}`)) continue;
        if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof Element && isOurs(n))) continue;
        schedule();
        return;
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    // Badge countdowns tick between reads.
    ctx.setInterval(() => tickBadges(document, store.get().assessments, Date.now()), 30_000);
    const stopBadgeSelect = onBadgeSelect(document, (id) => actions.select(id));
    ctx.onInvalidated(() => {
      stopBadgeSelect();
      observer.disconnect();
      removeBadges(document);
    });
    ctx.addEventListener(window, 'wxt:locationchange', schedule);
    void scan();
  },
});

async function mountSidebar(ctx: ContentScriptContext, store: SidebarStore, actions: SidebarActions, onRemoved: () => void): Promise<void> {
  const ui = await createShadowRootUi(ctx, {
    name: HOST_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      render(<App store={store} actions={actions} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
      onRemoved();
    },
  });
  ui.mount();
  // After an update or reload the orphaned script takes its sidebar with it.
  ctx.onInvalidated(() => ui.remove());
}
