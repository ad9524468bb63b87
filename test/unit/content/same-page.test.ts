// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://myseller.taobao.com/home.htm/trade-platform/refund-list" }
// A page that redraws the same rows (new elements, the countdowns a minute on) is not read again:
// its rows are found again for their badges. Anything else it says differently, and it is read.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../lib/messaging/protocol';
import type { Rows } from '../../../entrypoints/seller.content/badges';
import { FULL_READ_MS, remember, rowsAgain } from '../../../entrypoints/seller.content/same-page';
import { stubScanner } from './stub-scanner';
import { loadFixture } from '../fixtures';

const sent: Message[] = [];
vi.mock('../../../lib/messaging/client', () => ({
  send: (m: Message) => {
    sent.push(m);
    return Promise.resolve(m.type === 'cases/seen' ? { saved: 0, created: 0, marks: {}, shown: false } : {});
  },
}));

const html = loadFixture('refund-list.taobao')
  .html.replace(/^[\s\S]*?<html[^>]*>/, '')
  .replace(/<\/html>\s*$/, '');
/** The page redraws its list with new elements; `edit` changes the new markup first. */
function redraw(edit: (h: string) => string = (h) => h) {
  document.body.innerHTML = edit(document.body.innerHTML);
}

describe('a page that only redrew what it showed', () => {
  let shown: Rows[];
  const scanner = () =>
    stubScanner({
      badges: { show: (rows) => shown.push(rows), refresh: () => {}, judge: () => {}, tick: () => {}, stop: () => {} },
    });
  beforeEach(() => {
    document.documentElement.innerHTML = html;
    sent.length = 0;
    shown = [];
  });
  const handed = () => sent.filter((m) => m.type === 'cases/seen').length;

  it('is not read again: its new rows get their badges, each by its own id', async () => {
    const s = scanner();
    await s.scan();
    expect(handed()).toBe(1);
    const first = [...shown[0]!];
    const reading = s.current();
    // The same rows drawn anew, every countdown a minute on.
    redraw((h) =>
      h.replace(/还剩(\d+)时(\d+)分/g, (_m, h1: string, m1: string) => `还剩${h1}时${Math.max(0, +m1 - 1)}分`),
    );
    await s.scan();
    const again = [...shown[1]!];
    expect(again.map(([id]) => id)).toEqual(first.map(([id]) => id));
    for (const [id, row] of again) {
      expect(row.root.isConnected && row.root.contains(row.anchor)).toBe(true);
      expect(row.anchor.textContent).toContain(id);
    }
    expect(first.every(([, row]) => !row.root.isConnected)).toBe(true);
    // Not read: no new reading, nothing handed on.
    expect(s.current()).toBe(reading);
    expect(handed()).toBe(1);
  });

  it('is badged in its own task as it redraws (before its next frame); a page that changed waits for its read', async () => {
    const s = scanner();
    expect(s.redrawNow()).toBe(false); // nothing read yet
    await s.scan();
    redraw();
    expect(s.redrawNow()).toBe(true);
    expect(shown).toHaveLength(2);
    expect([...shown[1]!].every(([id, row]) => row.root.isConnected && row.anchor.textContent?.includes(id))).toBe(
      true,
    );
    // Something else changed: no badges from the last read's places, and no second try until it is read.
    redraw((h) => h.replace('拍错/多拍/不想要', '质量问题'));
    expect(s.redrawNow()).toBe(false);
    redraw();
    expect(s.redrawNow()).toBe(false);
    expect(shown).toHaveLength(2);
    await s.scan();
    expect(handed()).toBe(2);
    redraw();
    expect(s.redrawNow()).toBe(true);
    expect(handed()).toBe(2);
  });

  it('is read when anything else it says changed, when rows moved, and at least every FULL_READ_MS', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const s = scanner();
      /** Scan; whether the page was read (a read makes a new reading). */
      const read = async () => {
        const before = s.current();
        await s.scan();
        return s.current() !== before;
      };
      expect(await read()).toBe(true);
      redraw();
      expect(await read()).toBe(false);
      redraw((h) => h.replace('拍错/多拍/不想要', '质量问题'));
      expect(await read()).toBe(true);
      expect(handed()).toBe(2);
      // Two rows swap places: the same text in another order.
      const rows = [...document.querySelectorAll('[class*="refund-list_row__"]')];
      rows[0]!.before(rows[1]!);
      expect(await read()).toBe(true);
      redraw();
      expect(await read()).toBe(false);
      vi.setSystemTime(Date.now() + FULL_READ_MS);
      redraw();
      expect(await read()).toBe(true);
      expect(handed()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('where each row was, on a long list', () => {
  /** A list of `n` sibling rows, each with its id in a span: the shape of a long 千牛 list. */
  function list(n: number) {
    document.body.innerHTML = `<main><div class="list">${Array.from(
      { length: n },
      (_, i) => `<div class="row"><p>退款编号：<span>${287140000000000 + i}</span></p><p>还剩1天</p></div>`,
    ).join('')}</div></main>`;
    return [...document.querySelectorAll('.row')].map((root): [string, { root: Element; anchor: Element }] => [
      root.querySelector('span')!.textContent,
      { root, anchor: root.querySelector('span')! },
    ]);
  }

  it('finds every row of a thousand again, with elements of ours among the rows and beside the ids', () => {
    const rows = list(1000);
    const ours = new Set<Element>();
    // Ours before the read (a badge beside an id, an element of ours between two rows) are left out of the places.
    for (const [, { root, anchor }] of rows.filter((_, i) => i % 7 === 0)) {
      const badge = document.createElement('aftersales-radar-badge');
      anchor.after(badge);
      ours.add(badge);
      const between = document.createElement('div');
      root.before(between);
      ours.add(between);
    }
    const memo = remember(document, 'text', rows, ours)!;
    expect(memo.rows).toHaveLength(1000);
    // Ours gone, the page's rows where they were: each found again, by its own id.
    for (const el of ours) el.remove();
    const again = [...rowsAgain(document, memo, 'text', new Set())!];
    expect(again.map(([id]) => id)).toEqual(rows.map(([id]) => id));
    again.forEach(([, place], i) => {
      expect(place.root).toBe(rows[i]![1].root);
      expect(place.anchor).toBe(rows[i]![1].anchor);
    });
  });

  it('does not find them again once a row moved', () => {
    const rows = list(50);
    const memo = remember(document, 'text', rows, new Set())!;
    const list0 = document.querySelector('.list')!;
    list0.append(list0.firstElementChild!);
    expect(rowsAgain(document, memo, 'text', new Set())).toBeUndefined();
  });
});
