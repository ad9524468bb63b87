/** The templates a shop actually uses: the shipped library with its edits, plus its own. */
import type { ReplyRecord } from '../storage/db';
import type { ReplyCategory, ReplyTemplate } from './model';
import { CATEGORY_LABEL } from './model';

export function effectiveTemplates(
  shipped: readonly ReplyTemplate[],
  records: readonly ReplyRecord[],
): ReplyTemplate[] {
  const edits = new Map(records.filter((r) => r.shippedId).map((r) => [r.shippedId!, r]));
  const out: ReplyTemplate[] = [];
  for (const t of shipped) {
    const e = edits.get(t.id);
    if (e?.deleted) continue;
    out.push(e ? { ...t, title: e.title, body: e.body } : t);
  }
  const own = records
    .filter((r) => !r.shippedId && !r.deleted)
    .sort((a, b) => a.order - b.order)
    .map((r): ReplyTemplate => ({
      id: r.id,
      title: r.title,
      category: (r.category in CATEGORY_LABEL ? r.category : 'greeting') as ReplyCategory,
      body: r.body,
      fit: {},
      why: '店铺自己的模板',
      origin: 'user',
    }));
  return [...out, ...own];
}
