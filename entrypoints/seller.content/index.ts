/**
 * The content script on the seller pages: wires the parts, each in its own module.
 * - scan.ts: reads the page in slices once it settles and hands each changed reading on
 * - badges.ts: the row badges, on the rows near the screen
 * - sidebar-host.ts (+ sidebar-frame.ts): the sidebar's frame, layout and port (top frame only)
 * - data-relay.ts: the page's own data responses, forwarded to the background
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../../lib/messaging/client';
import { detectPlatform } from '../../lib/page/detect';
import { SELLER_HOST_PATTERNS } from '../../lib/page/hosts';
import type { PageReading } from '../../lib/shared/types';
import { POLICY_VERSION_KEY, TAUGHT_VERSION_KEY } from '../../lib/storage/keys';
import { createRowBadges, onBadgeSelect } from './badges';
import { isOurs } from './ours';
import { createDataRelay, listenToObserver } from './data-relay';
import { createScanner, scanScheduler, type Taught } from './scan';
import { mountSidebarHost, type SidebarHost } from './sidebar-host';
import type { ScanTimes } from './slices';
import { contextTimers } from './timers';

/**
 * What `npm run bench` reads: one performance measure per scan (rows present → read, badged, shown,
 * handed on). The latest SCAN_MEASURES_KEPT at most: a tab open all day reads thousands of times.
 */
const SCAN_MEASURE = 'aftersales-radar:scan';
const SCAN_MEASURES_KEPT = 20;
let scanMeasures = 0;
const markScan = (started: number, cases: number, t: ScanTimes) => {
  if (++scanMeasures > SCAN_MEASURES_KEPT) {
    performance.clearMeasures(SCAN_MEASURE);
    scanMeasures = 1;
  }
  performance.measure(SCAN_MEASURE, {
    start: started,
    end: performance.now(),
    detail: { cases, busy: t.busy, longest: t.longest, longestIn: t.longestIn, phases: t.phases },
  });
};

/** The latest the sidebar's frame loads (it loads once the page has been read, normally sooner). */
const SIDEBAR_LOAD_LATEST_MS = 3000;

function isFrameReading(m: unknown): m is { type: 'frame/reading'; reading: PageReading } {
  const r = (m as { type?: unknown; reading?: { page?: unknown; cases?: unknown } } | null)?.reading;
  return (
    (m as { type?: unknown } | null)?.type === 'frame/reading' &&
    !!r &&
    typeof r.page === 'string' &&
    Array.isArray(r.cases)
  );
}

/** Mutations the page made (not our own sidebar host and badges coming and going, known by reference). */
function isPageMutation(r: MutationRecord): boolean {
  if (isOurs(r.target)) return false;
  return !(r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => isOurs(n)));
}

/** The labels and status wordings staff taught for this host; `load` reads them again (when they teach one). */
function taughtForHost(): { current: () => Taught; load: () => Promise<void> } {
  let taught: Taught = { labels: {}, statuses: {} };
  return {
    current: () => taught,
    load: async () => {
      const host = location.host;
      const [labels, statuses] = await Promise.all([
        send({ type: 'labels/taught', host }).catch(() => taught.labels),
        send({ type: 'statuses/taught', host }).catch(() => taught.statuses),
      ]);
      taught = { labels, statuses };
    },
  };
}

export default defineContentScript({
  matches: [...SELLER_HOST_PATTERNS],
  runAt: 'document_idle',
  // Some shops' /tp/ shell renders the list in an iframe: read it there, show it in the top frame.
  allFrames: true,
  async main(ctx) {
    const isTop = window.top === window;
    const doc = crypto.randomUUID();
    const timers = contextTimers(ctx);
    /** The page's own changes so far: a read the page changed under is not used (scan.ts). */
    let generation = 0;
    const badges = createRowBadges(document);
    let sidebar: SidebarHost | undefined;
    let schedule = () => {};
    const relay = createDataRelay({
      forward: async (text, platform) => (await send({ type: 'page/data', doc, platform, text })).epoch,
      platform: () => scanner.current()?.platform ?? detectPlatform(location.href, document.title),
      onChange: () => schedule(),
      later: (forward) => timers.requestIdleCallback(forward, { timeout: 1000 }),
    });
    const taught = taughtForHost();
    const taughtReady = taught.load();
    const scanner = createScanner({
      ctx,
      isTop,
      doc,
      badges,
      relay,
      sidebar: () => sidebar,
      taught: taught.current,
      pageGeneration: () => generation,
      readAgain: () => schedule(),
      onScanned: (started, cases, times) => {
        markScan(started, cases, times);
        sidebar?.load();
      },
    });
    const scans = scanScheduler(ctx, scanner.scan, timers);
    schedule = scans.schedule;

    if (isTop) {
      sidebar = await mountSidebarHost(ctx, {
        doc,
        onConnect: () => void scanner.showCurrent(),
        onEpoch: relay.checkEpoch,
      });
      if (!sidebar) return;
      // The sidebar's frame loads after the first read, which waits for the page to settle, or
      // after a few seconds on a page that never does.
      ctx.setTimeout(() => sidebar?.load(), SIDEBAR_LOAD_LATEST_MS);
      browser.runtime.onMessage.addListener((input: unknown) => {
        // Only the background reaches this listener; it relays a frame's reading after validating it
        // in full (protocol.ts), so a shape check is enough here and keeps valibot out of the page.
        if (isFrameReading(input)) {
          scanner.setFrameReading(input.reading);
          void scanner.showCurrent();
        }
        return undefined;
      });
    }
    // The shop changed its policy: the badges are judged again (the sidebar judges for itself).
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || ctx.isInvalid) return;
      if (changes[POLICY_VERSION_KEY]) {
        scanner.forget();
        schedule();
      }
      // Staff taught a label or a status wording: read the page again at once, no reload.
      if (changes[TAUGHT_VERSION_KEY]) void taught.load().then(() => void scans.now());
    });
    listenToObserver(ctx, relay);

    // The page renders late and re-renders often: read once it settles, not on every mutation.
    const observer = new MutationObserver((records) => {
      if (!records.some(isPageMutation)) return;
      generation++;
      // A redraw of what was read is badged in its own frame; anything else is read once it settles.
      if (!scanner.redrawNow()) schedule();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    // Badge countdowns tick between reads.
    ctx.setInterval(() => badges.tick(Date.now()), 30_000);
    const stopBadgeSelect = onBadgeSelect(document, (id) => sidebar?.select(id));
    ctx.onInvalidated(() => {
      stopBadgeSelect();
      observer.disconnect();
      badges.stop();
    });
    ctx.addEventListener(window, 'wxt:locationchange', schedule);
    await taughtReady;
    // The first read too waits for the page to settle and paint: at document_idle a list page
    // usually shows only its frame, its rows still on the way.
    schedule();
  },
});
