/** One case: the live countdown, guidance (steps, postage, compensation, 七天无理由, evidence), replies, notes and timeline. */
import { useEffect, useState } from 'preact/hooks';
import type { Assessment } from '../../lib/engine/assess';
import { freightCheck } from '../../lib/engine/freight';
import type { ShopPolicy } from '../../lib/engine/policy';
import type { ReplyTemplate } from '../../lib/replies/model';
import type { CaseEvent, CaseRecord } from '../../lib/storage/db';
import type { CaseSnapshot } from '../../lib/shared/types';
import { formatChinaShort } from '../../lib/shared/china-time';
import { ACTION_LABEL, formatFen, formatLeft, STATE_UNREAD, statusLabel, tierOf } from '../../lib/ui/format';
import { formatLeftIn, useLang, useT } from '../../lib/ui/i18n';
import type { SidebarActions } from './actions';
import { OtherNotes, TeamCase } from './TeamParts';
import { NeedsLine } from './NeedsLine';
import { Replies } from './Replies';
import { TeachStatus } from './TeachStatus';

const PAYER: Record<string, string> = {
  seller: '商家',
  buyer: '买家',
  insurance: '运费险',
  none: '不产生',
  unknown: '未知',
};
const EVENT_LABEL: Record<CaseEvent['type'], string> = {
  'first-seen': '首次记录',
  'status-change': '状态变化',
  'deadline-change': '时限变化',
  note: '备注',
  handled: '处理标记',
  step: '步骤',
  claim: '处理人',
  imported: '导入',
};

/** Timeline values: deadlines as China time, the rest as recorded. */
const eventValue = (e: CaseEvent, v: string) => (e.type === 'deadline-change' ? formatChinaShort(Date.parse(v)) : v);

function Countdown({ a, now }: { a: Assessment; now: number }) {
  const t = useT();
  const lang = useLang();
  const d = a.deadline;
  if (!d)
    return (
      <div class="ar-countdown ar-tier-none" data-testid="case-countdown">
        {t('本单已结束，没有待处理的时限')}
      </div>
    );
  if (d.at === null) {
    return (
      <div class="ar-countdown ar-tier-none" data-testid="case-countdown">
        <span>{t('时限未知')}</span>
        <small>{d.why}</small>
      </div>
    );
  }
  const due = Date.parse(d.at);
  if (d.actor === null) {
    // The state was not read: the page's countdown as shown, whose turn it is not guessed.
    return (
      <div
        class={`ar-countdown ar-tier-${tierOf(due, now)} ar-state-unread`}
        data-testid="case-countdown"
        data-basis={d.basis}
        data-state="unread"
      >
        <strong>{formatLeftIn(lang, formatLeft(due - now))}</strong>
        {d.consequence && <span>{t('后平台将{action}（页面所示）', { action: t(ACTION_LABEL[d.consequence]) })}</span>}
        <span class="ar-unread-note" data-testid="state-unread">
          {t(STATE_UNREAD)}
        </span>
        <small>
          {t('到期 {at} · ', { at: formatChinaShort(due) })}
          {`${t('来源：')}${d.why}`}
        </small>
      </div>
    );
  }
  return (
    <div class={`ar-countdown ar-tier-${tierOf(due, now)}`} data-testid="case-countdown" data-basis={d.basis}>
      <strong>{formatLeftIn(lang, formatLeft(due - now))}</strong>
      <span>{t('后平台将{action}', { action: t(ACTION_LABEL[d.consequence]) })}</span>
      <small>
        {t('到期 {at} · ', { at: formatChinaShort(due) })}
        {d.basis === 'page' ? `${t('来源：')}${d.why}` : `${t('估算：页面未显示倒计时。')}${d.why}`}
      </small>
    </div>
  );
}

function Steps({
  a,
  record,
  onToggle,
}: {
  a: Assessment;
  record: CaseRecord | undefined;
  onToggle?: (text: string, done: boolean) => void;
}) {
  const t = useT();
  const done = new Set(record?.staff?.stepsDone ?? []);
  if (a.needs.steps) {
    return (
      <section class="ar-section" aria-label="下一步" data-testid="steps-needs">
        <h3 class="ar-h3">{t('下一步')}</h3>
        <NeedsLine facts={a.needs.steps} />
      </section>
    );
  }
  return (
    <section class="ar-section" aria-label="下一步">
      <h3 class="ar-h3">{t('下一步')}</h3>
      <ul class="ar-steps" data-testid="steps">
        {a.steps.map((s) => (
          <li key={s}>
            <label>
              <input
                type="checkbox"
                checked={done.has(s)}
                disabled={!onToggle}
                onChange={(e) => onToggle?.(s, (e.target as HTMLInputElement).checked)}
              />
              <span>{s}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A 退货邮费 claim against the shop's freight table, when the page shows the return's province. */
function FreightLine({ c, policy }: { c: CaseSnapshot; policy: ShopPolicy }) {
  const t = useT();
  const check = freightCheck(c, policy.freightTables);
  if (!check) return null;
  return (
    <p class="ar-line" data-testid="freight-check">
      {t('本店运费表：{province} 首重 {first}，申请 {claimed}', {
        province: check.rate.province,
        first: formatFen(check.rate.firstFen),
        claimed: formatFen(check.claimedFen),
      })}
      {check.overFen > 0 && (
        <>
          {' '}
          <b class="ar-bad" data-testid="freight-over">
            {t('高于本店运费表首重 {over}', { over: formatFen(check.overFen) })}
          </b>
        </>
      )}
    </p>
  );
}

function Money({ a, c, policy }: { a: Assessment; c: CaseSnapshot; policy: ShopPolicy }) {
  const t = useT();
  const p = a.postage;
  return (
    <section class="ar-section" aria-label="运费与赔付" data-testid="money">
      <h3 class="ar-h3">{t('运费与赔付')}</h3>
      <p class="ar-line">
        {t('发货运费')}：<b>{t(PAYER[p.outboundPaidBy]!)}</b> · {t('退货运费')}：
        <b data-testid="return-payer">{t(PAYER[p.returnPaidBy]!)}</b>
        {p.reshipPaidBy && (
          <>
            {' '}
            · {t('补寄运费')}：<b>{t(PAYER[p.reshipPaidBy]!)}</b>
          </>
        )}
      </p>
      <p class="ar-why">{p.why}</p>
      <FreightLine c={c} policy={policy} />
      {a.promiseNote && (
        <p class="ar-why" data-testid="promise-note">
          {a.promiseNote}
        </p>
      )}
      {a.compensation.length === 0 ? (
        <p class="ar-why">{t('按目前读到的信息，无需赔付。')}</p>
      ) : (
        <ul class="ar-comp" data-testid="compensation">
          {a.compensation.map((c) => (
            <li key={c.kind} data-kind={c.kind}>
              <b>{c.fen === null ? t('金额待定') : formatFen(c.fen)}</b> <span class="ar-why">{c.formula}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The shop's 指定快递 / 到货承诺 / 质量问题反馈时限 where they bear on the case; what the page cannot show, said. */
function Promises({ a }: { a: Assessment }) {
  const t = useT();
  if (a.promises.length === 0) return null;
  return (
    <section class="ar-section" aria-label="店铺承诺" data-testid="promises">
      <h3 class="ar-h3">{t('店铺承诺')}</h3>
      <ul class="ar-list">
        {a.promises.map((p) => (
          <li key={p.type} data-type={p.type} data-verdict={p.verdict} class={p.verdict === 'broken' ? 'ar-bad' : ''}>
            {p.text}
            {p.missing.length > 0 && (
              <small class="ar-why">
                {' '}
                {t('页面未显示：')}
                {p.missing.join('；')}
              </small>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Why: every rule applied to the case, with the conditions that held. */
function RulesWhy({ a }: { a: Assessment }) {
  const t = useT();
  if (a.applied.length === 0) return null;
  return (
    <details class="ar-section" data-testid="rules-why">
      <summary class="ar-why">{t('依据（{n} 条规则）', { n: a.applied.length })}</summary>
      <ul class="ar-list">
        {a.applied.map((r) => (
          <li key={r.rule} data-rule={r.rule}>
            <b>{r.title}</b>
            <span class="ar-why">
              {' '}
              {t('条件：')}
              {r.held.join('；') || t('无')}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function SevenDay({ a }: { a: Assessment }) {
  const t = useT();
  const s = a.sevenDay;
  if (!s.applies) return null;
  const promise = s.returnPromise;
  return (
    <section class="ar-section" aria-label="七天无理由" data-testid="seven-day">
      <h3 class="ar-h3">{t('七天无理由')}</h3>
      <p class="ar-line">
        {s.endsAt ? t('截止 {at}', { at: formatChinaShort(Date.parse(s.endsAt)) }) : t('截止时间未知')}
        {s.appliedInWindow === false && <b class="ar-bad">{t('（申请已超过期限）')}</b>}
      </p>
      <p class="ar-why">{s.why}</p>
      {promise && (
        <p class="ar-line" data-testid="return-promise">
          {t('店铺退货承诺 {days} 天', { days: promise.days })}
          {promise.endsAt
            ? t('：截止 {at}', { at: formatChinaShort(Date.parse(promise.endsAt)) })
            : t('：签收时间未知')}
          {promise.appliedInWindow === true && s.appliedInWindow === false && (
            <b>{t('（七天已过，仍在退货承诺期内）')}</b>
          )}
          {promise.appliedInWindow === false && <b class="ar-bad">{t('（已超过退货承诺期）')}</b>}
        </p>
      )}
      <p class="ar-why">{t('验货时请确认（不要凭猜测）：')}</p>
      <ul class="ar-list">
        {s.checklist.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </section>
  );
}

function Notes({ record, actions, shared }: { record: CaseRecord; actions: SidebarActions; shared: boolean }) {
  const t = useT();
  const [note, setNote] = useState(record.staff?.note ?? '');
  const [saved, setSaved] = useState(false);
  useEffect(() => setNote(record.staff?.note ?? ''), [record.key, record.staff?.note]);
  return (
    <section class="ar-section" aria-label="备注">
      <h3 class="ar-h3">{shared ? t('备注（团队共享）') : t('备注（只存本机）')}</h3>
      {record.team?.note && (
        <p class="ar-why" data-testid="note-by">
          {t('{who} {at} 写的', { who: record.team.note.by, at: formatChinaShort(Date.parse(record.team.note.at)) })}
        </p>
      )}
      <OtherNotes record={record} actions={actions} onUse={(text) => setNote(note ? `${note}\n${text}` : text)} />
      <textarea
        class="ar-note"
        value={note}
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        aria-label="备注"
        rows={2}
      />
      <div class="ar-reply-actions">
        <button
          type="button"
          class="ar-btn"
          onClick={async () => {
            await actions.staff(record.key, { note });
            setSaved(true);
          }}
        >
          {t('保存备注')}
        </button>
        <label class="ar-check">
          <input
            type="checkbox"
            checked={!!record.staff?.handled}
            onChange={(e) => actions.staff(record.key, { handled: (e.target as HTMLInputElement).checked })}
          />
          {t('已处理')}
        </label>
        {saved && <span class="ar-ok">{t('已保存')}</span>}
      </div>
    </section>
  );
}

export function CaseView(props: {
  c: CaseSnapshot;
  a: Assessment;
  now: number;
  policy: ShopPolicy;
  templates: readonly ReplyTemplate[];
  ledger: { record: CaseRecord; events: CaseEvent[] } | undefined;
  actions: SidebarActions;
  onBack?: () => void;
  /** With team sync on: this staff member's name (claims and notes are shared). */
  me?: string;
}) {
  const { c, a, now, ledger, actions } = props;
  const t = useT();
  const lang = useLang();
  const record = ledger?.record;
  const fields: [string, string | undefined][] = [
    ['订单编号', c.orderId],
    ['买家', c.buyer],
    [
      '类型',
      c.refundType
        ? `${c.refundType}${c.phase === 'onsale' ? '（售中）' : c.phase === 'aftersale' ? '（售后）' : ''}`
        : undefined,
    ],
    ['金额', c.kind === 'postage' ? formatFen(c.postageFen) : formatFen(c.refundFen)],
    ['实付', c.paidFen === undefined ? undefined : formatFen(c.paidFen)],
    ['原因', c.reason],
    ['商品', c.item],
    [
      '退货物流',
      c.returnLogistics
        ? [
            c.returnLogistics.carrier,
            c.returnLogistics.number,
            c.returnLogistics.state,
            c.returnLogistics.fromProvince && `${c.returnLogistics.fromProvince}发出`,
          ]
            .filter(Boolean)
            .join(' ')
        : undefined,
    ],
  ];
  return (
    <section class="ar-caseview" data-dispute-id={c.disputeId} aria-label="当前售后单">
      {props.onBack && (
        <button type="button" class="ar-link" onClick={props.onBack}>
          {t('← 返回列表')}
        </button>
      )}
      <h2 class="ar-h2 ar-case-title" tabIndex={-1}>
        {statusLabel(c.status, c.statusText)}
      </h2>
      <Countdown a={a} now={now} />
      <TeachStatus c={c} />
      {c.drift && c.drift.length > 0 && (
        <p class="ar-warn" role="note" data-testid="case-drift">
          {t('页面上读到但未采用：')}
          {c.drift.join('；')}
        </p>
      )}
      {a.workingMsLeft !== undefined && (
        <p class="ar-why" data-testid="working-hours">
          {t('工作时间内还剩 {left}', { left: formatLeftIn(lang, formatLeft(a.workingMsLeft)) })}
        </p>
      )}
      {a.flags.length > 0 && (
        <ul class="ar-flags">
          {a.flags.map((f) => (
            <li key={f.id} class={`ar-flag ar-flag-${f.id}`}>
              {f.text}
            </li>
          ))}
        </ul>
      )}
      {record && props.me !== undefined && <TeamCase record={record} me={props.me} actions={actions} />}
      <Steps
        a={a}
        record={record}
        onToggle={record ? (text, done) => actions.staff(record.key, { step: { text, done } }) : undefined}
      />
      <Money a={a} c={c} policy={props.policy} />
      <SevenDay a={a} />
      <Promises a={a} />
      <RulesWhy a={a} />
      {a.evidence.length > 0 && (
        <section class="ar-section" aria-label="举证材料" data-testid="evidence">
          <h3 class="ar-h3">{t('准备举证材料')}</h3>
          <ul class="ar-list">
            {a.evidence.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
      )}
      <Replies c={c} a={a} now={now} policy={props.policy} templates={props.templates} onInsert={actions.insert} />
      <section class="ar-section" aria-label="售后单信息">
        <h3 class="ar-h3">{t('售后单')}</h3>
        <dl class="ar-fields">
          <div>
            <dt>{t('售后单号')}</dt>
            <dd>{c.disputeId}</dd>
          </div>
          {fields
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{t(k)}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </section>
      {record && <Notes record={record} actions={actions} shared={props.me !== undefined} />}
      {ledger && ledger.events.length > 0 && (
        <section class="ar-section" aria-label="本地记录" data-testid="timeline">
          <h3 class="ar-h3">{t('本地记录')}</h3>
          <ol class="ar-timeline">
            {ledger.events.map((e) => (
              <li key={e.id ?? `${e.type}${e.at}`}>
                <span class="ar-why">{formatChinaShort(Date.parse(e.at))}</span> {e.by ? `${e.by} · ` : ''}
                {t(EVENT_LABEL[e.type])}
                {e.to ? `：${e.from ? `${eventValue(e, e.from)} → ` : ''}${eventValue(e, e.to)}` : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
