/**
 * Colleagues' changes to the shop's rules and commitments, as they came by team sync: who, when, and
 * each value before and after ("小王 12-07 10:32 修改了平台规则：淘宝延迟发货赔付 5% → 50%"), kept so
 * staff see them and can undo one. Pure but for the two storage helpers at the end.
 */
import { COMMITMENT_LABEL } from '../engine/when';
import type { CommitmentEntry } from '../engine/policy';
import { DEFAULT_RULES, type RuleOverrides } from '../engine/rules';
import { formatChinaShort } from '../shared/china-time';
import { yuan } from '../shared/types';
import type { RadarDB } from '../storage/db';

export const TEAM_CHANGES_KEY = 'teamChanges';
/** The changes remembered, newest first. */
const MAX_CHANGES = 50;

export interface RuleChange {
  rule: string;
  param: string;
  from: number;
  to: number;
}

export type TeamChange = { by: string; at: string; undone?: boolean } & (
  | { kind: 'rules'; changes: RuleChange[]; before: RuleOverrides | null }
  | { kind: 'commitment'; entry: CommitmentEntry; before: CommitmentEntry | null }
);

const RULES = new Map(DEFAULT_RULES.map((r) => [r.id as string, r]));

/** Every rule parameter whose effective value differs between two sets of overrides. */
export function ruleChanges(before: RuleOverrides | undefined | null, after: RuleOverrides | undefined | null) {
  const out: RuleChange[] = [];
  for (const rule of DEFAULT_RULES)
    for (const [param, def] of Object.entries(rule.params)) {
      const from = before?.[rule.id]?.[param] ?? def;
      const to = after?.[rule.id]?.[param] ?? def;
      if (from !== to) out.push({ rule: rule.id, param, from, to });
    }
  return out;
}

const PARAM: Record<string, string> = {
  hours: '时限',
  percent: '比例',
  minFen: '最低',
  maxFen: '最高',
  defaultShipHours: '默认发货时限',
  multiplier: '倍数',
};

function value(param: string, v: number): string {
  if (param === 'percent') return `${v}%`;
  if (param.endsWith('Fen')) return yuan(v);
  if (param.toLowerCase().endsWith('hours')) return `${v} 小时`;
  if (param === 'multiplier') return `${v} 倍`;
  return String(v);
}

function commitmentText(c: CommitmentEntry | null): string {
  if (!c) return '无';
  if (!c.enabled) return '关闭';
  const params = Object.entries(c)
    .filter(([k]) => !['type', 'enabled', 'effectiveFrom'].includes(k))
    .map(([k, v]) =>
      k === 'amountFen'
        ? yuan(Number(v))
        : k === 'postagePaidBy' || k === 'reshipPaidBy'
          ? `${k === 'postagePaidBy' ? '运费' : '补寄运费'}${v === 'seller' ? '商家' : '买家'}承担`
          : `${k === 'days' ? `${String(v)} 天` : k === 'hours' ? `${String(v)} 小时` : String(v)}`,
    );
  return ['开启', ...params].join(' ');
}

/** One change in words: who, when, what, before → after. */
export function changeText(c: TeamChange): string {
  const head = `${c.by} ${formatChinaShort(Date.parse(c.at))}`;
  if (c.kind === 'rules')
    return `${head} 修改了平台规则：${c.changes
      .map(
        (x) =>
          `${RULES.get(x.rule)?.title ?? x.rule} ${PARAM[x.param] ?? x.param} ${value(x.param, x.from)} → ${value(x.param, x.to)}`,
      )
      .join('；')}`;
  return `${head} 修改了服务承诺：${COMMITMENT_LABEL[c.entry.type]} ${commitmentText(c.before)} → ${commitmentText(c.entry)}（${c.entry.effectiveFrom.slice(0, 10)} 起）`;
}

/** The changes kept, newest first. */
export async function loadTeamChanges(db: RadarDB): Promise<TeamChange[]> {
  const v = (await db.settings.get(TEAM_CHANGES_KEY))?.value;
  return Array.isArray(v) ? (v as TeamChange[]) : [];
}

/** Remember these changes (inside the caller's transaction on `settings`). */
export async function noteTeamChanges(db: RadarDB, changes: TeamChange[]): Promise<void> {
  if (!changes.length) return;
  const had = await loadTeamChanges(db);
  await db.settings.put({ key: TEAM_CHANGES_KEY, value: [...changes.reverse(), ...had].slice(0, MAX_CHANGES) });
}
