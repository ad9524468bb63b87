/**
 * Template packs: a shop owner exports the shop's replies as JSON and every staff member imports
 * the same file. Validated; markup in a template stays text (it is only ever rendered as text).
 */
import * as v from 'valibot';
import type { ReplyCategory, ReplyTemplate } from './model';
import { CATEGORY_LABEL } from './model';

export const PACK_FORMAT = 'aftersales-radar/replies';
export const PACK_VERSION = 1;

const Category = v.picklist(Object.keys(CATEGORY_LABEL) as [ReplyCategory, ...ReplyCategory[]]);
const PackTemplate = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w.-]{1,80}$/)),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  category: Category,
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(2000)),
  why: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

const PackSchema = v.object({
  format: v.literal(PACK_FORMAT),
  version: v.literal(PACK_VERSION),
  templates: v.pipe(v.array(PackTemplate), v.maxLength(1000)),
});

export type PackTemplate = v.InferOutput<typeof PackTemplate>;

export function exportPack(
  templates: readonly Pick<ReplyTemplate, 'id' | 'title' | 'category' | 'body' | 'why'>[],
): string {
  return JSON.stringify(
    {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      templates: templates.map(({ id, title, category, body, why }) => ({ id, title, category, body, why })),
    },
    null,
    2,
  );
}

export function parsePack(text: string): { ok: true; templates: PackTemplate[] } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: '文件不是有效的 JSON / not valid JSON' };
  }
  const r = v.safeParse(PackSchema, json);
  if (r.success) return { ok: true, templates: r.output.templates };
  const issue = r.issues[0];
  return {
    ok: false,
    error: `回复模板包有误 / invalid reply pack${issue ? ` at ${v.getDotPath(issue) ?? '?'}: ${issue.message}` : ''}`,
  };
}
