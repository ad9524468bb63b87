// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://myseller.taobao.com/home.htm/trade-platform/refund-list" }
// The content script's scan on a real demo page: a reading goes to the ledger once, an unchanged
// re-read does not, and a re-read in which any stored field changed does.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../lib/messaging/protocol';
import { stubScanner } from './stub-scanner';
import { loadFixture } from '../fixtures';

const sent: Message[] = [];
vi.mock('../../../lib/messaging/client', () => ({
  send: (m: Message) => {
    sent.push(m);
    return Promise.resolve(
      m.type === 'cases/seen' ? { saved: m.cases.length, created: 0, marks: {}, shown: false } : { shown: false },
    );
  },
}));

const handedOn = () => sent.filter((m) => m.type === 'cases/seen');
const scanner = () => stubScanner();

/** The text of the first row's cell that shows `text`. */
function rewrite(text: string, to: string) {
  const el = [...document.querySelectorAll('div')].find((d) => d.children.length === 0 && d.textContent === text)!;
  el.textContent = to;
}

describe('the scan hands a changed reading to the ledger', () => {
  beforeEach(() => {
    sent.length = 0;
    document.documentElement.innerHTML = loadFixture('refund-list.taobao')
      .html.replace(/^[\s\S]*?<html[^>]*>/, '')
      .replace(/<\/html>\s*$/, '');
  });

  it('once, and not again while the page shows the same', async () => {
    const s = scanner();
    await s.scan();
    expect(handedOn()).toHaveLength(1);
    expect(handedOn()[0]!.type === 'cases/seen' && handedOn()[0]!.cases).toHaveLength(10);
    await s.scan();
    expect(handedOn()).toHaveLength(1);
  });

  it.each([
    ['a changed reason', '拍错/多拍/不想要', '质量问题', (c: { reason?: string }) => c.reason === '质量问题'],
    [
      'a changed item',
      '北欧陶瓷马克杯 2只装',
      '北欧陶瓷马克杯 4只装',
      (c: { item?: string }) => c.item?.includes('4只装') === true,
    ],
  ])('again when the page shows %s', async (_what, from, to, changed) => {
    const s = scanner();
    await s.scan();
    rewrite(from, to);
    await s.scan();
    const last = handedOn().at(-1)!;
    expect(handedOn()).toHaveLength(2);
    expect(last.type === 'cases/seen' && last.cases.some(changed)).toBe(true);
    // One changed case: that case alone, not the page's ten.
    expect(last.type === 'cases/seen' && last.cases).toHaveLength(1);
  });
});
