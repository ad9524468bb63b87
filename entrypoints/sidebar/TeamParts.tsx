/** Team sync in the sidebar: the header's status mark, and a case's claims, colleagues' notes and who read it. */
import type { CaseRecord } from '../../lib/storage/db';
import type { SyncStatus } from '../../lib/sync/replicator';
import { formatChinaShort } from '../../lib/shared/china-time';
import { useT } from '../../lib/ui/i18n';
import { statusMark, statusText } from '../../lib/ui/team';
import type { SidebarActions } from './actions';

export function SyncMark({ status }: { status: SyncStatus | undefined }) {
  const t = useT();
  const mark = statusMark(status);
  return (
    <span class={`ar-sync ar-sync-${mark.tone}`} data-testid="sync-mark" title={statusText(status)}>
      ⇅ {t(mark.text)}
    </span>
  );
}

const when = (at: string) => formatChinaShort(Date.parse(at));
/** The claims a case view lists (the rest counted): a case's view costs the same however many came. */
const SHOWN_CLAIMS = 10;

/**
 * 认领: advice, not a lock. Everyone who claimed the case is listed with the time; anyone can still
 * act, and claim it too.
 */
export function TeamCase({ record, me, actions }: { record: CaseRecord; me: string; actions: SidebarActions }) {
  const t = useT();
  const team = record.team;
  const claims = team?.claims ?? [];
  const mine = claims.some((c) => c.by === me);
  return (
    <section class="ar-section" aria-label="团队" data-testid="team-case">
      <h3 class="ar-h3">{t('团队')}</h3>
      {claims.length > 0 ? (
        <ul class="ar-list" data-testid="claims">
          {claims.slice(0, SHOWN_CLAIMS).map((c) => (
            <li key={c.by}>
              {c.by} {when(c.at)} {t('认领')}
            </li>
          ))}
          {claims.length > SHOWN_CLAIMS && <li>{t('另有 {n} 人认领', { n: claims.length - SHOWN_CLAIMS })}</li>}
        </ul>
      ) : (
        <p class="ar-why">{t('还没有人认领。')}</p>
      )}
      {claims.length > 1 && <p class="ar-why">{t('多人认领：请先商量由谁跟进。')}</p>}
      <button type="button" class="ar-btn" data-testid="claim" onClick={() => actions.claim(record.key, !mine)}>
        {mine ? t('放弃认领') : t('认领此单')}
      </button>
      {team?.note && record.staff?.note && (
        <p class="ar-why" data-testid="team-note">
          {t('备注 · {who} {at}：', { who: team.note.by, at: when(team.note.at) })}
          {record.staff.note.length > 80 ? `${record.staff.note.slice(0, 80)}…` : record.staff.note}
          {team.otherNotes.length > 0 && ` ${t('（另有同时写的备注，见下方）')}`}
        </p>
      )}
      {team?.seenBy && team.seenBy.by !== me && (
        <p class="ar-why" data-testid="seen-by">
          {t('{who} {at} 读到此单', { who: team.seenBy.by, at: when(team.seenBy.at) })}
        </p>
      )}
    </section>
  );
}

/** Notes colleagues wrote at the same time as the note shown: nothing is lost, staff choose. */
export function OtherNotes({
  record,
  actions,
  onUse,
}: {
  record: CaseRecord;
  actions: SidebarActions;
  onUse: (text: string) => void;
}) {
  const t = useT();
  const others = record.team?.otherNotes ?? [];
  if (!others.length) return null;
  return (
    <div class="ar-warn" role="note" data-testid="other-notes">
      <p>{t('同事在同一时间也写了备注（两份都保留了）：')}</p>
      <ul class="ar-list">
        {others.map((n) => (
          <li key={`${n.by}@${n.at}`}>
            <b>
              {n.by} {when(n.at)}
            </b>
            ：{n.value}{' '}
            <button type="button" class="ar-link" onClick={() => onUse(n.value)}>
              {t('放入编辑框')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="ar-link" onClick={() => actions.dismissNotes(record.key)}>
        {t('已看过，收起')}
      </button>
    </div>
  );
}
