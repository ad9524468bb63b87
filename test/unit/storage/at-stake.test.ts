import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../lib/messaging/protocol';
import { mergeCase } from '../../../lib/storage/cases';
import { amountAtStake, isDetailPage, PAGE_KINDS, type CaseSnapshot } from '../../../lib/shared/types';
import { PAGE_LABEL } from '../../../lib/ui/format';

const seen = { page: 'refund-list' as const, url: 'https://example.invalid/', readAt: '2026-11-22T10:00:00+08:00' };
const money = { refundFen: 6400, paidFen: 12800, postageFen: 1200 };
const snap = (kind: CaseSnapshot['kind']): CaseSnapshot => ({
  platform: 'taobao',
  disputeId: '1',
  kind,
  status: 'UNKNOWN',
  flags: {},
  ...money,
});

describe('the amount at stake, one definition', () => {
  it('is the refund asked for, the goods for an exchange, the postage for a postage case; the ledger ranks by the same', () => {
    expect((['refund', 'exchange', 'postage'] as const).map((k) => amountAtStake(snap(k)))).toEqual([
      6400, 12800, 1200,
    ]);
    for (const kind of ['refund', 'exchange', 'postage'] as const)
      expect(mergeCase(undefined, snap(kind), seen).amountFen).toBe(amountAtStake(snap(kind)));
  });
});

describe('the page kinds, one list', () => {
  it('each is accepted by the protocol and has a label; only the two detail pages are detail pages', () => {
    for (const page of PAGE_KINDS) {
      const r = parseMessage({ type: 'cases/seen', source: { ...seen, page }, cases: [] });
      expect(r.ok, page).toBe(true);
      expect(PAGE_LABEL[page]).toBeTruthy();
    }
    expect(parseMessage({ type: 'cases/seen', source: { ...seen, page: 'order-list' }, cases: [] }).ok).toBe(false);
    expect(PAGE_KINDS.filter(isDetailPage)).toEqual(['refund-detail', 'exchange-detail']);
  });
});
