/**
 * Reading the page: once it settles after a change (not on every mutation), in short slices so a
 * sale-day list never blocks it. Each scan reads the rows, badges them, shows the reading in the
 * sidebar and hands the cases to the ledger (through the background, which stores and judges them
 * and answers with their badges) — each only when the reading changed.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../../lib/messaging/client';
import type { SeenReply } from '../../lib/messaging/protocol';
import { readPageSteps } from '../../lib/page/read';
import type { TaughtLabels } from '../../lib/page/tokens';
import type { TaughtStatuses } from '../../lib/page/vocabulary';

/** What staff taught the reader for this host: page labels and status wordings. */
export interface Taught {
  labels: TaughtLabels;
  statuses: TaughtStatuses;
}
import { sameCase } from '../../lib/shared/case-fields';
import { toChinaIso } from '../../lib/shared/china-time';
import type { PageReading } from '../../lib/shared/types';
import type { RowBadges, Rows } from './badges';
import type { DataRelay } from './data-relay';
import { CASES_PER_MESSAGE, type SidebarHost } from './sidebar-host';
import { ourElements } from './ours';
import { startSliceClock, type ScanTimes, type SliceClock } from './slices';

/** A reading as handed on, and how many of the page's data responses the background had to fill it from. */
export interface Handed {
  reading: PageReading;
  dataVersion: number;
}

/**
 * Whether two readings are the same for the sidebar and the ledger: every field the ledger stores
 * (lib/shared/case-fields.ts), filled from the same data responses. Compared field by field, so a
 * first read builds nothing to compare.
 */
export function sameReading(a: Handed | undefined, b: Handed): boolean {
  if (!a || a.dataVersion !== b.dataVersion) return false;
  const x = a.reading;
  const y = b.reading;
  if (
    x.page !== y.page ||
    x.cases.length !== y.cases.length ||
    x.missing.join() !== y.missing.join() ||
    JSON.stringify(x.stats) !== JSON.stringify(y.stats)
  )
    return false;
  if ((x.unknownLabels ?? []).join() !== (y.unknownLabels ?? []).join()) return false;
  for (let i = 0; i < x.cases.length; i++) if (!sameCase(x.cases[i]!, y.cases[i]!)) return false;
  return true;
}

/** Quiet time after the page's last change before it is read. */
export const SETTLE_MS = 200;
/** A page that never stops changing (a ticking countdown, a poll) is read at least this often. */
export const MAX_WAIT_MS = 1000;
/** How long a read waits for the page to be idle (its rows painted) before it runs anyway. */
export const IDLE_TIMEOUT_MS = 500;

/**
 * `schedule` runs `scan` once the page settles: SETTLE_MS after its last change (MAX_WAIT_MS after
 * the first unread one at most), and then in idle time, after the page's own rendering and paint,
 * so a list that is still drawing its rows is not read half-drawn, nor slowed down by the reading.
 * `now` runs it at once. Never two at once: a change during a scan runs it again after.
 */
export function scanScheduler(
  ctx: ContentScriptContext,
  scan: () => Promise<void>,
): { schedule: () => void; now: () => Promise<void> } {
  let timer: number | undefined;
  let firstChange: number | undefined;
  let waitingForIdle = false;
  let scanning = false;
  let again = false;
  const run = async () => {
    if (ctx.isInvalid) return;
    if (scanning) {
      again = true;
      return;
    }
    scanning = true;
    try {
      await scan();
    } finally {
      scanning = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const settled = () => {
    timer = undefined;
    firstChange = undefined;
    waitingForIdle = true;
    ctx.requestIdleCallback(
      () => {
        waitingForIdle = false;
        void run();
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  };
  const schedule = () => {
    // Already settled and waiting for idle time: that read will see this change too.
    if (waitingForIdle) return;
    const at = performance.now();
    firstChange ??= at;
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(settled, Math.max(0, Math.min(SETTLE_MS, firstChange + MAX_WAIT_MS - at)));
  };
  return { schedule, now: run };
}

/** Cases left out of the ledger, in words for staff: how many, and the first reason. */
export function rejectedText(rejected: { disputeId?: string; reason: string }[]): string {
  const first = rejected[0]!;
  return `${rejected.length} 个售后单未能保存 / ${rejected.length} case(s) could not be saved${first.disputeId ? `（${first.disputeId}）` : ''}: ${first.reason}`;
}

/** Read the page in slices; the reading and its rows. */
async function readInSlices(
  clock: SliceClock,
  now: number,
  taught: Taught,
): Promise<{ read: PageReading; rows: Rows }> {
  const rows: [string, { root: Element; anchor: Element }][] = [];
  const steps = readPageSteps(document, {
    url: location.href,
    now,
    rows,
    skip: ourElements(),
    taught: taught.labels,
    statuses: taught.statuses,
  });
  let step = steps.next();
  while (!step.done) {
    await clock.maybeYield();
    step = steps.next();
  }
  return { read: step.value, rows };
}

export interface ScannerDeps {
  ctx: ContentScriptContext;
  isTop: boolean;
  /** This document's name in messages to the background. */
  doc: string;
  badges: RowBadges;
  relay: DataRelay;
  /** The sidebar's host, in the top frame once mounted. */
  sidebar: () => SidebarHost | undefined;
  /** The labels and status wordings staff taught for this host. */
  taught: () => Taught;
  /** What each scan cost (`npm run bench` reads it). */
  onScanned?: (started: number, cases: number, times: ScanTimes) => void;
}

/**
 * Hand the cases to the ledger. Each message is serialised here, on the page's thread: a sale-day
 * list goes in several, with the page given its thread back in between. Returns whether the
 * background passed them on to the sidebar too, and the error if the ledger did not keep them.
 */
async function handToLedger(
  { doc, isTop, badges, relay, sidebar }: ScannerDeps,
  read: PageReading,
  now: number,
  clock: SliceClock,
  withSidebar: boolean,
): Promise<{ shown: boolean; error?: string; rejected?: string }> {
  const source = { page: read.page, url: location.href, readAt: toChinaIso(now) };
  const { cases: _cases, ...meta } = read;
  const seq = withSidebar ? sidebar()!.nextSeq() : 0;
  const parts: Promise<SeenReply>[] = [];
  for (let i = 0; i < read.cases.length; i += CASES_PER_MESSAGE) {
    const last = i + CASES_PER_MESSAGE >= read.cases.length;
    parts.push(
      send<SeenReply>({
        type: 'cases/seen',
        doc,
        source,
        cases: read.cases.slice(i, i + CASES_PER_MESSAGE),
        ...(withSidebar ? { sidebar: { seq, last, reading: meta } } : {}),
        // A frame's whole reading goes to the top frame with the last part.
        ...(!isTop && last ? { frameReading: read } : {}),
      }),
    );
    if (!last) await clock.maybeYield();
  }
  let error: string | undefined;
  let rejected: string | undefined;
  let shown = withSidebar;
  for (const part of parts) {
    try {
      const reply = await clock.pause(part);
      clock.enter('badges');
      badges.judge(reply?.marks ?? {});
      if (!reply?.shown) shown = false;
      // Cases left out alone: the others were stored; staff learn which and why.
      if (reply?.rejected?.length) rejected = rejectedText(reply.rejected);
      relay.checkEpoch(reply?.epoch);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      shown = false;
    }
  }
  return { shown, error, rejected };
}

export interface Scanner {
  scan: () => Promise<void>;
  /** This frame's latest reading (or a child frame's, when this one has none). */
  current: () => PageReading | undefined;
  /** Show the current reading in the sidebar (one connected, or a frame's reading came). */
  showCurrent: () => Promise<void>;
  /** What a child frame of this tab read (top frame only). */
  setFrameReading: (reading: PageReading) => void;
  /** Hand the next reading to the ledger even if unchanged (the shop's policy changed: badges are judged again). */
  forget: () => void;
}

export function createScanner(deps: ScannerDeps): Scanner {
  const { ctx, isTop, badges, relay, sidebar, taught, onScanned } = deps;
  let reading: PageReading | undefined;
  let readAt = 0;
  let frameReading: PageReading | undefined;
  /** The reading last handed to the ledger, and last shown in the sidebar. */
  let lastSent: Handed | undefined;
  let lastShown: Handed | undefined;
  const current = () => (frameReading && (!reading || reading.cases.length === 0) ? frameReading : reading);
  const showCurrent = async (wait?: SliceClock['pause']) => {
    const r = current();
    if (r) await sidebar()?.show(r, readAt, wait);
  };

  const scan = async () => {
    const now = Date.now();
    const started = performance.now();
    const clock = startSliceClock();
    const { read, rows } = await readInSlices(clock, now, taught());
    if (ctx.isInvalid) return;
    // A shell whose list lives in an iframe is not a broken page: wait for the frame instead.
    if (
      isTop &&
      read.cases.length === 0 &&
      document.querySelector('iframe:not([src^="chrome-extension:"]):not([src^="moz-extension:"])')
    )
      read.missing = [];
    reading = read;
    readAt = now;
    // The page's data responses reach the background before the reading they fill (ledger or sidebar).
    relay.flush();
    // Rows the page re-rendered keep the badge they had at once; new cases wait for the background.
    clock.enter('badges');
    badges.show(rows, now);
    await clock.maybeYield();
    // The sidebar gets an unchanged reading only once (a newly opened one asks on connect). A
    // reading for the ledger reaches it through the background, so the page serialises it once;
    // any other (a page without cases) is shown from here.
    clock.enter('sidebar');
    const handed: Handed = { reading: read, dataVersion: relay.version };
    const toLedger = read.cases.length > 0 && !sameReading(lastSent, handed);
    const newToSidebar = isTop && !sameReading(lastShown, handed);
    if (newToSidebar && !toLedger) {
      lastShown = handed;
      await showCurrent(clock.pause);
    }
    await clock.maybeYield();
    clock.enter('ledger');
    if (toLedger) {
      lastSent = handed;
      const { shown, error, rejected } = await handToLedger(
        deps,
        read,
        now,
        clock,
        newToSidebar && !!sidebar()?.connected,
      );
      // The rows as they are now: the page may have re-rendered them while the ledger worked.
      badges.refresh(now);
      if (error) lastSent = undefined;
      const host = sidebar();
      if (!ctx.isInvalid && host) {
        // No sidebar listened at the background (its worker had restarted, say): show it from here.
        clock.enter('sidebar');
        if (shown) lastShown = handed;
        else if (host.connected && !sameReading(lastShown, handed)) {
          lastShown = handed;
          await showCurrent(clock.pause);
        }
        host.saved(error ?? rejected);
      }
    }
    onScanned?.(started, read.cases.length, clock.finish());
  };

  return {
    scan,
    current,
    showCurrent: () => showCurrent(),
    setFrameReading(r) {
      frameReading = r;
    },
    forget() {
      lastSent = undefined;
    },
  };
}
