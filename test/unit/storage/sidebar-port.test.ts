import { describe, expect, it } from 'vitest';
import { parseToPage, parseToSidebar } from '../../../lib/messaging/sidebar-port';

describe('the port between the page and the sidebar frame', () => {
  it('passes the page what the sidebar may ask of it', () => {
    expect(parseToPage({ type: 'toggle', collapsed: true })).toEqual({ type: 'toggle', collapsed: true });
    expect(parseToPage({ type: 'resize', width: 420 })).toEqual({ type: 'resize', width: 420 });
    expect(parseToPage({ type: 'resize-start', screenX: 1077 })).toEqual({ type: 'resize-start', screenX: 1077 });
    expect(parseToPage({ type: 'resize-end' })).toEqual({ type: 'resize-end' });
    expect(parseToPage({ type: 'insert', requestId: 3, text: '亲，您好', extra: 'dropped' })).toEqual({
      type: 'insert',
      requestId: 3,
      text: '亲，您好',
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'toggle'],
    ['an unknown type', { type: 'click', selector: 'button' }],
    ['a width that is not a number', { type: 'resize', width: '9999px' }],
    ['an endless width', { type: 'resize', width: Infinity }],
    ['a drag without a position', { type: 'resize-start' }],
    ['an insert without text', { type: 'insert', requestId: 1 }],
    ['an oversized insert', { type: 'insert', requestId: 1, text: 'x'.repeat(5001) }],
    ['a toggle without a state', { type: 'toggle' }],
  ])('drops %s sent to the page', (_what, m) => expect(parseToPage(m)).toBeUndefined());

  it('passes the sidebar readings, layout, selection and answers, and drops malformed ones', () => {
    const reading = { page: 'refund-list', era: 'qianniu', platform: 'taobao', stats: {}, missing: [], cases: [] };
    expect(parseToSidebar({ type: 'reading', reading, readAt: 1, seq: 1, last: true })).toMatchObject({
      type: 'reading',
      reading,
    });
    expect(
      parseToSidebar({ type: 'reading', reading: { ...reading, cases: 'all' }, readAt: 1, seq: 1, last: true }),
    ).toBeUndefined();
    expect(parseToSidebar({ type: 'reading', reading, seq: 1, last: true })).toBeUndefined();
    expect(parseToSidebar({ type: 'reading', reading, readAt: 1, seq: 1 })).toBeUndefined();
    expect(parseToSidebar({ type: 'layout', collapsed: false, width: 360 })).toEqual({
      type: 'layout',
      collapsed: false,
      width: 360,
    });
    expect(parseToSidebar({ type: 'select', disputeId: 42 })).toBeUndefined();
    expect(parseToSidebar({ type: 'saved', error: '本地存储空间已满' })).toEqual({
      type: 'saved',
      error: '本地存储空间已满',
    });
    expect(parseToSidebar({ type: 'saved', error: { code: 1 } })).toEqual({ type: 'saved' });
    expect(parseToSidebar({ type: 'inserted', requestId: 1, found: true })).toBeUndefined();
  });
});
