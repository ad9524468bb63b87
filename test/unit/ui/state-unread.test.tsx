// @vitest-environment happy-dom
/**
 * What the popup's rows and the notifications say of a case whose state was not read: the
 * countdown, 状态未读到：请打开详情页确认, and no action the page did not announce.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { notificationText } from '../../../entrypoints/background/alerts';
import { CaseRow, type RowDue } from '../../../lib/ui/case-row';
import { LangContext } from '../../../lib/ui/i18n';
import type { CaseRecord } from '../../../lib/storage/db';
import { chinaWallToMs } from '../../../lib/shared/china-time';

const NOW = chinaWallToMs(2026, 11, 22, 15, 0, 0);
const record = (due: CaseRecord['due'], patch: Partial<CaseRecord> = {}): CaseRecord => ({
  key: 'taobao:287140000008050',
  platform: 'taobao',
  disputeId: '287140000008050',
  kind: 'refund',
  status: 'UNKNOWN',
  flags: {},
  firstSeenAt: '2026-11-22T14:00:00+08:00',
  lastSeenAt: '2026-11-22T14:00:00+08:00',
  lastSource: {
    page: 'refund-list',
    url: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
    readAt: '2026-11-22T14:00:00+08:00',
  },
  open: 1,
  due,
  deadlineAt: due ? Date.parse(due.at) : 8.64e15,
  amountFen: 12800,
  ...patch,
});
const IN_AN_HOUR = '2026-11-22T15:50:00+08:00';

describe('notifications', () => {
  it('say when the page’s countdown ends, and that the state was not read, with no action guessed', () => {
    const n = notificationText(record({ at: IN_AN_HOUR, basis: 'page', actor: null, consequence: null }), NOW);
    expect(n.title).toBe('售后雷达 · 50分00秒后页面倒计时到期');
    expect(n.message).toContain('状态未读到：请打开详情页确认');
    expect(`${n.title}${n.message}`).not.toMatch(/自动(同意|退款|关闭|确认收货)|平台将/);
    expect(
      notificationText(record({ at: '2026-11-22T14:00:00+08:00', basis: 'page', actor: null, consequence: null }), NOW)
        .title,
    ).toBe('售后雷达 · 页面倒计时已到');
  });

  it('name the action the page announced', () => {
    const n = notificationText(record({ at: IN_AN_HOUR, basis: 'page', actor: null, consequence: 'auto-agree' }), NOW);
    expect(n.title).toBe('售后雷达 · 50分00秒后平台将自动同意');
    expect(n.message).toContain('状态未读到');
  });

  it('are unchanged for a case whose state was read', () => {
    const n = notificationText(
      record(
        { at: IN_AN_HOUR, basis: 'page', actor: 'seller', consequence: 'auto-refund' },
        { status: 'WAIT_SELLER_AGREE', statusText: '退款待处理' },
      ),
      NOW,
    );
    expect(n).toEqual({
      title: '售后雷达 · 50分00秒后平台将自动退款',
      message: '退款 287140000008050 · ¥128.00\n退款待处理',
    });
  });
});

describe('a case row (sidebar list and popup)', () => {
  afterEach(() => render(null, document.body));
  const row = (due: RowDue, lang: 'zh' | 'en' = 'zh') => {
    render(
      <LangContext.Provider value={lang}>
        <ol>
          <CaseRow c={record(due)} due={due} now={NOW} />
        </ol>
      </LangContext.Provider>,
      document.body,
    );
    return document.querySelector('li')!;
  };

  it('shows the countdown and 状态未读到 instead of a consequence, in a neutral colour', () => {
    const li = row({ at: IN_AN_HOUR, basis: 'page', actor: null, consequence: null });
    expect(li.querySelector('[data-testid=countdown]')?.textContent).toBe('50分00秒');
    expect(li.querySelector('[data-testid=state-unread]')?.textContent).toBe('状态未读到：请打开详情页确认');
    expect(li.textContent).not.toMatch(/到期自动/);
    expect(li.className).toBe('ar-case ar-tier-lt6h ar-state-unread');
  });

  it('adds the action the page announced, and speaks English when asked', () => {
    expect(
      row({ at: IN_AN_HOUR, basis: 'page', actor: null, consequence: 'auto-close' }).querySelector(
        '[data-testid=state-unread]',
      )?.textContent,
    ).toBe('到期自动关闭（页面所示） · 状态未读到：请打开详情页确认');
    expect(
      row({ at: IN_AN_HOUR, basis: 'page', actor: null, consequence: null }, 'en').querySelector(
        '[data-testid=state-unread]',
      )?.textContent,
    ).toBe('State not read: open the detail page to check');
  });

  it('shows the consequence of a case whose state was read, as before', () => {
    const li = row({ at: IN_AN_HOUR, basis: 'page', actor: 'seller', consequence: 'auto-refund' });
    expect(li.querySelector('.ar-case-action')?.textContent).toBe('到期自动退款');
    expect(li.querySelector('[data-testid=state-unread]')).toBeNull();
    expect(li.className).toBe('ar-case ar-tier-lt6h');
  });
});
