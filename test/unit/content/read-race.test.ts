// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://myseller.taobao.com/home.htm/trade-platform/refund-list" }
// A read racing a re-render: the page redraws its list (each row element now shows the next case)
// between the slices of one read, at every point a read gives the page its thread back. Every case
// handed on carries its own row's facts, or the read is dropped and done again. (Without the guard,
// the re-render at some of these points makes cases take other rows' facts: checked when written.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../lib/messaging/protocol';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { MAX_DISTURBED_READS } from '../../../entrypoints/seller.content/scan';
import { stubScanner } from './stub-scanner';
import { loadFixture } from '../fixtures';

const sent: Message[] = [];
vi.mock('../../../lib/messaging/client', () => ({
  send: (m: Message) => {
    sent.push(m);
    return Promise.resolve(m.type === 'cases/seen' ? { saved: 0, created: 0, marks: {}, shown: false } : {});
  },
}));

const handedOn = () => sent.flatMap((m) => (m.type === 'cases/seen' ? m.cases : []));
/** A case's own facts, as its row shows them. */
const facts = (c: CaseSnapshot) =>
  JSON.stringify([c.orderId, c.reason, c.refundFen, c.status, c.item, c.unparsed?.countdown, c.unparsed?.times]);

const html = loadFixture('refund-list.taobao')
  .html.replace(/^[\s\S]*?<html[^>]*>/, '')
  .replace(/<\/html>\s*$/, '');
/**
 * The page re-renders its list: each row element now shows the next row's case (the last, the
 * first's); of the first `n` rows only, when given.
 */
function rotateRows(n?: number) {
  const rows = [...document.querySelectorAll('[class*="refund-list_row__"]')].slice(0, n);
  const inner = rows.map((r) => r.innerHTML);
  rows.forEach((r, i) => (r.innerHTML = inner[(i + 1) % rows.length]!));
}

function setup(guarded: boolean) {
  let generation = 0;
  const observer = new MutationObserver(() => generation++);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  let again = 0;
  const scanner = stubScanner({
    sliceMs: 0,
    readAgain: () => again++,
    ...(guarded ? { pageGeneration: () => generation } : {}),
  });
  return { scanner, again: () => again, stop: () => observer.disconnect() };
}

/** Run a scan, the page re-rendering when the scan gives it its thread back the `k`-th time. */
async function scanRacing(scan: () => Promise<void>, k: number, n?: number): Promise<boolean> {
  const real = globalThis.setTimeout;
  let yields = 0;
  let raced = false;
  const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation((fn, ms) => {
    if (++yields === k) {
      rotateRows(n);
      raced = true;
    }
    return real(fn, ms);
  });
  try {
    await scan();
  } finally {
    spy.mockRestore();
  }
  // Let the observer's records arrive before the next read.
  await new Promise((r) => real(r, 0));
  return raced;
}

describe('a read racing a re-render', () => {
  let reference: Map<string, string>;
  beforeEach(async () => {
    document.documentElement.innerHTML = html;
    sent.length = 0;
    const { scanner, stop } = setup(true);
    await scanner.scan();
    stop();
    reference = new Map(handedOn().map((c) => [c.disputeId, facts(c)]));
    sent.length = 0;
  });
  afterEach(() => vi.restoreAllMocks());

  /** The cases handed on whose facts are another case's. */
  const mixed = () => handedOn().filter((c) => reference.get(c.disputeId) !== facts(c));

  it('at every point of the read: each case with its own row’s facts, or no reading; the next read hands on all', async () => {
    expect(reference.size).toBe(10);
    let races = 0;
    for (let k = 1; ; k++) {
      document.documentElement.innerHTML = html;
      sent.length = 0;
      const { scanner, again, stop } = setup(true);
      const raced = await scanRacing(scanner.scan, k);
      if (!raced) {
        stop();
        break;
      }
      races++;
      expect(mixed()).toEqual([]);
      if (handedOn().length === 0) expect(again()).toBe(1);
      // The page holds still now: the next read hands on every case, each with its own facts.
      await scanner.scan();
      stop();
      expect(handedOn()).toHaveLength(10);
      expect(mixed()).toEqual([]);
    }
    expect(races).toBeGreaterThan(3);
  });

  it('a page that re-renders under every read in slices is read in one go, each case with its own facts', async () => {
    const { scanner, stop } = setup(true);
    // The first four rows re-render during every read, at a point where an unguarded read mixes cases.
    for (let i = 0; i < MAX_DISTURBED_READS; i++) await scanRacing(scanner.scan, 10, 4);
    expect(handedOn()).toEqual([]);
    await scanRacing(scanner.scan, 10, 4);
    stop();
    expect(mixed()).toEqual([]);
    expect(handedOn()).toHaveLength(10);
  });
});
