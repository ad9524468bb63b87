/**
 * Reading the page: once it settles after a change (not on every mutation), in short slices so a
 * sale-day list never blocks it. Each scan reads the rows, badges them, shows the reading in the
 * sidebar and hands the cases to the ledger (through the background, which stores and judges them
 * and answers with their badges) — each only when the reading changed.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../../lib/messaging/client';
import type { SeenReply } from '../../lib/messaging/protocol';
import { createChangeTracker } from './changes';
import { readPageSteps } from '../../lib/page/read';
import type { TaughtLabels } from '../../lib/page/tokens';
import type { TaughtStatuses } from '../../lib/page/vocabulary';

/** What staff taught the reader for this host: page labels and status wordings. */
export interface Taught {
  labels: TaughtLabels;
  statuses: TaughtStatuses;
}
import { toChinaIso } from '../../lib/shared/china-time';
import type { CaseSnapshot, PageReading } from '../../lib/shared/types';
import type { RowBadges, Rows } from './badges';
import type { DataRelay } from './data-relay';
import { CASES_PER_MESSAGE, type SidebarHost } from './sidebar-host';
import { ourElements } from './ours';
import { createRedrawCheck, type RedrawCheck } from './same-page';
import { startSliceClock, type ScanTimes, type SliceClock } from './slices';
import { contextTimers, type Timers } from './timers';

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
 * `now` runs it at once. Never two at once: a change during a scan runs it again after. Its timers
 * leave nothing behind per read (timers.ts).
 */
export function scanScheduler(
  ctx: ContentScriptContext,
  scan: () => Promise<void>,
  timers: Timers = contextTimers(ctx),
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
    timers.requestIdleCallback(
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
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(settled, Math.max(0, Math.min(SETTLE_MS, firstChange + MAX_WAIT_MS - at)));
  };
  return { schedule, now: run };
}

/** Cases left out of the ledger, in words for staff: how many, and the first reason. */
export function rejectedText(rejected: { disputeId?: string; reason: string }[]): string {
  const first = rejected[0]!;
  return `${rejected.length} 个售后单未能保存 / ${rejected.length} case(s) could not be saved${first.disputeId ? `（${first.disputeId}）` : ''}: ${first.reason}`;
}

/** A reading and its rows. */
type Read = { read: PageReading; rows: Rows };

/** Read the page in slices; the reading and its rows. */
async function readInSlices(clock: SliceClock, now: number, taught: Taught): Promise<Read> {
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
  /** How many times the page has changed (its own mutations, counted by the content script's observer). */
  pageGeneration?: () => number;
  /** Read the page again soon: a read found a moved deadline that another read must confirm. */
  readAgain?: () => void;
  /** The longest stretch of work before giving the page its thread back (slices.ts SLICE_MS; tests: 0). */
  sliceMs?: number;
  /** What each scan cost (`npm run bench` reads it). */
  onScanned?: (started: number, cases: number, times: ScanTimes) => void;
}

/**
 * Hand the changed cases to the ledger. Each message is serialised here, on the page's thread: a
 * sale-day list goes in several, with the page given its thread back in between. A child frame's
 * whole reading goes with the last part, for the top frame's sidebar. Returns the error if the
 * ledger did not keep them.
 */
async function handToLedger(
  { doc, isTop, badges, relay }: ScannerDeps,
  read: PageReading,
  cases: CaseSnapshot[],
  now: number,
  clock: SliceClock,
): Promise<{ error?: string; rejected?: string }> {
  const source = { page: read.page, url: location.href, readAt: toChinaIso(now) };
  const parts: Promise<SeenReply>[] = [];
  for (let i = 0; i === 0 || i < cases.length; i += CASES_PER_MESSAGE) {
    const last = i + CASES_PER_MESSAGE >= cases.length;
    parts.push(
      send({
        type: 'cases/seen',
        doc,
        source,
        ...(read.shop ? { shop: read.shop } : {}),
        cases: cases.slice(i, i + CASES_PER_MESSAGE),
        ...(!isTop && last ? { frameReading: read } : {}),
      }),
    );
    if (!last) await clock.maybeYield();
  }
  let error: string | undefined;
  let rejected: string | undefined;
  for (const part of parts) {
    try {
      const reply = await clock.pause(part);
      clock.enter('badges');
      badges.judge(reply?.marks ?? {});
      // Cases left out alone: the others were stored; staff learn which and why.
      if (reply?.rejected?.length) rejected = rejectedText(reply.rejected);
      relay.checkEpoch(reply?.epoch);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  return { error, rejected };
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
  /**
   * In the page's own task, as it redraws (its mutations' callback): when it only redrew what the last
   * read saw, its new rows are badged now, before the page's next frame (one layout and paint for the
   * redraw and its badges, not a second one after it), and no read need be scheduled. Whether it did.
   * After one that failed it waits for the next scan, so a page busy changing pays for one try per read.
   */
  redrawNow: () => boolean;
}

/** Reads in a row the page may change under before it is read in one go (no slices). */
export const MAX_DISTURBED_READS = 2;

/**
 * Read the page in slices, but not while it re-renders: a read the page changed under may take a
 * row's id and its cells from two renders, and is dropped (undefined; the change asked for another
 * read already). A page that never holds still for a read in slices is read in one go, which it
 * cannot change under.
 */
function guardedReader(deps: ScannerDeps): (clock: SliceClock, now: number) => Promise<Read | undefined> {
  /** Reads in a row that the page changed under. */
  let disturbed = 0;
  return async (clock, now) => {
    const generation = deps.pageGeneration?.();
    const got = await readInSlices(clock, now, deps.taught());
    if (generation === deps.pageGeneration?.()) {
      disturbed = 0;
      return got;
    }
    if (++disturbed <= MAX_DISTURBED_READS) {
      deps.readAgain?.();
      return undefined;
    }
    disturbed = 0;
    return readInSlices(startSliceClock(undefined, Infinity), now, deps.taught());
  };
}

/** A shell whose list lives in an iframe (no cases, a frame of the page's): not a broken page, the frame is waited for. */
const frameShell = (read: PageReading) =>
  read.cases.length === 0 &&
  !!document.querySelector('iframe:not([src^="chrome-extension:"]):not([src^="moz-extension:"])');

/** Badge the rows of a page that only redrew what it showed at the last read (same-page.ts); whether it did. */
function redrawn(redraw: RedrawCheck, { badges, relay, taught }: ScannerDeps, now: number): boolean {
  const again = redraw.rowsAgain(now, taught(), relay.version);
  if (again) badges.show(again, now);
  return !!again;
}

/**
 * The page as last read (`redraw`), and `Scanner.redrawNow`: a redraw badged in the page's own task,
 * tried while no scan runs and once per scan at most when it fails; `scanning` runs a scan.
 */
function earlyRedraw(deps: ScannerDeps, cases: () => number | undefined) {
  /** The page as last read, to tell a redraw of it (same-page.ts). */
  const redraw = createRedrawCheck(document, ourElements);
  /** The last try found a changed page: no more until a scan has run. */
  let tried = false;
  /** A scan is under way (it will see the page's change itself). */
  let busy = false;
  return {
    redraw,
    async scanning(scan: () => Promise<void>) {
      tried = false;
      busy = true;
      try {
        await scan();
      } finally {
        busy = false;
      }
    },
    tryNow: (): boolean => {
      const read = cases();
      if (tried || busy || read === undefined || deps.ctx.isInvalid) return false;
      const started = performance.now();
      const clock = startSliceClock(undefined, deps.sliceMs);
      clock.enter('badges');
      const done = redrawn(redraw, deps, Date.now());
      tried = !done;
      if (done) deps.onScanned?.(started, read, clock.finish());
      return done;
    },
  };
}

/** What the sidebar shows of a reading besides its cases. */
const metaOf = (r: PageReading) =>
  JSON.stringify([r.page, r.era, r.platform, r.shop ?? null, r.stats, r.missing, r.unknownLabels ?? []]);

export function createScanner(deps: ScannerDeps): Scanner {
  const { ctx, isTop, badges, relay, sidebar, onScanned } = deps;
  let reading: PageReading | undefined;
  let readAt = 0;
  let frameReading: PageReading | undefined;
  /** What changed since the last read, case by case. */
  const changes = createChangeTracker();
  /** The data responses' version the last read was handed on with (a new one fills cases anew). */
  let dataVersion: number | undefined;
  let lastMeta: string | undefined;
  /** The sidebar (or, in a child frame, the top frame) has not been shown the latest change. */
  let unshown = true;
  const readGuarded = guardedReader(deps);
  const { redraw, ...early } = earlyRedraw(deps, () => reading?.cases.length);
  const current = () => (frameReading && (!reading || reading.cases.length === 0) ? frameReading : reading);
  const showCurrent = async (wait?: SliceClock['pause']) => {
    const r = current();
    if (r) await sidebar()?.show(r, readAt, wait);
  };

  const scan = async () => {
    const now = Date.now();
    const started = performance.now();
    const clock = startSliceClock(undefined, deps.sliceMs);
    // A page that redrew what it showed at the last read is not read (its rows are badged again),
    // nor one that changed under the read.
    const got = redrawn(redraw, deps, now) ? undefined : await readGuarded(clock, now);
    if (!got) {
      onScanned?.(started, reading?.cases.length ?? 0, clock.finish());
      return;
    }
    const { read, rows } = got;
    // What the page said, and where its rows were: in the same task as the read's last slice.
    redraw.remember(rows, now, deps.taught(), relay.version);
    if (ctx.isInvalid) return;
    if (isTop && frameShell(read)) read.missing = [];
    // The page's data responses reach the background before the reading they fill (ledger or sidebar).
    relay.flush();
    // Rows the page re-rendered keep the badge they had at once; new cases wait for the background.
    clock.enter('badges');
    badges.show(rows, now);
    await clock.maybeYield();
    // Only what changed in meaning: a case's countdown that moved with the clock is no change, and
    // a deadline that moved waits for a second read to agree (then the page is read again soon).
    clock.enter('ledger');
    const filled = relay.version !== dataVersion;
    const diff = changes.diff(read.cases, now, filled);
    dataVersion = relay.version;
    const meta = metaOf(read);
    if (!diff.sameList || filled || meta !== lastMeta) unshown = true;
    lastMeta = meta;
    reading = read;
    readAt = now;
    if (diff.unconfirmed) {
      redraw.forget();
      deps.readAgain?.();
    }
    // The sidebar is shown a reading only when something in it changed (a newly opened one asks on connect).
    clock.enter('sidebar');
    if (isTop && unshown) {
      unshown = false;
      await showCurrent(clock.pause);
    }
    await clock.maybeYield();
    clock.enter('ledger');
    const toFrame = !isTop && unshown;
    if (diff.changed.length || toFrame) {
      unshown = false;
      const { error, rejected } = await handToLedger(deps, read, diff.changed, now, clock);
      // The rows as they are now: the page may have re-rendered them while the ledger worked.
      badges.refresh(now);
      if (error) {
        changes.forget();
        unshown = true;
      }
      const host = sidebar();
      if (!ctx.isInvalid && host) host.saved(error ?? rejected);
    }
    onScanned?.(started, read.cases.length, clock.finish());
  };

  return {
    scan: () => early.scanning(scan),
    current,
    showCurrent: () => showCurrent(),
    setFrameReading(r) {
      frameReading = r;
    },
    forget: () => [changes, redraw].forEach((x) => x.forget()),
    redrawNow: early.tryNow,
  };
}
