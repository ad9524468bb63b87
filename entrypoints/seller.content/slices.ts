/**
 * Work in short slices: a scan of a sale-day list gives the page its main thread back every
 * SLICE_MS, and while it awaits the background. The clock also says where the script time went
 * (in all, per phase, and the longest stretch without a pause), which `npm run bench` reads.
 */

/** Longest stretch of work before giving the page its main thread back. */
export const SLICE_MS = 12;

export type Phase = 'read' | 'badges' | 'sidebar' | 'ledger';

export interface ScanTimes {
  /** Script time in all. */
  busy: number;
  /** The longest stretch without giving the page its thread back, and the phase it ended in. */
  longest: number;
  longestIn: Phase;
  phases: Record<Phase, number>;
}

export interface SliceClock {
  /** Charge the time from here on to `phase`. */
  enter: (phase: Phase) => void;
  /** Give the page its thread back until `p` settles (a timer tick when nothing is awaited). */
  pause: <T>(p?: Promise<T>) => Promise<T | undefined>;
  /** Pause if this slice has run SLICE_MS already. */
  maybeYield: () => Promise<void>;
  /** End the last slice; what the scan cost. */
  finish: () => ScanTimes;
}

export function startSliceClock(now: () => number = () => performance.now(), sliceMs = SLICE_MS): SliceClock {
  const started = now();
  const times: ScanTimes = {
    busy: 0,
    longest: 0,
    longestIn: 'read',
    phases: { read: 0, badges: 0, sidebar: 0, ledger: 0 },
  };
  let phase: Phase = 'read';
  let phaseAt = started;
  let slice = started;
  const charge = () => {
    const t = now();
    times.phases[phase] += t - phaseAt;
    phaseAt = t;
    return t;
  };
  const endSlice = () => {
    const t = charge() - slice;
    times.busy += t;
    if (t > times.longest) [times.longest, times.longestIn] = [t, phase];
  };
  const pause = async <T>(p?: Promise<T>): Promise<T | undefined> => {
    endSlice();
    try {
      return await (p ?? new Promise<undefined>((r) => setTimeout(r, 0)));
    } finally {
      slice = phaseAt = now();
    }
  };
  return {
    enter(next) {
      charge();
      phase = next;
    },
    pause,
    async maybeYield() {
      if (now() - slice >= sliceMs) await pause();
    },
    finish() {
      endSlice();
      return times;
    },
  };
}
