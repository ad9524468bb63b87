// @vitest-environment happy-dom
/**
 * What a screen reader hears of a case row (its visible text: countdown, status, amount), and where the
 * sidebar puts the keyboard focus after an action, once the view it leads to is drawn.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FOCUS, applyFocus, focusSoon } from '../../../entrypoints/sidebar/focus';
import { chinaWallToMs } from '../../../lib/shared/china-time';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { CaseRow } from '../../../lib/ui/case-row';

const NOW = chinaWallToMs(2026, 11, 22, 15, 0, 0);

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('a case row', () => {
  it('is named by what it shows: countdown, status, what runs out, ids and amount (no aria-label over it)', () => {
    const c = {
      platform: 'taobao',
      disputeId: '287140000079583',
      kind: 'refund',
      status: 'WAIT_SELLER_AGREE',
      statusText: '退款待处理',
      refundFen: 9650,
      flags: {},
    } as unknown as CaseSnapshot;
    const due = {
      at: '2026-11-22T16:11:00+08:00',
      basis: 'page' as const,
      actor: 'seller' as const,
      consequence: 'auto-agree' as const,
    };
    render(
      <ol>
        <CaseRow c={c} due={due} now={NOW} />
      </ol>,
      document.body,
    );
    const button = document.querySelector('button')!;
    expect(button.hasAttribute('aria-label')).toBe(false);
    expect(button.textContent).toMatch(/^1时11分.*退款待处理.*到期自动同意.*287140000079583.*¥96\.50$/);
  });
});

describe('the sidebar focus', () => {
  it('goes to the element an action leads to once it is drawn, and only once', () => {
    document.body.innerHTML = '<button class="ar-tab">x</button>';
    focusSoon(FOCUS.fold);
    expect(document.activeElement).toBe(document.body);
    document.body.innerHTML = '<header class="ar-head"><button class="ar-icon ar-fold">⟩</button></header>';
    applyFocus();
    const fold = document.querySelector<HTMLElement>('.ar-fold')!;
    expect(document.activeElement).toBe(fold);
    // Done: a later render does not take the focus back.
    document.body.insertAdjacentHTML('beforeend', '<input id="other">');
    document.querySelector<HTMLElement>('#other')!.focus();
    applyFocus();
    expect(document.activeElement?.id).toBe('other');
  });

  it('gives up a request whose view never came (it would take the focus much later)', () => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    focusSoon(FOCUS.caseView('287140000079583'));
    vi.setSystemTime(NOW + 10_000);
    document.body.innerHTML =
      '<section class="ar-caseview" data-dispute-id="287140000079583"><h2 class="ar-case-title" tabindex="-1">x</h2></section>';
    applyFocus();
    expect(document.activeElement).toBe(document.body);
  });
});
