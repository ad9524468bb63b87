// @vitest-environment happy-dom
// `inspect data` and the data path end to end over saved pages: the demo backend's data answers (in
// the real shapes, with its variants) for the cases a fixture page shows, calibrated against that
// page as the extension does. Whatever it fills must be the demo's own record of the case.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the demo backend is plain JavaScript
import { demoListBody, demoRow } from '../../../scripts/demo-backend/server.mjs';
import { inspectResponse } from '../../../lib/page/mtop';
import { readPage } from '../../../lib/page/read';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { FIXTURES, fixtureDocument, loadFixture, type Fixture } from '../fixtures';

const run = (...args: string[]) =>
  execFileSync(
    join(process.cwd(), 'node_modules', '.bin', 'tsx'),
    [join(process.cwd(), 'scripts', 'inspect.ts'), ...args],
    { encoding: 'utf8' },
  );
const second = (ms: number) => Math.floor(ms / 1000) * 1000;

/** Every field a data snapshot has must be the demo's record of that case. */
function expectTrue(snap: Partial<CaseSnapshot>, truth: Fixture['truth']) {
  const t = truth.find((c) => c.orderId === snap.orderId);
  expect(t, `a case of the page: ${snap.orderId}`).toBeDefined();
  if (snap.disputeId !== undefined) expect(snap.disputeId).toBe(t!.disputeId);
  for (const f of snap.fromData ?? []) {
    const got = (snap as Record<string, unknown>)[f];
    const want = (t as unknown as Record<string, unknown>)[f];
    if (/At$/.test(f)) expect(Date.parse(String(got)), f).toBe(second(Number(want)));
    else expect(got, `${f} of ${t!.disputeId}`).toEqual(want);
  }
}

describe('the data path against a saved 退款管理 page', () => {
  const f = loadFixture('refund-list.taobao');
  const other = loadFixture('exchange-list.taobao').truth;
  const page = readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt });

  it.each([
    ['yuan strings under data.resultData', {}],
    ['yuan as JSON numbers', { variant: 'number' }],
    ['fen as JSON numbers', { variant: 'fen' }],
    ['the list placed elsewhere', { listAt: 'elsewhere' }],
    ['the list under another name', { listAt: 'unnamed' }],
    ['rows keyed by order only', { orderIdsOnly: true }],
  ])("%s: fills 实付 once 退款金额 agreed, and nothing that is not the case's own", (_what, options) => {
    const body = demoListBody('disputelistv2', [...f.truth, ...other], options);
    const out = inspectResponse(body, 'taobao', 'refund', f.capturedAt, page.cases);
    expect(out.cases).toHaveLength(f.truth.length + other.length);
    for (const c of out.cases) expectTrue(c, [...f.truth, ...other]);
    const onPage = out.cases.filter((c) => f.truth.some((t) => t.orderId === c.orderId));
    expect(onPage.every((c) => c.paidFen !== undefined && c.fromData?.includes('paidFen'))).toBe(true);
    expect(out.notes.filter((n) => n.level === 'off')).toEqual([]);
  });

  it('a deliberately wrong unit is switched off, with its evidence, and no amount comes through', () => {
    const out = inspectResponse(
      demoListBody('disputelistv2', f.truth, { variant: 'wrong' }),
      'taobao',
      'refund',
      f.capturedAt,
      page.cases,
    );
    expect(out.cases.every((c) => c.refundFen === undefined && c.paidFen === undefined)).toBe(true);
    expect(out.notes.find((n) => n.level === 'off')).toMatchObject({
      path: 'disputeBodyVO.refundFee',
      evidence: { outcome: 'disagree' },
    });
  });

  it("the item's id comes from the data (itemInfo.auctionId) by its format, digits only", () => {
    const withIds = f.truth.map((t, i) => ({
      ...t,
      itemId: i === 0 ? '612300450137' : i === 1 ? 'x61230' : undefined,
    }));
    const out = inspectResponse(demoListBody('disputelistv2', withIds), 'taobao', 'refund', f.capturedAt, page.cases);
    const first = out.cases.find((c) => c.orderId === f.truth[0]!.orderId);
    expect(first).toMatchObject({ itemId: '612300450137' });
    expect(first!.fromData).toContain('itemId');
    expect(out.cases.find((c) => c.orderId === f.truth[1]!.orderId)!.itemId).toBeUndefined();
  });

  it('a summary-only answer is no case', () => {
    expect(
      inspectResponse(
        demoListBody('disputelistv2', f.truth, { summary: true }),
        'taobao',
        'refund',
        f.capturedAt,
        page.cases,
      ).cases,
    ).toEqual([]);
  });
});

describe("every demo page with its data answer: no drift, and nothing filled that is not the case's own", () => {
  const lists = ['refund-list.tmall', 'exchange-list.taobao', 'postage-list.tmall', 'workbench.taobao'];
  const details = ['refund-detail.taobao', 'refund-detail.tmall', 'exchange-detail.taobao'];
  it.each([...lists, ...details])('%s', (name) => {
    const f = loadFixture(name);
    const page = readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt });
    const platform = f.url.includes('qn.taobao.com') ? 'tmall' : 'taobao';
    const kind = name.startsWith('exchange') ? 'exchange' : name.startsWith('postage') ? 'postage' : 'refund';
    const body = details.includes(name)
      ? {
          api: 'mtop.alibaba.refundface2.disputeservice.qianniu.pc.disputedetail',
          v: '1.0',
          ret: ['SUCCESS::调用成功'],
          data: { resultData: demoRow(f.truth[0], '') },
        }
      : demoListBody('disputelistv2', f.truth, { variant: 'number' });
    const out = inspectResponse(body, platform, kind, f.capturedAt, page.cases);
    expect(out.cases.length).toBe(f.truth.length);
    for (const c of out.cases) expectTrue(c, f.truth);
    expect(out.notes.filter((n) => n.level === 'off')).toEqual([]);
  });
});

describe('npm run inspect -- data', () => {
  const f = loadFixture('refund-list.taobao');
  const dir = mkdtempSync(join(tmpdir(), 'inspect-data-'));
  const now = new Date(f.capturedAt).toISOString();

  it("reads a saved response through the extension's code, calibrated against a saved page", () => {
    const body = demoListBody('disputelistv2', f.truth, { variant: 'number' });
    const file = join(dir, 'list.json');
    writeFileSync(file, JSON.stringify(body));
    const withPage = JSON.parse(
      run('data', file, '--url', f.url, '--now', now, '--page', join(FIXTURES, 'refund-list.taobao.html')),
    );
    const page = readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt });
    expect(withPage).toEqual(
      JSON.parse(JSON.stringify(inspectResponse(body, 'taobao', 'refund', f.capturedAt, page.cases))),
    );
    expect(withPage.cases[0].paidFen).toBe(f.truth[0]!.paidFen);
    // Without a page a bare number's unit cannot be known: no amount, and a note says why.
    const alone = JSON.parse(run('data', file, '--url', f.url, '--now', now));
    expect(alone.cases.map((c: CaseSnapshot) => c.refundFen)).toEqual(f.truth.map(() => undefined));
    expect(alone.notes.map((n: { text: string }) => n.text).join('\n')).toMatch(/bare number/);
  }, 60_000);

  it('reads a JSONP body and a script holding var disputeData', () => {
    const jsonp = join(dir, 'list.jsonp');
    writeFileSync(jsonp, `mtopjsonp3(${JSON.stringify(demoListBody('disputelistv2', f.truth, {}))})`);
    const out = JSON.parse(run('data', jsonp, '--url', f.url, '--now', now));
    expect(out.cases.map((c: CaseSnapshot) => c.refundFen)).toEqual(f.truth.map((t) => t.refundFen));
    const script = join(dir, 'list.js');
    const components = {
      sellerGridHeaderContainer_287140000008050: {
        id: '287140000008050',
        fields: {
          numbers: [
            { title: '仅退款(售中)' },
            { title: '退款编号', value: '287140000008050' },
            { title: '订单号', value: '3491483612000010007' },
          ],
          shop: { name: '王宇轩' },
        },
      },
      'sellerGridBodyContainer_287140000008050@1': {
        id: '287140000008050@1',
        bizName: 'disputeBody',
        fields: {
          options: [
            '￥236.00',
            '￥118.00',
            '2026-11-20 16:57:03',
            '拍错/多拍/不想要',
            '',
            '未发货',
            '退款待处理<br/>还剩1天',
          ].map((name) => ({ title: { name } })),
        },
      },
    };
    writeFileSync(script, `var disputeData = ${JSON.stringify({ data: components })};\n`);
    const old = JSON.parse(
      run('data', script, '--url', 'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1', '--now', now),
    );
    expect(old.cases).toEqual([
      expect.objectContaining({
        disputeId: '287140000008050',
        refundFen: 11800,
        status: 'WAIT_SELLER_AGREE',
        statusText: '退款待处理',
        shipped: false,
      }),
    ]);
    expect(old.cases[0].paidFen).toBeUndefined();
  }, 60_000);

  it('refuses a file that is no data response, with the reason', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '<html>login</html>');
    expect(() => run('data', bad, '--url', f.url)).toThrow(/neither a data response/);
  }, 30_000);
});
