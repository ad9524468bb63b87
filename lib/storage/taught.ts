/**
 * Labels staff taught the reader, per seller host (21: "a page the staff can teach"). Kept in the
 * ledger's settings under one key, so the settings export carries them and one colleague can teach
 * the whole team. Validated and size-limited: a label is a short text, its meaning one of the
 * teachable fields or `ignore`.
 */
import * as v from 'valibot';
import { isSellerHost } from '../page/hosts';
import type { TaughtLabels } from '../page/tokens';
import { LABELS, TEACHABLE_FIELDS } from '../page/vocabulary';
import type { RadarDB } from './db';

export const TAUGHT_SETTING = 'taughtLabels';
export const MAX_TAUGHT_PER_HOST = 100;

const Meaning = v.picklist([...TEACHABLE_FIELDS.map((f) => f.field), 'ignore'] as const);
/** A label as staff saw it: 1–20 characters of text, no colon, no digits (a value is no label). */
export const TaughtLabelSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1),
  v.maxLength(20),
  v.regex(/^[^:：\d<>]+$/u, '标签不能含冒号、数字或尖括号'),
);
const HostLabels = v.pipe(
  v.record(TaughtLabelSchema, Meaning),
  v.check((r) => Object.keys(r).length <= MAX_TAUGHT_PER_HOST, `每个网站最多 ${MAX_TAUGHT_PER_HOST} 个标签`),
);
export const TaughtSchema = v.pipe(
  v.record(v.pipe(v.string(), v.check(isSellerHost, '只能为卖家后台网站添加标签')), HostLabels),
  v.check((r) => Object.keys(r).length <= 10, 'too many hosts'),
);
export type Taught = v.InferOutput<typeof TaughtSchema>;
export type Meaning = v.InferOutput<typeof Meaning>;

export const isMeaning = (m: string): m is Meaning => v.is(Meaning, m);

/**
 * Every host's taught labels. A stored value that fails validation keeps what is valid of it: each
 * valid label of each seller host, the last added within the per-host limit (never none for one bad part).
 */
export async function loadTaught(db: RadarDB): Promise<Taught> {
  const stored = (await db.settings.get(TAUGHT_SETTING))?.value ?? {};
  const r = v.safeParse(TaughtSchema, stored);
  if (r.success) return r.output;
  const out: Taught = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const [host, labels] of Object.entries(stored as Record<string, unknown>)) {
    if (!isSellerHost(host) || !labels || typeof labels !== 'object' || Object.keys(out).length >= 10) continue;
    const kept = Object.entries(labels as Record<string, unknown>).flatMap(([label, meaning]) => {
      const name = v.safeParse(TaughtLabelSchema, label);
      return name.success && typeof meaning === 'string' && isMeaning(meaning) ? [[name.output, meaning] as const] : [];
    });
    if (kept.length) out[host] = Object.fromEntries(kept.slice(-MAX_TAUGHT_PER_HOST));
  }
  return out;
}

/** One host's taught labels, for its reader. */
export async function taughtFor(db: RadarDB, host: string): Promise<TaughtLabels> {
  return (await loadTaught(db))[host] ?? {};
}

/**
 * Teach a label (or forget it, `meaning` undefined). Returns the reason when it is refused: a label
 * the reader already knows is not taught again.
 */
export async function teach(
  db: RadarDB,
  host: string,
  label: string,
  meaning: Meaning | undefined,
): Promise<string | undefined> {
  const name = v.safeParse(TaughtLabelSchema, label);
  if (!name.success) return name.issues[0].message;
  if (!isSellerHost(host)) return '只能为卖家后台网站添加标签 / only seller backend hosts';
  if (meaning !== undefined && Object.hasOwn(LABELS, name.output))
    return `“${name.output}”已是内置标签 / already a built-in label`;
  return db.transaction('rw', db.settings, async () => {
    const all = await loadTaught(db);
    const labels = { ...(all[host] ?? {}) };
    if (meaning === undefined) delete labels[name.output];
    else labels[name.output] = meaning;
    const next = { ...all, [host]: labels };
    if (!Object.keys(labels).length) delete next[host];
    const checked = v.safeParse(TaughtSchema, next);
    if (!checked.success) return checked.issues[0].message;
    await db.settings.put({ key: TAUGHT_SETTING, value: checked.output });
    return undefined;
  });
}

/** Taught labels from an imported settings file, merged into this browser's: what this browser has wins. */
export function mergeTaught(mine: Taught, imported: unknown): Taught {
  const r = v.safeParse(TaughtSchema, imported);
  if (!r.success) return mine;
  const out: Record<string, Record<string, Meaning>> = { ...mine };
  for (const [host, labels] of Object.entries(r.output)) out[host] = { ...labels, ...(mine[host] ?? {}) };
  const checked = v.safeParse(TaughtSchema, out);
  return checked.success ? checked.output : mine;
}
