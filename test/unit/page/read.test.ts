// @vitest-environment happy-dom
import { assert, describe, expect, it } from 'vitest';
import { maskBuyer, resolveCase } from '../../../lib/page/parse';
import { readPage, readPageSteps } from '../../../lib/page/read';
import { toChinaIso } from '../../../lib/shared/china-time';
import { FIXTURE_NAMES, fixtureDocument, loadFixture, type DemoCase } from '../fixtures';

describe('readPage on every demo page kind', () => {
  it('workbench.taobao: its due-soon list read as cases, each with the countdown its item shows', () => {
    const f = loadFixture('workbench.taobao');
    const doc = fixtureDocument(f.html);
    const linked = [...doc.querySelectorAll('a[href*="disputeId="]')].map((a) => ({
      id: /disputeId=(\d+)/.exec(a.getAttribute('href')!)![1],
      // The item's type word names the kind (the demo links a postage bill to the refund detail).
      kind: a.textContent.startsWith('换货') ? 'exchange' : a.textContent.startsWith('邮费') ? 'postage' : 'refund',
    }));
    expect(linked.length).toBeGreaterThan(0);
    const reading = readPage(doc, { url: f.url, now: f.capturedAt });
    expect(reading.missing).toEqual([]);
    expect(reading.cases.map((c) => ({ id: c.disputeId, kind: c.kind }))).toEqual(linked);
    for (const c of reading.cases) {
      expect(c.status).toBe('UNKNOWN');
      expect(Date.parse(c.pageDeadline!.at) - f.capturedAt).toBeLessThanOrEqual(24 * 3_600_000);
    }
  });

  it.each(FIXTURE_NAMES.filter((n) => !n.startsWith('workbench')))(
    '%s: reads every case the page shows, as the backend holds it',
    (name) => {
      const f = loadFixture(name);
      const reading = readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt });
      expect(reading.page).toBe(name.split('.')[0]!.replace('refund2-', 'refund-'));
      expect(reading.platform).toBe(name.split('.')[1]);
      expect(reading.missing).toEqual([]);
      expect(reading.cases.map((c) => c.disputeId)).toEqual(f.truth.map((c) => c.disputeId));
      reading.cases.forEach((c, i) => {
        const t = f.truth[i]!;
        expect(c.platform).toBe(t.platform);
        expect(c.kind).toBe(t.kind);
        expect(c.status).toBe(t.status);
        expect(c.orderId).toBe(t.orderId);
        expect(c.buyer).toBe(maskBuyer(t.buyerNick));
        if (t.kind === 'refund') expect(c.refundFen).toBe(t.refundFen);
        if (t.kind === 'postage') expect(c.postageFen).toBe(t.postageFen);
        // (The old refund2 list shows no flag words.)
        if (name.includes('-list') && !name.startsWith('refund2'))
          expect(Object.keys(c.flags).sort(), `${t.disputeId} flags`).toEqual(
            Object.keys(t.flags)
              .filter((k) => t.flags[k])
              .sort(),
          );
        if (!name.startsWith('refund2-detail')) expect(c.appliedAt).toBe(toChinaIso(t.appliedAt));
        if (t.deadlineAt) {
          expect(c.pageDeadline, `${t.disputeId} countdown`).toBeDefined();
          expect(Math.abs(Date.parse(c.pageDeadline!.at) - t.deadlineAt)).toBeLessThanOrEqual(60_000);
        } else {
          expect(c.pageDeadline).toBeUndefined();
        }
      });
    },
  );

  it.each(FIXTURE_NAMES.filter((n) => n.includes('-list')))(
    "%s: the page's own reading leaves a row's times and countdown as shown, for the background to work out",
    (name) => {
      const f = loadFixture(name);
      const steps = readPageSteps(fixtureDocument(f.html), { url: f.url, now: f.capturedAt });
      let r = steps.next();
      while (!r.done) r = steps.next();
      const onPage = r.value.cases;
      expect(onPage.some((c) => c.unparsed?.times?.appliedAt)).toBe(true);
      // (The old refund2 pages embed their data, which may fill the times on the page.)
      if (!name.startsWith('refund2'))
        expect(onPage.every((c) => c.appliedAt === undefined && c.pageDeadline === undefined)).toBe(true);
      expect(onPage.map((c) => resolveCase(c, f.capturedAt))).toEqual(
        readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt }).cases,
      );
    },
  );

  it('takes only flag words as flags, not a piece that names something built into every object', () => {
    const f = loadFixture('refund-list.taobao');
    const doc = fixtureDocument(f.html);
    const id = f.truth[0]!.disputeId;
    const idEl = [...doc.querySelectorAll('span')].find((s) => s.textContent === id)!;
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
      idEl.parentElement!.parentElement!.append(Object.assign(doc.createElement('span'), { textContent: word }));
    const c = readPage(doc, { url: f.url, now: f.capturedAt }).cases.find((x) => x.disputeId === id)!;
    expect(Object.keys(c.flags).sort()).toEqual(
      Object.keys(f.truth[0]!.flags)
        .filter((k) => f.truth[0]!.flags[k])
        .sort(),
    );
  });

  it.each(['refund-detail.taobao', 'refund-list.taobao'])(
    '%s: page text naming something built into every object is no heading or column',
    (name) => {
      const f = loadFixture(name);
      const clean = readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt });
      const doc = fixtureDocument(f.html);
      // Pieces of their own before the cases (after them, a detail page's would join its last section).
      for (const word of ['constructor', 'toString', '__proto__'])
        doc.body.prepend(Object.assign(doc.createElement('p'), { textContent: word }));
      expect(readPage(doc, { url: f.url, now: f.capturedAt })).toEqual(clean);
    },
  );

  it('reads the workbench stat cards', () => {
    const f = loadFixture('workbench.taobao');
    const reading = readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt });
    expect(Object.keys(reading.stats)).toEqual(
      expect.arrayContaining(['24小时内待处理', '待处理售后', '小二已介入', '超时同意退款']),
    );
    expect(Object.values(reading.stats).every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
  });

  it("reads the province a return is sent from (退货发货地), in the logistics section or the page's main text", () => {
    const f = loadFixture('refund-detail.tmall');
    const pair = /(<div class="[^"]*"><span class="[^"]*">物流公司：<\/span><span class="[^"]*">[^<]*<\/span><\/div>)/;
    assert(pair.test(f.html), 'the fixture shows its return logistics');
    const html = f.html.replace(
      pair,
      (m) => m + m.replace('物流公司', '退货发货地').replace(/>[^<>]*<\/span><\/div>$/, '>山东省济南市</span></div>'),
    );
    const c = readPage(fixtureDocument(html), { url: f.url, now: f.capturedAt }).cases[0]!;
    expect(c.returnLogistics?.fromProvince).toBe('山东');
    const old = loadFixture('refund2-detail.tmall');
    const said = old.html.replace(/(<p>原因：[^<]*<\/p>)/, '$1<p>退货发货地：新疆维吾尔自治区乌鲁木齐市</p>');
    expect(
      readPage(fixtureDocument(said), { url: old.url, now: old.capturedAt }).cases[0]!.returnLogistics,
    ).toMatchObject({ fromProvince: '新疆' });
    // No place shown: none.
    expect(
      readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt }).cases[0]!.returnLogistics?.fromProvince,
    ).toBeUndefined();
  });

  it("takes an item's id from the link to its page in the row, never from its title's text", () => {
    const f = loadFixture('refund-list.taobao');
    const doc = fixtureDocument(f.html);
    const [a, b] = f.truth as (DemoCase & { item: string })[];
    const titleOf = (item: string) =>
      [...doc.querySelectorAll('div, span')].find((e) => e.children.length === 0 && e.textContent === item)!;
    const link = doc.createElement('a');
    link.href = 'https://item.taobao.com/item.htm?spm=a1z10&id=612300450137';
    link.textContent = a!.item;
    titleOf(a!.item).replaceChildren(link);
    // A title that only reads like a link is text.
    titleOf(b!.item).textContent = `${b!.item} item.htm?id=612300450999`;
    const cases = readPage(doc, { url: f.url, now: f.capturedAt }).cases;
    expect(cases.find((c) => c.disputeId === a!.disputeId)!.itemId).toBe('612300450137');
    expect(cases.find((c) => c.disputeId === b!.disputeId)!.itemId).toBeUndefined();
  });

  it('says which labels it could not find instead of guessing', () => {
    const f = loadFixture('refund-list.taobao');
    const html = f.html.replaceAll('退款金额', '金额（元）');
    const reading = readPage(fixtureDocument(html), { url: f.url, now: f.capturedAt });
    expect(reading.missing).toContain('退款金额');
    expect(reading.cases.every((c) => c.refundFen === undefined)).toBe(true);
  });

  it('leaves out rows the page keeps hidden (a template or a collapsed group), however deep their text', () => {
    const f = loadFixture('refund-list.taobao');
    const doc = fixtureDocument(f.html);
    const id = f.truth[0]!.disputeId;
    const row = [...doc.querySelectorAll('span')].find((s) => s.textContent === id)!.parentElement!.parentElement!
      .parentElement!;
    const hidden = doc.createElement('div');
    hidden.hidden = true;
    const copy = row.cloneNode(true) as Element;
    [...copy.querySelectorAll('span')].find((s) => s.textContent === id)!.textContent = '999999999999999';
    hidden.append(copy);
    row.parentElement!.append(hidden);
    const reading = readPage(doc, { url: f.url, now: f.capturedAt });
    expect(reading.cases.map((c) => c.disputeId)).toEqual(f.truth.map((c) => c.disputeId));
  });

  it('reads nothing as a fact on a page it does not know', () => {
    const doc = fixtureDocument('<body><h1>已卖出的宝贝</h1><p>订单号：123456789 金额 ¥5.00</p></body>');
    const reading = readPage(doc, { url: 'https://qn.taobao.com/home.htm/trade-platform/tp/sold', now: Date.now() });
    expect(reading.page).toBe('unknown');
    expect(reading.cases).toEqual([]);
  });
});
