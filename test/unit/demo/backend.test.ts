import { describe, expect, it } from 'vitest';
// @ts-expect-error: the demo backend is plain JavaScript
import { buildCases } from '../../../scripts/demo-backend/data.mjs';
// @ts-expect-error: the demo backend is plain JavaScript
import { createDemoBackend } from '../../../scripts/demo-backend/server.mjs';
// @ts-expect-error: the demo backend is plain JavaScript
import { fusionAssets } from '../../../scripts/demo-backend/fusion/bundle.mjs';
import { CASE_STATUSES } from '../../../lib/shared/types';

type DemoCase = {
  platform: string;
  status: string;
  kind: string;
  refundType: string;
  disputeId: string;
  reason: string;
  flags: Record<string, boolean>;
  buyerPhone: string;
  appliedAt: number;
  deadlineAt: number | null;
};

describe('the demo seller backend', () => {
  const start = Date.UTC(2026, 10, 22, 2, 0, 0);
  const cases = buildCases(start) as DemoCase[];

  it('has at least 60 cases over Taobao and Tmall, every state and type', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.platform))).toEqual(new Set(['taobao', 'tmall']));
    const statuses = new Set(cases.map((c) => c.status));
    for (const s of CASE_STATUSES) if (s !== 'UNKNOWN') expect(statuses, s).toContain(s);
    expect(new Set(cases.map((c) => c.refundType))).toEqual(new Set(['仅退款', '退货退款', '换货', '邮费']));
    for (const flag of ['platformIntervened', 'freightInsurance', 'freeShipping', 'buyerUrged', 'fastRefund']) {
      expect(
        cases.some((c) => c.flags[flag]),
        flag,
      ).toBe(true);
    }
    expect(new Set(cases.map((c) => c.disputeId)).size).toBe(cases.length);
  });

  it('sets times relative to its start, so countdowns are live', () => {
    const later = buildCases(start + 3_600_000) as DemoCase[];
    expect(later[0]!.appliedAt - cases[0]!.appliedAt).toBe(3_600_000);
    expect(cases.filter((c) => c.deadlineAt).every((c) => c.deadlineAt! > start)).toBe(true);
  });

  it('changes its hashed class names every time it starts', () => {
    const a = createDemoBackend().cls as Record<string, string>;
    const b = createDemoBackend().cls as Record<string, string>;
    expect(a.row).toMatch(/^refund-list_row__/);
    expect(a.row).not.toBe(b.row);
  });

  it('serves its Fusion list from node_modules with nothing fetched off the machine', async () => {
    const { js, css } = (await fusionAssets()) as { js: string; css: string };
    expect(js).toContain('__QN_FUSION__');
    expect(js).toContain('"table-group-"'); // Fusion's list-mode rows (next-table-group-header), from the library
    expect(css).toContain('.next-table');
    // Fusion's stylesheet loads its icon font from a CDN; the demo's copy must not.
    expect(css).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//);
  });
});
