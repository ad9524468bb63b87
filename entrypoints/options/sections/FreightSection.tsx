/**
 * 运费表: the shop's freight table (lib/engine/freight.ts), per carrier, entered by hand or by pasting
 * the 买家须知's text, which is parsed and shown for confirmation before it fills the form. A 退货邮费
 * case is checked against it in the sidebar; replies can fill the freight for the buyer's province.
 */
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import {
  parseFreightText,
  provincesIn,
  type FreightRate,
  type FreightTable,
  type ParsedFreight,
} from '../../../lib/engine/freight';
import { FreightTablesSchema } from '../../../lib/storage/policy-schema';
import { FREIGHT_KEY } from '../../../lib/storage/policy-store';
import { getSetting, putSetting } from '../shared';

interface RegionDraft {
  provinces: string;
  first: string;
  extra: string;
  carrier: string;
}
interface TableDraft {
  carrier: string;
  first: string;
  extra: string;
  regions: RegionDraft[];
}

const yuanText = (fen: number | undefined) => (fen === undefined ? '' : String(fen / 100));
const fenOf = (s: string) => (s.trim() ? Math.round(Number(s) * 100) : undefined);
const emptyTable = (): TableDraft => ({ carrier: '', first: '', extra: '', regions: [] });
const emptyRegion = (): RegionDraft => ({ provinces: '', first: '', extra: '', carrier: '' });

function toDraft(t: FreightTable): TableDraft {
  return {
    carrier: t.carrier ?? '',
    first: yuanText(t.default?.firstFen),
    extra: yuanText(t.default?.extraFen),
    regions: t.regions.map((r) => ({
      provinces: r.provinces.join('、'),
      first: yuanText(r.firstFen),
      extra: yuanText(r.extraFen),
      carrier: r.carrier ?? '',
    })),
  };
}

const rateOf = (first: string, extra: string): FreightRate | undefined => {
  const firstFen = fenOf(first);
  const extraFen = fenOf(extra);
  return firstFen === undefined ? undefined : { firstFen, ...(extraFen !== undefined ? { extraFen } : {}) };
};

/** The drafts as tables (rows without provinces and a price are left out), or what is wrong. */
function fromDrafts(drafts: TableDraft[]): { tables: FreightTable[] } | { error: string } {
  const tables: FreightTable[] = [];
  for (const d of drafts) {
    const def = rateOf(d.first, d.extra);
    const regions = d.regions
      .filter((r) => r.provinces.trim() || r.first.trim())
      .map((r) => ({
        provinces: provincesIn(r.provinces),
        ...(rateOf(r.first, r.extra) ?? { firstFen: NaN }),
        ...(r.carrier.trim() ? { carrier: r.carrier.trim() } : {}),
      }));
    const bad = regions.find((r) => !r.provinces.length || !Number.isFinite(r.firstFen));
    if (bad) return { error: '每个地区需要至少一个省份和首重价格' };
    if (!def && !regions.length) continue;
    tables.push({
      ...(d.carrier.trim() ? { carrier: d.carrier.trim() } : {}),
      ...(def ? { default: def } : {}),
      regions,
    });
  }
  const r = v.safeParse(FreightTablesSchema, tables);
  return r.success ? { tables: r.output } : { error: `运费表有误：${r.issues[0]?.message ?? ''}` };
}

/** What a paste was read as, for the shop to confirm. */
function Preview({ parsed }: { parsed: ParsedFreight }) {
  const rate = (r: FreightRate) =>
    `首重 ¥${yuanText(r.firstFen)}${r.extraFen !== undefined ? `，续重 ¥${yuanText(r.extraFen)}/KG` : ''}`;
  return (
    <div data-testid="freight-preview">
      <ul>
        <li>
          {parsed.table.default ? `默认：${rate(parsed.table.default)}` : '未识别到默认运费（未列出的省份不作判断）'}
        </li>
        {parsed.table.regions.map((r, i) => (
          <li key={i}>
            {r.provinces.join('、')}
            {r.carrier ? `（${r.carrier}）` : ''}：{rate(r)}
          </li>
        ))}
      </ul>
      {parsed.unread.length > 0 && <p class="bad">未能识别：{parsed.unread.join('；')}</p>}
    </div>
  );
}

function RegionRow({ r, set, remove }: { r: RegionDraft; set: (r: RegionDraft) => void; remove: () => void }) {
  const input = (k: keyof RegionDraft, label: string, size: number) => (
    <input
      aria-label={label}
      placeholder={label}
      size={size}
      value={r[k]}
      onInput={(e) => set({ ...r, [k]: (e.target as HTMLInputElement).value })}
    />
  );
  return (
    <div class="row wrap freight-region">
      {input('provinces', '省份（顿号分隔）', 28)}
      {input('first', '首重（元）', 6)}
      {input('extra', '续重（元/KG）', 8)}
      {input('carrier', '限快递（可空）', 8)}
      <button type="button" onClick={remove}>
        删除
      </button>
    </div>
  );
}

function TableEditor({ t, set, remove }: { t: TableDraft; set: (t: TableDraft) => void; remove: () => void }) {
  const field = (k: 'carrier' | 'first' | 'extra') => (e: Event) =>
    set({ ...t, [k]: (e.target as HTMLInputElement).value });
  return (
    <fieldset class="freight-table" data-testid="freight-table">
      <legend>{t.carrier || '默认快递'}</legend>
      <div class="row wrap">
        <label>
          快递公司（空 = 默认）
          <input value={t.carrier} onInput={field('carrier')} maxLength={20} size={10} />
        </label>
        <label>
          默认首重（元）
          <input value={t.first} onInput={field('first')} size={6} inputMode="decimal" />
        </label>
        <label>
          续重（元/KG）
          <input value={t.extra} onInput={field('extra')} size={6} inputMode="decimal" />
        </label>
        <button type="button" onClick={remove}>
          删除此表
        </button>
      </div>
      {t.regions.map((r, i) => (
        <RegionRow
          key={i}
          r={r}
          set={(next) => set({ ...t, regions: t.regions.map((x, j) => (j === i ? next : x)) })}
          remove={() => set({ ...t, regions: t.regions.filter((_, j) => j !== i) })}
        />
      ))}
      <button type="button" onClick={() => set({ ...t, regions: [...t.regions, emptyRegion()] })}>
        添加地区
      </button>
    </fieldset>
  );
}

export function FreightSection() {
  const [drafts, setDrafts] = useState<TableDraft[]>([]);
  const [paste, setPaste] = useState('');
  const [parsed, setParsed] = useState<ParsedFreight | null | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  useEffect(
    () => void getSetting<FreightTable[]>(FREIGHT_KEY).then((t) => setDrafts(t?.length ? t.map(toDraft) : [])),
    [],
  );
  const save = async () => {
    const r = fromDrafts(drafts);
    if ('error' in r) return setMessage({ ok: false, text: r.error });
    await putSetting(FREIGHT_KEY, r.tables.length ? r.tables : null);
    setDrafts(r.tables.map(toDraft));
    setMessage({ ok: true, text: r.tables.length ? '已保存，已打开的页面会自动更新' : '已清除运费表' });
  };
  const confirmPaste = () => {
    if (!parsed) return;
    // The paste fills the default table (no carrier), or a new one.
    const at = drafts.findIndex((d) => !d.carrier.trim());
    const next = toDraft(parsed.table);
    setDrafts(at < 0 ? [...drafts, next] : drafts.map((d, i) => (i === at ? next : d)));
    setParsed(undefined);
    setPaste('');
    setMessage({ ok: true, text: '已填入下表，请核对后保存' });
  };
  return (
    <div data-testid="freight">
      <p class="muted">
        本店运费表（买家须知中的首重、续重和地区价格）。在退货邮费单上，页面显示退货发货地时，侧栏会把买家申请的邮费与该省的首重比较；回复模板可用
        {'{运费}'} 填入买家所在省的运费。没有运费表或页面没有省份时，不作判断。
      </p>
      <label>
        粘贴买家须知中的运费说明
        <textarea
          rows={3}
          value={paste}
          data-testid="freight-paste"
          placeholder="例：默认首重10元、续重3元/KG；首重12元：山东、福建、山西；15元：云南、海南"
          onInput={(e) => setPaste((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <button type="button" onClick={() => setParsed(parseFreightText(paste) ?? null)} disabled={!paste.trim()}>
        识别
      </button>
      {parsed === null && <p class="bad">没有识别到运费价格。</p>}
      {parsed && (
        <div class="editor">
          <b>识别结果，请确认：</b>
          <Preview parsed={parsed} />
          <button type="button" onClick={confirmPaste}>
            确认，填入运费表
          </button>{' '}
          <button type="button" onClick={() => setParsed(undefined)}>
            取消
          </button>
        </div>
      )}
      {drafts.map((t, i) => (
        <TableEditor
          key={i}
          t={t}
          set={(next) => setDrafts(drafts.map((x, j) => (j === i ? next : x)))}
          remove={() => setDrafts(drafts.filter((_, j) => j !== i))}
        />
      ))}
      <div class="row wrap">
        <button type="button" onClick={() => setDrafts([...drafts, emptyTable()])}>
          {drafts.length ? '添加快递公司的运费表' : '手动填写运费表'}
        </button>
        <button type="button" onClick={() => void save()} data-testid="freight-save">
          保存运费表
        </button>
        {message && <span class={message.ok ? 'ok' : 'bad'}>{message.text}</span>}
      </div>
    </div>
  );
}
