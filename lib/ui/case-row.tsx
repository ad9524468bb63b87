/** One case in a list: countdown chip, status, ids, amount. Used by the sidebar and the popup. */
import type { CaseSnapshot } from '../shared/types';
import { ACTION_LABEL, formatFen, formatLeft, KIND_LABEL, statusLabel, tierOf } from './format';

export function deadlineMs(c: Pick<CaseSnapshot, 'pageDeadline'>): number | undefined {
  const ms = c.pageDeadline ? Date.parse(c.pageDeadline.at) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

export function CaseRow({ c, now, onSelect }: { c: CaseSnapshot; now: number; onSelect?: () => void }) {
  const due = deadlineMs(c);
  const tier = tierOf(due, now);
  const amount = c.kind === 'postage' ? c.postageFen : c.refundFen;
  return (
    <li class={`ar-case ar-tier-${tier}`} data-dispute-id={c.disputeId} data-tier={tier}>
      <button type="button" class="ar-case-btn" onClick={onSelect} aria-label={`${KIND_LABEL[c.kind]} ${c.disputeId}`}>
        <span class="ar-chip" data-testid="countdown">
          {due === undefined ? '无倒计时' : formatLeft(due - now)}
        </span>
        <span class="ar-case-main">
          <span class="ar-case-status">{statusLabel(c.status, c.statusText)}</span>
          {c.pageDeadline?.action && due !== undefined && (
            <span class="ar-case-action">到期{ACTION_LABEL[c.pageDeadline.action]}</span>
          )}
          <span class="ar-case-meta">
            {KIND_LABEL[c.kind]} {c.disputeId}
            {c.buyer ? ` · ${c.buyer}` : ''}
          </span>
        </span>
        <span class="ar-case-amount">{formatFen(amount)}</span>
      </button>
    </li>
  );
}
