import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { BadgeMark } from '../../lib/engine/mark';
import { send } from '../../lib/messaging/client';
import type { SeenReply, ShowReply } from '../../lib/messaging/protocol';
import { parseToPage, SIDEBAR_PORT, type ToPage, type ToSidebar } from '../../lib/messaging/sidebar-port';
import { detectPlatform } from '../../lib/page/detect';
import { SELLER_HOST_PATTERNS } from '../../lib/page/hosts';
import { MAX_RESPONSE_CHARS, MTOP_MESSAGE_TAG, MTOP_REPLAY_TAG } from '../../lib/page/mtop-api';
import { readPageSteps } from '../../lib/page/read';
import { findReplyBoxes, insertIntoBox } from '../../lib/page/reply-box';
import { toChinaIso } from '../../lib/shared/china-time';
import type { CaseSnapshot, PageReading } from '../../lib/shared/types';
import { POLICY_VERSION_KEY } from '../../lib/storage/keys';
import { followShortcut } from '../../lib/ui/settings';
import { BADGE_TAG, onBadgeSelect, placeBadges, prepareBadges, removeBadges, tickBadges } from './badges';
import { HOST_TAG, mountSidebarFrame, TAB, type SidebarFrame, type SidebarLayout } from './sidebar-frame';

const DEFAULT_WIDTH = 360;
const MIN_WIDTH = 280;
const MAX_WIDTH = 640;
const SCAN_MEASURE = 'aftersales-radar:scan';
/** Longest stretch of work before giving the page its main thread back. */
const SLICE_MS = 12;
/** Cases per message to the ledger: each part is stored in one transaction. */
const CASES_PER_MESSAGE = 500;
/** The page data responses kept to forward again to a restarted background (the latest list's is what matters). */
const KEPT_RESPONSES = 3;
const stateKey = () => `sidebar:${location.host}`;
const clampWidth = (w: number) => Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(w)));

/** A reading as handed on, and how many of the page's data responses the background had to fill it from. */
interface Handed {
  reading: PageReading;
  dataVersion: number;
}

/**
 * Whether two readings are the same for the sidebar and the ledger: what staff act on, not the
 * countdown instants (they move with the clock while the page shows the same text), filled from the
 * same data responses. Compared field by field, so a first read builds nothing to compare.
 */
function sameReading(a: Handed | undefined, b: Handed): boolean {
  if (!a || a.dataVersion !== b.dataVersion) return false;
  const [x, y] = [a.reading, b.reading];
  if (x.page !== y.page || x.cases.length !== y.cases.length || x.missing.join() !== y.missing.join() || JSON.stringify(x.stats) !== JSON.stringify(y.stats)) return false;
  for (let i = 0; i < x.cases.length; i++) if (!sameCase(x.cases[i]!, y.cases[i]!)) return false;
  return true;
}

function sameCase(c: CaseSnapshot, d: CaseSnapshot): boolean {
  return (
    c.disputeId === d.disputeId &&
    c.status === d.status &&
    c.statusText === d.statusText &&
    c.pageDeadline?.text === d.pageDeadline?.text &&
    c.unparsed?.countdown?.join() === d.unparsed?.countdown?.join() &&
    c.refundType === d.refundType &&
    c.refundFen === d.refundFen &&
    c.goodsStatus === d.goodsStatus &&
    c.returnLogistics?.state === d.returnLogistics?.state &&
    c.returnLogistics?.number === d.returnLogistics?.number &&
    Object.keys(c.flags).join() === Object.keys(d.flags).join()
  );
}

function isFrameReading(m: unknown): m is { type: 'frame/reading'; reading: PageReading } {
  const r = (m as { type?: unknown; reading?: { page?: unknown; cases?: unknown } } | null)?.reading;
  return (m as { type?: unknown } | null)?.type === 'frame/reading' && !!r && typeof r.page === 'string' && Array.isArray(r.cases);
}

type Rows = Map<string, { root: Element; anchor: Element }>;

export default defineContentScript({
  matches: [...SELLER_HOST_PATTERNS],
  runAt: 'document_idle',
  // Some shops' /tp/ shell renders the list in an iframe: read it there, show it in the top frame.
  allFrames: true,
  async main(ctx) {
    const isTop = window.top === window;
    const isOurs = (el: Element) => {
      const tag = el.tagName.toLowerCase();
      return tag === HOST_TAG || tag === BADGE_TAG;
    };
    /** Each case's row badge, as the background judged it, by dispute id. */
    const marks = new Map<string, BadgeMark>();
    let rows: Rows = new Map();

    // ---- row badges: placed on the rows on screen and a screen either side, the rest as staff scroll ----
    // A sale-day list has a thousand rows; badging them all at once would make the page lay out a
    // thousand rows again for badges nobody can see yet.
    /** The rows watched (each row's region → its dispute id), and those near the screen now. */
    let watched = new Map<Element, string>();
    const nearScreen = new Set<Element>();
    const rowsNearScreen = () => {
      const near: [string, { root: Element; anchor: Element }][] = [];
      for (const root of nearScreen) {
        const id = watched.get(root) ?? '';
        const row = rows.get(id);
        if (row && marks.has(id)) near.push([id, row]);
      }
      return near;
    };
    const rowObserver = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) nearScreen.add(e.target);
          else nearScreen.delete(e.target);
        }
        badgeNearScreen(Date.now());
      },
      { rootMargin: '100% 0px' },
    );
    /** Badge the rows near the screen that have a mark: new badges go in together (one layout for the page). */
    const badgeNearScreen = (now: number) => placeBadges(prepareBadges(rowsNearScreen(), marks, now));
    /** Watch this reading's rows, and stop watching rows the page has dropped. */
    const watchRows = () => {
      const next = new Map<Element, string>();
      for (const [id, r] of rows) next.set(r.root, id);
      for (const el of watched.keys()) {
        if (next.has(el)) continue;
        rowObserver.unobserve(el);
        nearScreen.delete(el);
      }
      for (const el of next.keys()) if (!watched.has(el)) rowObserver.observe(el);
      watched = next;
    };
    /** This frame's latest reading, and what a child frame of this tab read (top frame only). */
    let reading: PageReading | undefined;
    let readAt = 0;
    let frameReading: PageReading | undefined;
    const shownReading = () => (frameReading && (!reading || reading.cases.length === 0) ? frameReading : reading);

    // ---- the sidebar (top frame only): its frame, its layout, and the port it opens to us ----
    const layout: SidebarLayout = { collapsed: window.innerWidth < 1000, width: DEFAULT_WIDTH };
    let frame: SidebarFrame | undefined;
    let port: Browser.runtime.Port | undefined;
    let saved: ToSidebar = { type: 'saved' };
    const toSidebar = (m: ToSidebar) => port?.postMessage(m);
    let readingSeq = 0;
    /**
     * Show the reading in the sidebar, in parts: each message is serialised on the page's thread, so
     * a sale-day list goes in several, the page getting its thread back while `wait` awaits each
     * answer. Through the background, which fills the cases from the page's data responses; straight
     * to the sidebar only when no sidebar listens there (its worker had just restarted, say).
     */
    const showReading = async (wait: <T>(p: Promise<T>) => Promise<T | undefined> = (p) => p) => {
      const r = shownReading();
      if (!r || !port) return;
      const seq = ++readingSeq;
      const { cases, ...rest } = r;
      for (let i = 0; i === 0 || i < cases.length; i += CASES_PER_MESSAGE) {
        const last = i + CASES_PER_MESSAGE >= cases.length;
        const part = { ...rest, cases: cases.slice(i, i + CASES_PER_MESSAGE) };
        const reply = await wait(send<ShowReply>({ type: 'reading/show', doc, seq, last, readAt, reading: part })).catch(() => undefined);
        checkEpoch(reply?.epoch);
        if (!reply?.shown) toSidebar({ type: 'reading', reading: part, readAt, seq, last });
      }
    };
    const root = document.documentElement;
    const previousMargin = root.style.marginRight;
    // Keep the page's own buttons usable: the page gives up the sidebar's width (or the collapsed
    // tab's) instead of being covered; a narrow window keeps its width and the open sidebar covers it.
    const applyLayout = () => {
      if (!frame) return;
      const narrow = window.innerWidth - layout.width < 720;
      frame.place(layout, narrow);
      const reserved = layout.collapsed ? TAB.width : narrow ? 0 : layout.width;
      root.style.marginRight = reserved ? `${reserved}px` : previousMargin;
      toSidebar({ type: 'layout', collapsed: layout.collapsed, width: layout.width });
    };
    const setLayout = (patch: Partial<SidebarLayout>) => {
      Object.assign(layout, patch);
      applyLayout();
      void browser.storage.local.set({ [stateKey()]: { collapsed: layout.collapsed, width: layout.width } });
    };

    let lastFocusedBox: Element | null = null;
    let endDrag: (() => void) | undefined;
    const onSidebar = (input: unknown) => {
      const m: ToPage | undefined = parseToPage(input);
      if (!m) return;
      switch (m.type) {
        case 'toggle':
          return setLayout({ collapsed: m.collapsed });
        case 'resize':
          return setLayout({ width: clampWidth(m.width) });
        case 'resize-end':
          return endDrag?.();
        case 'resize-start': {
          const [x0, w0] = [m.screenX, layout.width];
          endDrag?.();
          // Followed on the page, saved once the button is released.
          endDrag = frame?.drag(
            (x) => {
              layout.width = clampWidth(w0 + (x0 - x));
              applyLayout();
            },
            () => {
              endDrag = undefined;
              setLayout({});
            },
          );
          return;
        }
        case 'insert': {
          const [box] = findReplyBoxes(document, lastFocusedBox);
          return toSidebar({ type: 'inserted', requestId: m.requestId, found: !!box, ok: !!box && insertIntoBox(box, m.text).ok });
        }
      }
    };

    if (isTop) {
      const state = (await browser.storage.local.get(stateKey()))[stateKey()] as { collapsed?: boolean; width?: number } | undefined;
      if (state) Object.assign(layout, { collapsed: !!state.collapsed, width: clampWidth(state.width ?? DEFAULT_WIDTH) });
      if (ctx.isInvalid) return;
      frame = mountSidebarFrame(document);
      applyLayout();
      ctx.addEventListener(window, 'resize', applyLayout);
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
        toSidebar({ type: 'layout', collapsed: layout.collapsed, width: layout.width });
        toSidebar(saved);
        void showReading();
      });
      browser.runtime.onMessage.addListener((input: unknown) => {
        // Only the background reaches this listener; it relays a frame's reading after validating it
        // in full (protocol.ts), so a shape check is enough here and keeps valibot out of the page.
        if (isFrameReading(input)) {
          frameReading = input.reading;
          void showReading();
        }
        return undefined;
      });
      ctx.onInvalidated(followShortcut(window, () => setLayout({ collapsed: !layout.collapsed })));
      ctx.onInvalidated(() => {
        frame?.remove();
        root.style.marginRight = previousMargin;
      });
    }
    // The shop changed its policy: the badges are judged again (the sidebar judges for itself).
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || ctx.isInvalid || !changes[POLICY_VERSION_KEY]) return;
      lastSent = undefined;
      schedule();
    });

    // The page's own data responses (the main-world observer's copies) go to the background as they
    // came: it parses them and fills the cases read here with what the rows do not show, so the
    // page's thread only reads rows. `dataVersion` counts them (a new one means a new reading).
    const doc = crypto.randomUUID();
    const responses: string[] = [];
    let dataVersion = 0;
    /** The background worker that holds them (undefined: none yet, or being forwarded again). */
    let dataEpoch: string | undefined;
    const forward = async (text: string) => {
      const platform = reading?.platform ?? detectPlatform(location.href, document.title);
      try {
        dataEpoch = (await send<{ epoch: string }>({ type: 'page/data', doc, platform, text })).epoch;
      } catch {
        // Not JSON, or the extension went away: the rows are read all the same.
      }
    };
    /** An answer from a worker other than the one that holds the responses: it lost them when it stopped. */
    function checkEpoch(epoch: string | undefined) {
      if (!dataEpoch || !epoch || epoch === dataEpoch) return;
      dataEpoch = undefined;
      // Messages arrive in order: the next reading, a new one for the ledger and the sidebar, finds them there again.
      for (const text of responses) void forward(text);
      dataVersion++;
      schedule();
    }
    ctx.addEventListener(window, 'message', (e: MessageEvent) => {
      // Same origin only (e.source is another world's window object here); the background validates the body field by field.
      if (e.origin !== location.origin) return;
      const msg = e.data as { tag?: unknown; text?: unknown } | null;
      if (!msg || msg.tag !== MTOP_MESSAGE_TAG || typeof msg.text !== 'string' || msg.text.length > MAX_RESPONSE_CHARS) return;
      responses.push(msg.text);
      if (responses.length > KEPT_RESPONSES) responses.shift();
      dataVersion++;
      void forward(msg.text);
      schedule();
    });
    window.postMessage({ tag: MTOP_REPLAY_TAG }, location.origin);

    /** The reading last handed to the ledger, and last shown in the sidebar. */
    let lastSent: Handed | undefined;
    let lastShown: Handed | undefined;
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

    /**
     * Read and badge the page in short slices, so a sale-day list never blocks the page. The
     * cases go to the background, which stores and judges them and answers with their badges;
     * the sidebar gets the reading and judges it in its own frame.
     */
    const scanOnce = async () => {
      const now = Date.now();
      const started = performance.now();
      // Script time: in all, the longest stretch without a pause, and per phase of the scan.
      const phases = { read: 0, badges: 0, sidebar: 0, ledger: 0 };
      type Phase = keyof typeof phases;
      const clock = { busy: 0, longest: 0, longestIn: 'read' as Phase, slice: started, phase: 'read' as Phase, phaseAt: started };
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
        if (t > clock.longest) [clock.longest, clock.longestIn] = [t, clock.phase];
      };
      /** Give the page its thread back until `p` settles (a timer tick when nothing is awaited). */
      const pause = async <T>(p?: Promise<T>): Promise<T | undefined> => {
        endSlice();
        try {
          return await (p ?? new Promise<undefined>((r) => setTimeout(r, 0)));
        } finally {
          clock.slice = clock.phaseAt = performance.now();
        }
      };
      const maybeYield = async () => {
        if (performance.now() - clock.slice >= SLICE_MS) await pause();
      };
      const newRows: Rows = new Map();
      const steps = readPageSteps(document, { url: location.href, now, rows: newRows });
      let step = steps.next();
      while (!step.done) {
        await maybeYield();
        step = steps.next();
      }
      if (ctx.isInvalid) return;
      const read = step.value;
      // A shell whose list lives in an iframe is not a broken page: wait for the frame instead.
      if (isTop && read.cases.length === 0 && document.querySelector('iframe:not([src^="chrome-extension:"]):not([src^="moz-extension:"])')) read.missing = [];
      reading = read;
      readAt = now;
      rows = newRows;
      // Rows the page re-rendered keep the badge they had at once; new cases wait for the background.
      enter('badges');
      watchRows();
      badgeNearScreen(now);
      await maybeYield();
      // The sidebar gets an unchanged reading only once (a newly opened one asks on connect). A
      // reading for the ledger reaches it through the background, so the page serialises it once;
      // any other (a page without cases) is shown from here.
      enter('sidebar');
      const handed: Handed = { reading: read, dataVersion };
      const toLedger = read.cases.length > 0 && !sameReading(lastSent, handed);
      const newToSidebar = isTop && !sameReading(lastShown, handed);
      const toSidebarToo = newToSidebar && !!port;
      if (newToSidebar && !toLedger) {
        lastShown = handed;
        await showReading(pause);
      }
      await maybeYield();
      // Hand the cases to the ledger. Each message is serialised here, on the page's thread: a
      // sale-day list goes in several, with the page given its thread back in between.
      enter('ledger');
      if (toLedger) {
        lastSent = handed;
        const source = { page: read.page, url: location.href, readAt: toChinaIso(now) };
        const { cases: _cases, ...meta } = read;
        const seq = toSidebarToo ? ++readingSeq : 0;
        const parts: Promise<SeenReply>[] = [];
        for (let i = 0; i < read.cases.length; i += CASES_PER_MESSAGE) {
          const last = i + CASES_PER_MESSAGE >= read.cases.length;
          parts.push(
            send<SeenReply>({
              type: 'cases/seen',
              doc,
              source,
              cases: read.cases.slice(i, i + CASES_PER_MESSAGE),
              ...(toSidebarToo ? { sidebar: { seq, last, reading: meta } } : {}),
              // A frame's whole reading goes to the top frame with the last part.
              ...(!isTop && last ? { frameReading: read } : {}),
            }),
          );
          if (!last) await maybeYield();
        }
        let error: string | undefined;
        let shown = toSidebarToo;
        for (const part of parts) {
          try {
            const reply = await pause(part);
            enter('badges');
            const judged = reply?.marks ?? {};
            for (const id in judged) marks.set(id, judged[id]!);
            if (!reply?.shown) shown = false;
            checkEpoch(reply?.epoch);
          } catch (e) {
            error = e instanceof Error ? e.message : String(e);
            shown = false;
          }
        }
        // The rows as they are now: the page may have re-rendered them while the ledger worked.
        badgeNearScreen(now);
        if (error) lastSent = undefined;
        saved = error ? { type: 'saved', error } : { type: 'saved' };
        if (!ctx.isInvalid && isTop) {
          // No sidebar listened at the background (its worker had restarted, say): show it from here.
          enter('sidebar');
          if (shown) lastShown = handed;
          else if (port && !sameReading(lastShown, handed)) {
            lastShown = handed;
            await showReading(pause);
          }
          toSidebar(saved);
        }
      }
      endSlice();
      // Rows present → cases read, badged, shown and handed to the ledger: what `npm run bench`
      // reports (busy = script time; longest = the longest stretch without giving the page its thread back).
      performance.measure(SCAN_MEASURE, { start: started, end: performance.now(), detail: { cases: read.cases.length, busy: clock.busy, longest: clock.longest, longestIn: clock.longestIn, phases } });
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
    ctx.setInterval(() => tickBadges(document, marks, Date.now()), 30_000);
    const stopBadgeSelect = onBadgeSelect(document, (id) => {
      if (!isTop) return;
      setLayout({ collapsed: false });
      toSidebar({ type: 'select', disputeId: id });
    });
    ctx.onInvalidated(() => {
      stopBadgeSelect();
      observer.disconnect();
      rowObserver.disconnect();
      removeBadges(document);
    });
    ctx.addEventListener(window, 'wxt:locationchange', schedule);
    void scan();
  },
});
