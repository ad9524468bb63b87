// @vitest-environment happy-dom
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/page/read';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { assess, EMPTY_POLICY } from '../../../lib/engine';
import { FIXTURES, fixtureDocument, loadFixture } from '../fixtures';

const run = (...args: string[]) =>
  execFileSync(
    join(process.cwd(), 'node_modules', '.bin', 'tsx'),
    [join(process.cwd(), 'scripts', 'inspect.ts'), ...args],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );

describe('npm run inspect -- page', () => {
  it('prints what the extension reads from a saved page', () => {
    const f = loadFixture('refund-detail.tmall');
    const out = JSON.parse(
      run(
        'page',
        join(FIXTURES, 'refund-detail.tmall.html'),
        '--url',
        f.url,
        '--now',
        new Date(f.capturedAt).toISOString(),
      ),
    );
    const expected = readPage(fixtureDocument(f.html), { url: f.url, now: f.capturedAt });
    const { shop, ...rest } = expected;
    const withAssessments = {
      ...rest,
      // The shop as the page's header names it (this fixture's title bar), or null.
      shop: shop?.name ?? null,
      ...(shop ? { shopFrom: shop.via } : {}),
      cases: expected.cases.map((c) => ({ ...c, assessment: assess(c, EMPTY_POLICY, f.capturedAt) })),
    };
    const provenance = out.cases.map((c: { provenance: unknown }) => c.provenance);
    for (const c of out.cases) delete c.provenance;
    expect(out).toEqual(JSON.parse(JSON.stringify(withAssessments)));
    // Where each fact came from: the address's own id, a labelled status, a labelled amount.
    expect(provenance[0]).toMatchObject({
      strategy: 'detail page',
      fields: { disputeId: 'address disputeId=', refundFen: 'label 退款金额' },
    });
    expect(provenance[0].fields.status).toMatch(/^label /);
    expect(out.cases[0].pageDeadline.at).toMatch(/\+08:00$/);
    expect(out.shop).toBe('青禾家居旗舰店');
  });

  it('says which column of a table each field came from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
    const page = join(dir, 'table.html');
    writeFileSync(
      page,
      '<html><body><table><thead><tr><th>售后单号</th><th>退款总额</th><th>售后状态</th></tr></thead><tbody><tr><td>3039485761203948001</td><td>¥399.00</td><td>买家已经申请退款，等待卖家同意 还剩1天6时40分</td></tr></tbody></table></body></html>',
    );
    const out = JSON.parse(
      run(
        'page',
        page,
        '--url',
        'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
        '--now',
        '2026-11-22T15:00:00+08:00',
      ),
    );
    expect(out.cases[0].provenance).toEqual({
      strategy: 'column table',
      fields: { disputeId: 'column 售后单号', refundFen: 'column 退款总额', status: 'column 售后状态' },
    });
    expect(out.cases[0].refundFen).toBe(39900);
  });

  it('reads a long saved list whole (3,000 rows), and says so plainly when a page nests too deep to read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
    const rows = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `<tr><td>${3039485761203900000n + BigInt(i)}</td><td>¥1.00</td><td>退款待处理 还剩1天</td></tr>`,
      ).join('');
    const page = join(dir, 'long.html');
    writeFileSync(
      page,
      `<html><body><table><thead><tr><th>退款编号</th><th>退款金额</th><th>售后状态</th></tr></thead><tbody>${rows(3000)}</tbody></table></body></html>`,
    );
    const url = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';
    const out = JSON.parse(run('page', page, '--url', url, '--now', '2026-11-22T15:00:00+08:00'));
    expect(out.cases).toHaveLength(3000);
    expect(out.missing).not.toContain('退款编号');
    const deep = join(dir, 'deep.html');
    writeFileSync(
      deep,
      `<html><body>${'<div>'.repeat(20000)}退款编号：3039485761203948001${'</div>'.repeat(20000)}</body></html>`,
    );
    expect(() => run('page', deep, '--url', url)).toThrow(/nested too deeply/);
    // Two runs of the real CLI: room for a machine shared by other work (not a speed budget; the bench has that).
  }, 180_000);

  it('explains a missing --url instead of guessing', () => {
    expect(() => run('page', join(FIXTURES, 'refund-list.taobao.html'))).toThrow(/--url is required/);
  });
});

describe('npm run inspect -- case', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
  const casePath = join(dir, 'case.json');
  writeFileSync(
    casePath,
    JSON.stringify({
      platform: 'taobao',
      disputeId: '1234567',
      kind: 'refund',
      refundType: '退货退款',
      status: 'WAIT_SELLER_AGREE',
      reason: '假冒品牌',
      paidFen: 20000,
      paidAt: '2026-11-01T10:00:00+08:00',
      appliedAt: '2026-11-20T10:00:00+08:00',
      flags: {},
    }),
  );

  it('prints the assessment, judged by the settings file it is given', () => {
    const plain = JSON.parse(run('case', casePath, '--now', '2026-11-22T15:00:00+08:00'));
    expect(plain.assessment.deadline).toMatchObject({
      at: '2026-11-25T10:00:00+08:00',
      basis: 'rule',
      consequence: 'auto-agree',
    });
    expect(plain.assessment.compensation).toEqual([]);
    const settings = join(dir, 'settings.json');
    writeFileSync(
      settings,
      JSON.stringify({
        policy: { commitments: [{ type: 'fake-3x', enabled: true, effectiveFrom: '2026-01-01T00:00:00+08:00' }] },
      }),
    );
    const promised = JSON.parse(run('case', casePath, '--now', '2026-11-22T15:00:00+08:00', '--settings', settings));
    expect(promised.assessment.compensation).toEqual([
      expect.objectContaining({ kind: 'fake-compensation', fen: 40000 }),
    ]);
  });

  it(
    'prints a case whose status was not read as the page showed it: the countdown, no actor, no consequence',
    { timeout: 20_000 },
    () => {
      const unread = join(dir, 'unread.json');
      writeFileSync(
        unread,
        JSON.stringify({
          platform: 'taobao',
          disputeId: '1234568',
          kind: 'refund',
          refundType: '仅退款',
          status: 'UNKNOWN',
          statusText: '售后申请审核中',
          pageDeadline: { at: '2026-11-23T21:40:00+08:00', text: '还剩1天6时40分' },
          flags: {},
        }),
      );
      const { assessment } = JSON.parse(run('case', unread, '--now', '2026-11-22T15:00:00+08:00'));
      expect(assessment.deadline).toEqual({
        at: '2026-11-23T21:40:00+08:00',
        actor: null,
        consequence: null,
        basis: 'page',
        text: '还剩1天6时40分',
        why: '平台页面倒计时（还剩1天6时40分）',
      });
      expect(assessment.steps).toEqual([]);
      expect(assessment.needs).toEqual({ actor: ['status'], consequence: ['status'], steps: ['status'] });
    },
  );

  it('refuses a malformed settings file with the reason', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ commitments: [{ type: 'fake-3x', enabled: 'yes', effectiveFrom: 'soon' }] }));
    expect(() => run('case', casePath, '--now', '2026-11-22T15:00:00+08:00', '--settings', bad)).toThrow(
      /invalid settings at commitments\.0/,
    );
  });

  it('needs --now: the engine never reads the clock', () => {
    expect(() => run('case', casePath)).toThrow(/--now is required/);
  });
});
