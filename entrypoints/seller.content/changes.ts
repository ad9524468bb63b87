/**
 * What a read changed, case by case: only cases whose meaning changed go to the ledger (and so to
 * team sync). A list row's times and countdown are still the text shown (`unparsed`), so a countdown
 * that moved with the clock (还剩3时20分 → 还剩3时19分) is compared by the deadline it names, not by
 * its text. A deadline that moved is handed on only once two reads agree on it: one read of a page
 * caught mid-render must not record a deadline change that never happened.
 */
import { oneCountdown, parseChinaTime } from '../../lib/page/parse';
import { SEEN_REFRESH_MS, sameCase, sameDeadline } from '../../lib/shared/case-fields';
import { caseKey } from '../../lib/shared/case-key';
import type { CaseSnapshot } from '../../lib/shared/types';

/** A case as read, and when. */
export interface ReadCase {
  snap: CaseSnapshot;
  readAt: number;
  /** Its countdown worked out (once: a read compares every row with it). */
  deadline?: ReturnType<typeof oneCountdown>;
  /** The countdown texts of the latest read that found it the same (the page shows them until it ticks). */
  sameTexts?: readonly string[];
}

const sameTexts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * How `next` (read at `readAt`) differs from `prev` in meaning: 'same'; 'deadline' when only the
 * deadline its countdown names moved (beyond the page's precision); 'changed' for anything else.
 */
export function readChange(prev: ReadCase, next: CaseSnapshot, readAt: number): 'same' | 'changed' | 'deadline' {
  const a = prev.snap;
  if (!sameCase(a, next, true)) return 'changed';
  const x = a.unparsed;
  const y = next.unparsed;
  if (x === y) return 'same';
  // Times as shown: the same text, or texts naming the same instant (今天 10:00 read on either side of nothing).
  const tx = x?.times ?? {};
  const ty = y?.times ?? {};
  for (const f of ['appliedAt', 'paidAt', 'shippedAt', 'signedAt'] as const) {
    const p = tx[f];
    const q = ty[f];
    if (p === q) continue;
    if (p === undefined || q === undefined || parseChinaTime(p, prev.readAt) !== parseChinaTime(q, readAt))
      return 'changed';
  }
  const cx = x?.countdown ?? [];
  const cy = y?.countdown ?? [];
  if (sameTexts(cx, cy) || (prev.sameTexts && sameTexts(prev.sameTexts, cy))) return 'same';
  const p = (prev.deadline ??= oneCountdown(cx, prev.readAt));
  const q = oneCountdown(cy, readAt);
  if (!!p.disagree !== !!q.disagree) return 'changed';
  if (!p.countdown || !q.countdown) return p.countdown || q.countdown ? 'changed' : 'same';
  if (p.countdown.action !== q.countdown.action) return 'changed';
  return sameDeadline(Date.parse(p.countdown.at), p.countdown.text, Date.parse(q.countdown.at), q.countdown.text)
    ? 'same'
    : 'deadline';
}

/** What one read changed (an unchanged case last handed on SEEN_REFRESH_MS ago is handed on again). */
export interface ReadDiff {
  /** The cases to hand to the ledger: new ones, changed ones, and deadlines two reads agree on. */
  changed: CaseSnapshot[];
  /** Cases whose deadline moved in this read alone: held until another read agrees. */
  unconfirmed: number;
  /** Whether the page shows the cases it showed (the same ones, in the same order, none changed). */
  sameList: boolean;
}

export interface ChangeTracker {
  /**
   * Compare a read with the last; `everything`: hand on every case (the data responses changed), but
   * a moved deadline still only once two reads agree.
   */
  diff: (cases: readonly CaseSnapshot[], readAt: number, everything?: boolean) => ReadDiff;
  /** Hand every case on with the next read (the policy changed, or the ledger did not keep the last). */
  forget: () => void;
}

/**
 * The cases of the last read, as last handed on (only those: a case that leaves the page and comes
 * back is handed on again, and nothing grows with the cases a tab has ever shown).
 */
export function createChangeTracker(): ChangeTracker {
  let kept = new Map<string, ReadCase & { pending?: ReadCase }>();
  let order: string[] = [];
  return {
    diff(cases, readAt, everything = false) {
      const next = new Map<string, ReadCase & { pending?: ReadCase }>();
      const nextOrder: string[] = [];
      const changed: CaseSnapshot[] = [];
      let unconfirmed = 0;
      for (const snap of cases) {
        const key = caseKey(snap);
        nextOrder.push(key);
        const prev = kept.get(key);
        const change = prev ? readChange(prev, snap, readAt) : 'changed';
        if (change === 'same' && !everything && readAt - prev!.readAt < SEEN_REFRESH_MS) {
          const { pending: _, ...same } = prev!;
          next.set(key, { ...same, sameTexts: snap.unparsed?.countdown ?? [] });
        } else if (change !== 'deadline') {
          next.set(key, { snap, readAt });
          changed.push(snap);
        } else if (prev!.pending && readChange(prev!.pending, snap, readAt) === 'same') {
          // A second read agrees on the new deadline.
          next.set(key, { snap, readAt });
          changed.push(snap);
        } else {
          next.set(key, { ...prev!, pending: { snap, readAt } });
          unconfirmed++;
        }
      }
      const sameList =
        changed.length === 0 && nextOrder.length === order.length && nextOrder.every((k, i) => k === order[i]);
      kept = next;
      order = nextOrder;
      return { changed, unconfirmed, sameList };
    },
    forget() {
      kept = new Map();
      order = [];
    },
  };
}
