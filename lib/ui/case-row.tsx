/** One case in a list: countdown chip, status, ids, amount. Used by the sidebar and the popup. */
import { amountAtStake, type AutoAction, type CaseSnapshot } from '../shared/types';
import { ACTION_LABEL, formatFen, formatLeft, KIND_LABEL, STATE_UNREAD, statusLabel, tierOf } from './format';
import { formatLeftIn, useLang, useT } from './i18n';

/**
 * The next platform deadline as a row shows it. `actor` null: the case's state was not read, so
 * the countdown is only the page's, and `consequence` only what the page's words announced.
 */
export interface RowDue {
  at: string;
  basis: 'page' | 'rule';
  actor: 'seller' | 'buyer' | null;
  consequence: AutoAction | null;
}

/** `aside`: a line under the row's ids (the cockpit says when a stale case was last read). */
export function CaseRow({
  c,
  due,
  now,
  onSelect,
  aside,
}: {
  c: CaseSnapshot;
  due: RowDue | null | undefined;
  now: number;
  onSelect?: () => void;
  aside?: string;
}) {
  const t = useT();
  const lang = useLang();
  const dueMs = due ? Date.parse(due.at) : undefined;
  const tier = tierOf(dueMs, now);
  const unread = due && due.actor === null ? due : undefined;
  const amount = amountAtStake(c);
  return (
    <li
      class={`ar-case ar-tier-${tier}${unread ? ' ar-state-unread' : ''}`}
      data-dispute-id={c.disputeId}
      data-tier={tier}
      data-state={unread ? 'unread' : undefined}
    >
      {/* Its name is its visible text: countdown, status, what happens when it runs out, ids, amount. */}
      <button type="button" class="ar-case-btn" onClick={onSelect}>
        <span
          class="ar-chip"
          data-testid="countdown"
          title={
            due?.basis === 'rule'
              ? '按规则估算（页面未显示倒计时）'
              : unread
                ? '平台页面倒计时（状态未读到）'
                : '平台页面倒计时'
          }
        >
          {dueMs === undefined ? t('无倒计时') : formatLeftIn(lang, formatLeft(dueMs - now))}
          {due?.basis === 'rule' && <small class="ar-est">{t('估')}</small>}
        </span>
        <span class="ar-case-main">
          <span class="ar-case-status">{statusLabel(c.status, c.statusText)}</span>
          {due && !unread && due.consequence && (
            <span class="ar-case-action">{t('到期{action}', { action: t(ACTION_LABEL[due.consequence]) })}</span>
          )}
          {unread && (
            <span class="ar-case-action ar-case-unread" data-testid="state-unread">
              {unread.consequence
                ? `${t('到期{action}（页面所示）', { action: t(ACTION_LABEL[unread.consequence]) })} · `
                : ''}
              {t(STATE_UNREAD)}
            </span>
          )}
          <span class="ar-case-meta">
            {t(KIND_LABEL[c.kind])} {c.disputeId}
            {c.orderId ? ` · ${t('订单')} ${c.orderId}` : ''}
            {c.buyer ? ` · ${c.buyer}` : ''}
          </span>
          {aside && <span class="ar-case-aside">{aside}</span>}
        </span>
        <span class="ar-case-amount">{formatFen(amount)}</span>
      </button>
    </li>
  );
}
