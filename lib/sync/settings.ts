/**
 * Team sync's settings (团队同步): off unless the shop turns it on and names its own server. Kept in
 * the extension's storage.local (with the staff member's credentials, which nothing logs or exports).
 */
import * as v from 'valibot';

/** CouchDB's rule for database names. */
const DATABASE = /^[a-z][a-z0-9_$()+/-]{0,127}$/;

export const TeamSettingsSchema = v.object({
  enabled: v.boolean(),
  /** The server's address, e.g. https://sync.example.com:6984 (http only for this computer). */
  server: v.pipe(v.string(), v.maxLength(300)),
  database: v.pipe(v.string(), v.regex(DATABASE, '数据库名：小写字母开头，只含小写字母、数字和 _$()+-/')),
  username: v.pipe(v.string(), v.minLength(1, '请填写账号'), v.maxLength(100)),
  password: v.pipe(v.string(), v.minLength(1, '请填写密码'), v.maxLength(200)),
  /** The name colleagues see on claims and notes (小王). */
  name: v.pipe(v.string(), v.trim(), v.minLength(1, '请填写您的称呼'), v.maxLength(40)),
  /** Also share the cases each browser reads. */
  snapshots: v.boolean(),
});
export type TeamSettings = v.InferOutput<typeof TeamSettingsSchema>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The server's origin and the one host permission to ask for, or why the address cannot be used:
 * HTTPS, except for this computer (a server on loopback is for trying it out).
 */
export function serverOrigin(address: string): { origin: string; pattern: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { error: '服务器地址无效，例如 https://sync.example.com / not a valid address' };
  }
  if (url.username || url.password)
    return { error: '账号密码请填在下面，不要写进地址 / no credentials in the address' };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return { error: '只能用 HTTPS（本机 localhost 除外）/ HTTPS only, except localhost' };
  const path = url.pathname.replace(/\/+$/, '');
  return { origin: `${url.origin}${path}`, pattern: `${url.protocol}//${url.host}/*` };
}

/** Validated settings, or the first problem in words. */
export function parseTeamSettings(input: unknown): { ok: true; settings: TeamSettings } | { ok: false; error: string } {
  const r = v.safeParse(TeamSettingsSchema, input);
  if (!r.success) return { ok: false, error: r.issues[0].message };
  const origin = serverOrigin(r.output.server);
  if ('error' in origin) return { ok: false, error: origin.error };
  return { ok: true, settings: r.output };
}

/** The shop database's address on the server. */
export function databaseUrl(s: TeamSettings): string {
  const origin = serverOrigin(s.server);
  if ('error' in origin) throw new Error(origin.error);
  return `${origin.origin}/${encodeURIComponent(s.database)}`;
}

/** A failed run in words staff can act on: rejected (fix the settings) or offline (it will retry). */
export function syncFailure(e: unknown): { state: 'rejected' | 'offline'; error: string } {
  const status = (e as { status?: unknown } | null)?.status;
  if (status === 401) return { state: 'rejected', error: '账号或密码错误 / wrong name or password' };
  if (status === 403) return { state: 'rejected', error: '此账号无权访问这个数据库 / no permission for this database' };
  if (status === 404) return { state: 'rejected', error: '服务器上没有这个数据库 / no such database on the server' };
  const detail = e instanceof Error ? e.message : String((e as { message?: unknown } | null)?.message ?? e);
  return {
    state: 'offline',
    error: `连不上同步服务器，稍后自动重试 / server unreachable, retrying${detail ? ` (${detail.slice(0, 200)})` : ''}`,
  };
}
