/** The shop's promises, each kept as a history of entries so old orders are judged by old promises. */
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import type { CommitmentType } from '../../../lib/engine/policy';
import type { PolicyRecord } from '../../../lib/storage/db';
import { CommitmentSchema } from '../../../lib/storage/policy-schema';
import { commitmentOf } from '../../../lib/storage/shops';
import { chinaDateToIso, chinaToday, db, settingsChanged } from '../shared';
import { ShopPicker, useShops } from './ShopPicker';

type Param = { name: string; label: string; kind: 'number' | 'payer' | 'fen'; default: number | string };
const TYPES: { type: CommitmentType; title: string; explain: string; params: Param[] }[] = [
  {
    type: 'seven-day',
    title: '七天无理由（或更长）',
    explain: '签收次日零时起计算的无理由退货天数',
    params: [{ name: 'days', label: '天数', kind: 'number', default: 7 }],
  },
  {
    type: 'shipping-promise',
    title: '发货时间承诺',
    explain: '付款后多少小时内发货；超时按规则赔付',
    params: [{ name: 'hours', label: '小时', kind: 'number', default: 48 }],
  },
  { type: 'fake-3x', title: '假一赔三', explain: '判定假货：退款并另赔两倍价款和全部运费', params: [] },
  {
    type: 'quality-promise',
    title: '品质承诺',
    explain: '质量与描述不符时另付的赔偿金',
    params: [{ name: 'amountFen', label: '赔偿金（元）', kind: 'fen', default: 1000 }],
  },
  {
    type: 'return-promise',
    title: '退货承诺',
    explain: '承诺期内的退货运费由谁承担',
    params: [
      { name: 'days', label: '天数', kind: 'number', default: 15 },
      { name: 'postagePaidBy', label: '运费承担', kind: 'payer', default: 'seller' },
    ],
  },
  {
    type: 'damage-reship',
    title: '破损补寄',
    explain: '运输破损可补寄一次，补寄运费由谁承担',
    params: [{ name: 'reshipPaidBy', label: '补寄运费', kind: 'payer', default: 'seller' }],
  },
  { type: 'designated-carrier', title: '指定快递', explain: '按买家指定的快递配送', params: [] },
  {
    type: 'arrival-promise',
    title: '到货承诺',
    explain: '承诺的送达天数',
    params: [{ name: 'days', label: '天数', kind: 'number', default: 3 }],
  },
  { type: 'freight-insurance', title: '运费险（商家投保）', explain: '买家承担的退货运费由保险理赔', params: [] },
  {
    type: 'quality-report-window',
    title: '质量问题反馈时限',
    explain: '签收后多少小时内反馈质量问题（如生鲜 48 小时）',
    params: [{ name: 'hours', label: '小时', kind: 'number', default: 48 }],
  },
];

function Editor({
  t,
  history,
  onSaved,
  shop,
}: {
  t: (typeof TYPES)[number];
  history: PolicyRecord[];
  onSaved: () => void;
  /** The shop the entry is for; undefined: the primary shop's (stored without a shop). */
  shop: string | undefined;
}) {
  const current = history.filter((h) => Date.parse(h.effectiveFrom) <= Date.now()).at(-1);
  const [enabled, setEnabled] = useState(current?.enabled ?? false);
  const [from, setFrom] = useState(chinaToday());
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      t.params.map((p) => [
        p.name,
        String(
          current && p.name in current
            ? p.kind === 'fen'
              ? Number((current as Record<string, unknown>)[p.name]) / 100
              : (current as Record<string, unknown>)[p.name]
            : p.default,
        ),
      ]),
    ),
  );
  const [error, setError] = useState<string | undefined>();
  const save = async () => {
    const entry: Record<string, unknown> = { type: t.type, enabled, effectiveFrom: chinaDateToIso(from) };
    for (const p of t.params)
      entry[p.name] =
        p.kind === 'payer'
          ? values[p.name]
          : p.kind === 'fen'
            ? Math.round(Number(values[p.name]) * 100)
            : Number(values[p.name]);
    const r = v.safeParse(CommitmentSchema, entry);
    if (!r.success) return setError(`数值有误：${r.issues[0]?.message ?? ''}`);
    setError(undefined);
    await db.policies.add({ ...r.output, ...(shop ? { shop } : {}) });
    await settingsChanged();
    onSaved();
  };
  return (
    <li class="commitment" data-commitment={t.type}>
      <div class="commitment-head">
        <label class="row">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => setEnabled((e.target as HTMLInputElement).checked)}
            aria-label={`${t.title} 开启`}
          />
          <b>{t.title}</b>
        </label>
        <span class="muted">{t.explain}</span>
      </div>
      <div class="row wrap">
        {t.params.map((p) => (
          <label key={p.name}>
            {p.label}
            {p.kind === 'payer' ? (
              <select
                value={values[p.name]}
                onChange={(e) => setValues({ ...values, [p.name]: (e.target as HTMLSelectElement).value })}
              >
                <option value="seller">商家</option>
                <option value="buyer">买家</option>
              </select>
            ) : (
              <input
                type="number"
                min="0"
                step={p.kind === 'fen' ? '0.01' : '1'}
                value={values[p.name]}
                onInput={(e) => setValues({ ...values, [p.name]: (e.target as HTMLInputElement).value })}
              />
            )}
          </label>
        ))}
        <label>
          生效日期 From
          <input
            type="date"
            value={from}
            onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
            aria-label={`${t.title} 生效日期`}
          />
        </label>
        <button type="button" onClick={save}>
          保存为新的一条记录
        </button>
        {error && <span class="bad">{error}</span>}
      </div>
      {history.length > 0 && (
        <ol class="history">
          {history.map((h) => (
            <li key={h.id}>
              {h.effectiveFrom.slice(0, 10)} 起：{h.enabled ? '开启' : '关闭'}
              {t.params.map(
                (p) =>
                  ` · ${p.label} ${p.kind === 'fen' ? Number((h as Record<string, unknown>)[p.name]) / 100 : String((h as Record<string, unknown>)[p.name])}`,
              )}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

export function CommitmentsSection() {
  const [all, setAll] = useState<PolicyRecord[] | undefined>();
  const { shops, shop, primary, choose } = useShops();
  const load = () => void db.policies.orderBy('effectiveFrom').toArray().then(setAll);
  useEffect(load, []);
  if (!all) return <p class="muted">读取中…</p>;
  const mine = all.filter((h) => commitmentOf(h, shop, primary));
  const own = shop !== undefined && shop !== primary ? shop : undefined;
  return (
    <>
      <ShopPicker shops={shops} shop={shop} choose={choose} />
      <p class="muted">每次保存都会新增一条带生效日期的记录，旧记录保留：售后单按付款时有效的承诺来判断。</p>
      <ul class="commitments" key={shop ?? ''} data-shop={shop ?? ''}>
        {TYPES.map((t) => (
          <Editor key={t.type} t={t} history={mine.filter((h) => h.type === t.type)} onSaved={load} shop={own} />
        ))}
      </ul>
    </>
  );
}
