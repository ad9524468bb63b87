// Hostile and broken input never escapes as an exception and never stores anything invalid.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../entrypoints/background/handlers';
import { CaseSnapshotSchema } from '../../../lib/messaging/protocol';
import { parseBackup } from '../../../lib/storage/backup';
import { upsertCases } from '../../../lib/storage/cases';
import { createDb } from '../../../lib/storage/db';
import { parsePack } from '../../../lib/replies/pack';
import { parsePolicyFile } from '../../../lib/storage/policy-schema';
import * as v from 'valibot';

const RUNS = 400;
const db = createDb('fuzz-handlers');
afterAll(async () => db.delete());

const TYPES = [
  'cases/seen',
  'cases/urgent',
  'case/get',
  'case/staff',
  'policy/get',
  'replies/list',
  'data/export',
  'data/import',
  'data/prune',
  'data/clear',
  'alerts/sweep',
  'cockpit/get',
  'case/open',
  'frame/reading',
  'nope',
];
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant('<img src=x onerror=alert(1)>'),
  fc.constant('x'.repeat(10_000)),
);
const message = fc.record(
  {
    type: fc.constantFrom(...TYPES),
    key: fc.oneof(fc.constant('taobao:123'), anyValue),
    cases: fc.oneof(
      fc.array(
        fc.dictionary(
          fc.constantFrom('platform', 'disputeId', 'kind', 'status', 'refundFen', 'flags', 'appliedAt', 'buyer'),
          anyValue,
        ),
        { maxLength: 3 },
      ),
      anyValue,
    ),
    source: fc.oneof(
      fc.constant({ page: 'refund-list', url: 'https://myseller.taobao.com/x', readAt: '2026-11-22T10:00:00+08:00' }),
      anyValue,
    ),
    note: anyValue,
    days: anyValue,
    text: anyValue,
    confirm: fc.oneof(fc.constant('清空全部数据'), anyValue),
  },
  { requiredKeys: ['type'] },
);

describe(`every message handler on random and malformed payloads (${RUNS} messages)`, () => {
  it('answers with ok or a reason, never throws, and stores only valid cases', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(message, anyValue), async (m) => {
        const reply = await handleMessage(db, m, {}, {});
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) expect(reply.error.length).toBeGreaterThan(3);
      }),
      { numRuns: RUNS },
    );
    for (const c of await db.cases.toArray())
      expect(
        v.safeParse(
          CaseSnapshotSchema,
          Object.fromEntries(Object.entries(c).filter(([k]) => k in CaseSnapshotSchema.entries)),
        ).success,
      ).toBe(true);
  });
});

describe(`imports of truncated, malformed, wrong-version and malicious files (${RUNS} files each)`, () => {
  const good = JSON.stringify({
    format: 'aftersales-radar/backup',
    version: 1,
    exportedAt: '2026-11-22T10:00:00+08:00',
    cases: [],
    events: [],
    policies: [],
    replies: [],
    settings: [],
  });
  it('backups: a reason, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.integer({ min: 0, max: good.length }).map((n) => good.slice(0, n)),
          fc.json(),
          fc.constant(good.replace('"version":1', '"version":2')),
          fc.constant(good.replace('"cases":[]', '"cases":[{"key":"<script>"}]')),
        ),
        (text) => {
          const r = parseBackup(text);
          if (!r.ok) expect(r.error).toMatch(/JSON|不是|版本|有误/);
        },
      ),
      { numRuns: RUNS },
    );
  });
  it('reply packs and settings files: a reason, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const r = parsePack(text);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(3);
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          /* not JSON: parsePolicyFile takes parsed input */
        }
        const p = parsePolicyFile(json);
        if (!p.ok) expect(p.error).toMatch(/invalid settings/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('concurrent writers and failed batches', () => {
  it('ten tabs writing the same cases at once lose no update', async () => {
    const d = createDb('ten-tabs');
    await Promise.all(
      Array.from({ length: 10 }, (_, tab) =>
        upsertCases(
          d,
          [
            {
              platform: 'tmall',
              disputeId: '9001',
              kind: 'refund',
              status: 'WAIT_SELLER_AGREE',
              flags: {},
              ...(tab === 3 ? { reason: '来自第4个标签页' } : {}),
              ...(tab === 7 ? { paidFen: 777 } : {}),
            },
          ],
          {
            page: 'refund-list',
            url: 'https://qn.taobao.com/x',
            readAt: `2026-11-22T10:00:0${tab}+08:00`,
          },
        ),
      ),
    );
    const rec = await d.cases.get('tmall:9001');
    expect(rec?.reason).toBe('来自第4个标签页');
    expect(rec?.paidFen).toBe(777);
    expect(await d.events.count()).toBe(1);
    await d.delete();
  });

  it('a batch that fails half way stores nothing of it, and the next read repairs it', async () => {
    const d = createDb('half-batch');
    const cases = [
      {
        platform: 'taobao' as const,
        disputeId: '1',
        kind: 'refund' as const,
        status: 'WAIT_SELLER_AGREE' as const,
        flags: {},
      },
      {
        platform: 'taobao' as const,
        disputeId: '2',
        kind: 'refund' as const,
        status: 'WAIT_SELLER_AGREE' as const,
        flags: {},
      },
    ];
    const src = {
      page: 'refund-list' as const,
      url: 'https://myseller.taobao.com/x',
      readAt: '2026-11-22T10:00:00+08:00',
    };
    // The worker dies while writing: the timeline write fails after the cases were put.
    const bulkAdd = d.events.bulkAdd.bind(d.events);
    d.events.bulkAdd = (() => Promise.reject(new Error('worker stopped'))) as never;
    await expect(upsertCases(d, cases, src)).rejects.toThrow();
    expect(await d.cases.count()).toBe(0);
    d.events.bulkAdd = bulkAdd;
    await upsertCases(d, cases, src);
    expect(await d.cases.count()).toBe(2);
    await d.delete();
  });
});
