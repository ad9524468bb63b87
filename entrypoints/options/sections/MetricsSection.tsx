/** Metrics computed honestly from the ledger, and the platform's formulas with inputs from its own dashboard. */
import { useEffect, useState } from 'preact/hooks';
import { reasonCategory } from '../../../lib/engine/reason';
import { DAY_MS, startOfChinaDay } from '../../../lib/shared/china-time';
import type { CaseEvent, CaseRecord } from '../../../lib/storage/db';
import { KIND_LABEL } from '../../../lib/ui/format';
import { db } from '../shared';

const REASON_LABEL: Record<string, string> = {
  'no-reason': '无理由',
  quality: '质量',
  'not-as-described': '描述不符',
  'missing-item': '少件',
  'wrong-item': '错发',
  damaged: '破损',
  fake: '假货',
  'not-received': '未收到',
  'late-shipment': '发货慢',
  agreed: '协商',
  postage: '运费',
  unknown: '其他',
};

interface Stats {
  weeks: { label: string; byKind: Record<string, number>; byReason: Record<string, number> }[];
  avgActionHours: number | null;
  actionSamples: number;
  misses: number;
}

function compute(cases: CaseRecord[], events: CaseEvent[], now: number): Stats {
  const week0 = startOfChinaDay(now) - 7 * 7 * DAY_MS;
  const weeks: (Stats['weeks'][number] & { start: number })[] = Array.from({ length: 8 }, (_, i) => ({
    start: week0 + i * 7 * DAY_MS,
    label: new Date(week0 + i * 7 * DAY_MS + 8 * 3_600_000).toISOString().slice(5, 10),
    byKind: {},
    byReason: {},
  }));
  for (const c of cases) {
    const t = Date.parse(c.appliedAt ?? c.firstSeenAt);
    const w = weeks.findLast((x) => t >= x.start);
    if (!w || t > now) continue;
    w.byKind[c.kind] = (w.byKind[c.kind] ?? 0) + 1;
    const r = reasonCategory(c.reason);
    w.byReason[r] = (w.byReason[r] ?? 0) + 1;
  }
  // From application to the first state change the shop caused (not a timeout).
  const firstChange = new Map<string, CaseEvent>();
  for (const e of events)
    if (e.type === 'status-change' && !e.auto && !firstChange.has(e.caseKey)) firstChange.set(e.caseKey, e);
  const durations: number[] = [];
  for (const c of cases) {
    const e = firstChange.get(c.key);
    if (!e || !c.appliedAt) continue;
    const d = Date.parse(e.at) - Date.parse(c.appliedAt);
    if (d > 0) durations.push(d);
  }
  return {
    weeks,
    avgActionHours: durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length / 3_600_000 : null,
    actionSamples: durations.length,
    misses: events.filter((e) => e.auto).length,
  };
}

function Bars({ data, labels }: { data: Record<string, number>; labels: Record<string, string> }) {
  const max = Math.max(1, ...Object.values(data));
  return (
    <div class="bars">
      {Object.entries(data).map(([k, n]) => (
        <div key={k} class="bar-row">
          <span>{labels[k] ?? k}</span>
          <span class="bar" style={{ width: `${(n / max) * 100}%` }} />
          <span>{n}</span>
        </div>
      ))}
    </div>
  );
}

const pct = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(2)}%` : '—');

export function MetricsSection() {
  const [stats, setStats] = useState<Stats | undefined>();
  const [inputs, setInputs] = useState({ refunds: '', orders: '', disputes: '', good: '', reviews: '' });
  useEffect(
    () =>
      void Promise.all([db.cases.toArray(), db.events.orderBy('at').toArray()]).then(([c, e]) =>
        setStats(compute(c, e, Date.now())),
      ),
    [],
  );
  const n = (k: keyof typeof inputs) => Number(inputs[k]) || 0;
  const input = (k: keyof typeof inputs, label: string) => (
    <label>
      {label}
      <input
        type="number"
        min="0"
        value={inputs[k]}
        onInput={(e) => setInputs({ ...inputs, [k]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  if (!stats) return <p class="muted">计算中…</p>;
  const recent = stats.weeks.filter((w) => Object.keys(w.byKind).length);
  return (
    <>
      <p class="muted">只统计本浏览器读到过的售后单（从第一次打开售后页面开始）。</p>
      <div class="kpis">
        <div>
          <b data-testid="avg-action">
            {stats.avgActionHours === null ? '—' : `${stats.avgActionHours.toFixed(1)} 小时`}
          </b>
          <span>从申请到商家处理的平均时长（{stats.actionSamples} 单）</span>
        </div>
        <div>
          <b data-testid="misses">{stats.misses}</b>
          <span>超过时限、由平台自动处理的单（漏处理）</span>
        </div>
      </div>
      <h3>每周售后（按类型 / 原因）</h3>
      {recent.length === 0 && <p class="muted">还没有数据。</p>}
      {recent.map((w) => (
        <div key={w.label} class="week">
          <b>{w.label} 起的一周</b>
          <Bars data={w.byKind} labels={KIND_LABEL} />
          <Bars data={w.byReason} labels={REASON_LABEL} />
        </div>
      ))}
      <h3>平台指标（数字请从生意参谋 / 店铺体验看板抄录）</h3>
      <div class="row wrap">
        {input('refunds', '近30天退款成功笔数')}
        {input('disputes', '判商家责任的纠纷笔数')}
        {input('orders', '近30天支付宝成交笔数')}
        {input('good', '近30天 4星+5星 评价数')}
        {input('reviews', '近30天 评价总数')}
      </div>
      <ul>
        <li>
          退款率 = 退款成功笔数 ÷ 成交笔数 = <b data-testid="refund-rate">{pct(n('refunds'), n('orders'))}</b>
        </li>
        <li>
          纠纷退款率 = 判商家责任笔数 ÷ 成交笔数 = <b>{pct(n('disputes'), n('orders'))}</b>
        </li>
        <li>
          售后满意度 = (4星+5星) ÷ 评价总数 = <b>{pct(n('good'), n('reviews'))}</b>
        </li>
      </ul>
    </>
  );
}
