// @vitest-environment happy-dom
// One oversized field never loses a page: text is cut with a visible … before it travels, history
// keeps its most recent entries, and every case of the reading passes the message schema.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ReadingSchema } from '../../../lib/messaging/protocol';
import { countdownsIn, parseMoneyFen } from '../../../lib/page/parse';
import { readPage, readPageSteps } from '../../../lib/page/read';
import { fixtureDocument } from '../fixtures';
import { CASES, detailUrl, LIST_URL, NOW, PLAIN, render, type CaseSpec } from './families';

/** The reading as the content script sends it: times and countdowns still as shown. */
function pageReading(html: string, url: string) {
  const steps = readPageSteps(fixtureDocument(`<html><body>${html}</body></html>`), { url, now: NOW });
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

const many = (n: number): CaseSpec[] =>
  Array.from({ length: n }, (_, i) => ({ ...CASES[i % CASES.length]!, id: String(3039485761203948001n + BigInt(i)) }));

describe('limits', () => {
  it('a 512-character reason on one row of 30: every case is read, the reason cut with …, and the reading travels', () => {
    const cases = many(30);
    cases[7] = { ...cases[7]!, reason: '质'.repeat(512) };
    const html = render('table', cases, PLAIN);
    const reading = pageReading(html, LIST_URL);
    expect(reading.cases).toHaveLength(30);
    const cut = reading.cases[7]!.reason!;
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut.endsWith('…')).toBe(true);
    const parsed = v.safeParse(ReadingSchema, reading);
    expect(parsed.success, parsed.issues?.map((i) => `${v.getDotPath(i)} ${i.message}`).join('; ')).toBe(true);
  });

  it('a 100,000-character nick, reason and title still give a reading that travels', () => {
    for (const field of ['buyer', 'reason', 'item'] as const) {
      const reading = pageReading(render('cards', CASES, PLAIN, { [field]: 'x'.repeat(100_000) }), LIST_URL);
      expect(reading.cases.map((c) => c.disputeId)).toEqual(CASES.map((c) => c.id));
      const parsed = v.safeParse(ReadingSchema, reading);
      expect(parsed.success, `${field}: ${parsed.issues?.[0]?.message}`).toBe(true);
    }
  });

  it('a detail page with 1,000 history entries keeps the 200 most recent, and travels', () => {
    const spec = CASES[0]!;
    const entries = Array.from({ length: 1000 }, (_, i) => {
      const t = new Date(Date.parse('2026-11-01T00:00:00+08:00') + i * 60_000 + 8 * 3600_000)
        .toISOString()
        .slice(0, 19)
        .replace('T', ' ');
      return `<li><span>${t}</span><b>买家</b> 留言第${i}条</li>`;
    }).join('');
    const html = `${render('detail-dl', [spec], PLAIN)}<h3>协商历史</h3><ul>${entries}</ul>`;
    const reading = readPage(fixtureDocument(`<html><body>${html}</body></html>`), { url: detailUrl(spec), now: NOW });
    const history = reading.cases[0]!.history!;
    expect(history).toHaveLength(200);
    expect(history.at(-1)!.text).toBe('留言第999条');
    expect(v.safeParse(ReadingSchema, reading).success).toBe(true);
  });

  it('a 100,000-character 1天1天… description is read in linear time (no backtracking)', () => {
    const text = '还剩' + '1天'.repeat(50_000);
    // Bounded input and bounded repetition: this returns at once instead of freezing the page.
    expect(countdownsIn(text, NOW)).toEqual([]);
    const reading = pageReading(render('detail-dl', [CASES[0]!], PLAIN, { reason: text }), detailUrl(CASES[0]!));
    expect(reading.cases[0]!.pageDeadline?.text).toBe(CASES[0]!.countdown);
  });
});

describe('impossible values are missing, never cut to size', () => {
  it('money: whole, with its sign, within bounds', () => {
    expect(parseMoneyFen('¥99,999.00')).toBe(9_999_900);
    expect(parseMoneyFen('￥１２３.４５')).toBe(12345);
    expect(parseMoneyFen('¥99999999999.00')).toBeUndefined();
    expect(parseMoneyFen('-¥50.00')).toBeUndefined();
    expect(parseMoneyFen('¥-50.00')).toBeUndefined();
    expect(parseMoneyFen('¥1,2,3')).toBeUndefined();
  });

  it('countdowns: longer than the longest window, or with a clock part out of range, are none', () => {
    expect(countdownsIn('还剩999天99时99分', NOW)).toEqual([]);
    expect(countdownsIn('还剩16天', NOW)).toEqual([]);
    expect(countdownsIn('还剩1天25时', NOW)).toEqual([]);
    expect(countdownsIn('还剩14天23时59分', NOW)).toHaveLength(1);
  });

  it('an applied time in 2099 or 1970 is missing, not a deadline days away', () => {
    for (const when of ['2099-01-01 00:00:00', '1970-01-01 08:00:00']) {
      const html = render('cards', [CASES[0]!], PLAIN).replace(/2026-11-21 16:40:00/, when);
      const c = readPage(fixtureDocument(`<html><body>${html}</body></html>`), { url: LIST_URL, now: NOW }).cases[0]!;
      expect(c.appliedAt, when).toBeUndefined();
    }
  });

  it('a refund amount of ¥99999999999.00 is missing with a note, not ¥999,999,999.00', () => {
    const html = render('cards', [CASES[0]!], PLAIN).replace('¥399.00', '¥99999999999.00');
    const c = readPage(fixtureDocument(`<html><body>${html}</body></html>`), { url: LIST_URL, now: NOW }).cases[0]!;
    expect(c.refundFen).toBeUndefined();
    expect(c.drift?.join()).toMatch(/退款金额/);
  });
});

describe("identity from the page's own keys", () => {
  it("a detail page files the case under its address's id, and notes a different id in the body", () => {
    const spec = CASES[0]!;
    const html = render('detail-dl', [{ ...spec, id: '1111111111111111111' }], PLAIN);
    const r = readPage(fixtureDocument(`<html><body>${html}</body></html>`), { url: detailUrl(spec), now: NOW });
    expect(r.cases.map((c) => c.disputeId)).toEqual([spec.id]);
    expect(r.cases[0]!.drift?.join()).toMatch(/以地址为准/);
  });

  it('two rows with one id are one case, with the most urgent countdown and a note', () => {
    const urgent = { ...CASES[1]!, id: CASES[0]!.id, status: CASES[0]!.status, countdown: '还剩0天0时30分' };
    const r = readPage(fixtureDocument(`<html><body>${render('table', [CASES[0]!, urgent], PLAIN)}</body></html>`), {
      url: LIST_URL,
      now: NOW,
    });
    expect(r.cases).toHaveLength(1);
    expect(r.cases[0]!.pageDeadline?.text).toBe('还剩0天0时30分');
    expect(r.cases[0]!.drift?.join()).toMatch(/2 行/);
  });

  it('two rows with one id as the only rows still read as one row each, not the whole page', () => {
    const rows = [CASES[0]!, { ...CASES[0]!, countdown: '还剩0天0时30分' }];
    const doc = fixtureDocument(`<html><body>${render('cards', rows, PLAIN)}</body></html>`);
    const regions: [string, { root: Element; anchor: Element }][] = [];
    const r = readPage(doc, { url: LIST_URL, now: NOW, rows: regions });
    expect(r.cases).toHaveLength(1);
    // Both rows are the case's (each gets its badge), and neither is the whole page.
    expect(regions.map(([id]) => id)).toEqual([CASES[0]!.id, CASES[0]!.id]);
    expect(regions[0]![1].root).not.toBe(regions[1]![1].root);
    expect(regions[0]![1].root.parentElement!.childElementCount).toBe(2);
  });
});

describe('our own elements, by reference', () => {
  it('a badge of ours inside a grid row or a table row is no cell: every row still reads', () => {
    for (const family of ['div-grid', 'table'] as const) {
      const doc = fixtureDocument(`<html><body>${render(family, CASES, PLAIN)}</body></html>`);
      const ours = new Set<Element>();
      for (const cell of doc.querySelectorAll('tbody tr > td:first-child, div > div > div:first-child')) {
        const badge = doc.createElement('aftersales-radar-badge');
        cell.after(badge);
        ours.add(badge);
      }
      const r = readPage(doc, { url: LIST_URL, now: NOW, skip: ours });
      expect(
        r.cases.map((c) => c.disputeId),
        family,
      ).toEqual(CASES.map((c) => c.id));
    }
  });

  it('a page element that imitates ours is page content like any other', () => {
    const html = render('cards', CASES, PLAIN).replace(
      '</div></div>',
      '</div><aftersales-radar-badge>小二已介入</aftersales-radar-badge></div>',
    );
    const c = readPage(fixtureDocument(`<html><body>${html}</body></html>`), {
      url: LIST_URL,
      now: NOW,
      skip: new Set(),
    }).cases[0]!;
    expect(c.flags.platformIntervened).toBe(true);
  });
});

describe('a detail page still loading', () => {
  it('names no case from its address alone until the page shows the case', () => {
    const spec = CASES[0]!;
    const r = readPage(fixtureDocument('<html><body><div>加载中…</div></body></html>'), {
      url: detailUrl(spec),
      now: NOW,
    });
    expect(r.cases).toEqual([]);
    expect(r.missing).toContain('退款编号');
  });
});
