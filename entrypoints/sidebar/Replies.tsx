/** Suggested replies for one case: why each fits, missing values asked for, one click to insert. */
import { useMemo, useState } from 'preact/hooks';
import type { Assessment } from '../../lib/engine/assess';
import type { ShopPolicy } from '../../lib/engine/policy';
import { fillTemplate, placeholderValues } from '../../lib/replies/fill';
import { replyNeeds, suggestReplies } from '../../lib/replies/rank';
import type { ReplyTemplate } from '../../lib/replies/model';
import type { CaseSnapshot } from '../../lib/shared/types';
import { useT } from '../../lib/ui/i18n';
import { NeedsLine } from './NeedsLine';

function Reply({
  t,
  why,
  values,
  onInsert,
}: {
  t: ReplyTemplate;
  why: string;
  values: Record<string, string>;
  onInsert: (text: string) => Promise<{ ok: boolean; message: string }>;
}) {
  const t2 = useT();
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ ok: boolean; message: string } | undefined>();
  const filled = fillTemplate(t.body, values, extra);
  return (
    <li class="ar-reply" data-reply-id={t.id}>
      <div class="ar-reply-head">
        <strong>{t.title}</strong>
        <span class="ar-reply-why">{why}</span>
      </div>
      <p class="ar-reply-text">{filled.text}</p>
      {filled.unresolved.map((name) => (
        <label class="ar-reply-missing" key={name}>
          {t2('请填写「{name}」', { name })}
          <input
            type="text"
            value={extra[name] ?? ''}
            onInput={(e) => setExtra({ ...extra, [name]: (e.target as HTMLInputElement).value })}
            aria-label={`填写 ${name}`}
          />
        </label>
      ))}
      <div class="ar-reply-actions">
        <button
          type="button"
          class="ar-btn ar-btn-primary"
          disabled={filled.unresolved.length > 0}
          title={filled.unresolved.length ? `还缺：${filled.unresolved.join('、')}` : '插入到页面的留言框'}
          onClick={async () => setResult(await onInsert(filled.text))}
        >
          {t2('插入回复')}
        </button>
        {result && (
          <span class={result.ok ? 'ar-ok' : 'ar-bad'} role="status">
            {result.message}
          </span>
        )}
      </div>
    </li>
  );
}

export function Replies({
  c,
  a,
  now,
  policy,
  templates,
  onInsert,
}: {
  c: CaseSnapshot;
  a: Assessment;
  now: number;
  policy: ShopPolicy;
  templates: readonly ReplyTemplate[];
  onInsert: (text: string) => Promise<{ ok: boolean; message: string }>;
}) {
  // Ranked once per case and judgement, not on every tick of the clock.
  const t = useT();
  const suggestions = useMemo(() => suggestReplies(templates, c, a, 4), [templates, c, a]);
  const values = placeholderValues({
    case: c,
    assessment: a,
    now,
    shop: {
      shopName: policy.shopName,
      staffName: policy.staffName,
      returnAddress: policy.returnAddress,
      freightTables: policy.freightTables,
    },
  }) as Record<string, string>;
  const needs = replyNeeds(c);
  if (!suggestions.length && !needs.length) return null;
  return (
    <section class="ar-section" aria-label="建议回复">
      <h3 class="ar-h3">{t('建议回复')}</h3>
      {needs.length > 0 && (
        <div data-testid="replies-needs">
          <NeedsLine facts={needs} what="按状态给出的回复" />
        </div>
      )}
      <ol class="ar-replies" data-testid="replies">
        {suggestions.map((s) => (
          <Reply key={s.template.id} t={s.template} why={s.why} values={values} onInsert={onInsert} />
        ))}
      </ol>
    </section>
  );
}
