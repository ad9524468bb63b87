// Showing a reading in the sidebar: in parts of 500 cases, through the background, and straight to
// the sidebar for a part no sidebar listened to at the background.
import { describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../lib/messaging/protocol';
import type { ToSidebar } from '../../../lib/messaging/sidebar-port';
import { CASES_PER_MESSAGE, showInParts } from '../../../entrypoints/seller.content/sidebar-host';
import type { CaseSnapshot, PageReading } from '../../../lib/shared/types';

const asked: Message[] = [];
vi.mock('../../../lib/messaging/client', () => ({
  // The background's sidebar listened to every part but the second.
  send: (m: Message) => (asked.push(m), Promise.resolve({ shown: asked.length !== 2, epoch: 'w1' })),
}));

const c = (i: number): CaseSnapshot => ({
  platform: 'taobao',
  disputeId: String(1000 + i),
  kind: 'refund',
  status: 'WAIT_SELLER_AGREE',
  flags: {},
});
const reading = (n: number): PageReading => ({
  page: 'refund-list',
  era: 'qianniu',
  platform: 'taobao',
  stats: {},
  missing: [],
  cases: Array.from({ length: n }, (_, i) => c(i)),
});

describe('a reading shown in the sidebar', () => {
  it('goes in parts of 500 under one number, the last marked; a part nobody listened to goes straight to the sidebar', async () => {
    asked.length = 0;
    const posted: ToSidebar[] = [];
    const epochs: (string | undefined)[] = [];
    await showInParts(
      { doc: 'd', onConnect: () => {}, onEpoch: (e) => epochs.push(e) },
      (m) => posted.push(m),
      7,
      reading(1200),
      42,
      (p) => p,
    );
    const parts = asked.map((m) => (m.type === 'reading/show' ? [m.seq, m.last, m.reading.cases.length] : null));
    expect(parts).toEqual([
      [7, false, CASES_PER_MESSAGE],
      [7, false, CASES_PER_MESSAGE],
      [7, true, 200],
    ]);
    expect(posted.map((m) => (m.type === 'reading' ? [m.seq, m.last, m.reading.cases[0]?.disputeId] : m.type))).toEqual(
      [[7, false, '1500']],
    );
    expect(epochs).toEqual(['w1', 'w1', 'w1']);
  });

  it('a page without cases still shows, in one part', async () => {
    asked.length = 0;
    await showInParts(
      { doc: 'd', onConnect: () => {}, onEpoch: () => {} },
      () => {},
      1,
      reading(0),
      42,
      (p) => p,
    );
    expect(asked).toHaveLength(1);
  });
});
