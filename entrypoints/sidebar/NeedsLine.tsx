/** 需要：售后状态 — the line shown in place of an output that turns on a fact the page did not show. */
import type { Fact } from '../../lib/engine/assess';
import { FACT_LABEL } from '../../lib/ui/format';
import { useT } from '../../lib/ui/i18n';

export function NeedsLine({ facts, what }: { facts: readonly Fact[]; what?: string }) {
  const t = useT();
  return (
    <p class="ar-line">
      {what && <span class="ar-why">{t(what)} · </span>}
      <span class="ar-needs" data-testid="needs">
        {t('需要：{facts}', { facts: facts.map((f) => t(FACT_LABEL[f])).join('、') })}
      </span>
    </p>
  );
}
