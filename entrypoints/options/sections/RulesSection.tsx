/** The engine's default rule profile, each with its explanation, source and confidence; values can be overridden. */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_RULES, type RuleOverrides } from '../../../lib/engine/rules';
import { describeWhen } from '../../../lib/engine/when';
import { RULES_KEY } from '../../../lib/storage/policy-store';
import { getSetting, putSetting } from '../shared';
import { RULE_PARAM_RANGES, ruleOverridesProblem } from '../../../lib/sync/rule-ranges';

const CONFIDENCE: Record<string, string> = {
  official: '官方规则',
  estimated: '估计（以页面为准）',
  unverified: '未核实',
};
const PARAM: Record<string, string> = {
  hours: '小时',
  percent: '百分比',
  minFen: '最低（分）',
  maxFen: '最高（分）',
  defaultShipHours: '默认发货时限（小时）',
  multiplier: '倍数',
};

export function RulesSection() {
  const [overrides, setOverrides] = useState<RuleOverrides>({});
  useEffect(() => void getSetting<RuleOverrides>(RULES_KEY).then((o) => setOverrides(o ?? {})), []);
  const save = async (next: RuleOverrides) => {
    setOverrides(next);
    await putSetting(RULES_KEY, next);
  };
  return (
    <>
      <p class="muted">页面上的平台倒计时永远优先；这些数值只在页面没有显示倒计时时用来估算。</p>
      <ul class="rules">
        {DEFAULT_RULES.map((r) => (
          <li key={r.id} data-rule={r.id}>
            <div>
              <b>{r.title}</b> <span class={`conf conf-${r.confidence}`}>{CONFIDENCE[r.confidence]}</span>
            </div>
            <p>{r.explanation}</p>
            <p class="muted">适用条件：{describeWhen(r.when)}</p>
            <p class="muted">来源：{r.source}</p>
            {Object.entries(r.params).map(([name, def]) => (
              <label key={name} class="row">
                {PARAM[name] ?? name}
                <input
                  type="number"
                  min={RULE_PARAM_RANGES[name]?.min ?? 0}
                  max={RULE_PARAM_RANGES[name]?.max}
                  value={overrides[r.id]?.[name] ?? def}
                  aria-label={`${r.title} ${PARAM[name] ?? name}`}
                  onChange={(e) => {
                    const val = Number((e.target as HTMLInputElement).value);
                    const next = { ...overrides, [r.id]: { ...(overrides[r.id] ?? {}), [name]: val } };
                    // The same ranges a colleague's rules are held to (team sync): out of range is not saved.
                    if (!Number.isFinite(val) || ruleOverridesProblem({ [r.id]: next[r.id]! })) return;
                    void save(next);
                  }}
                />
                {overrides[r.id]?.[name] !== undefined && (
                  <button
                    type="button"
                    onClick={() => {
                      const { [name]: _drop, ...rest } = overrides[r.id] ?? {};
                      const next = { ...overrides, [r.id]: rest };
                      if (!Object.keys(rest).length) delete next[r.id];
                      void save(next);
                    }}
                  >
                    恢复默认（{def}）
                  </button>
                )}
              </label>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
