/** 状态文字: the status wordings staff taught the reader, per seller host and case kind; each can be removed. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CASE_KINDS, type CaseStatus } from '../../../lib/shared/types';
import { KIND_LABEL, STATUS_NAME } from '../../../lib/ui/format';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
type Taught = Record<string, Partial<Record<(typeof CASE_KINDS)[number], Record<string, CaseStatus>>>>;
const ask = <T,>(m: unknown): Promise<Reply<T>> => browser.runtime.sendMessage<unknown, Reply<T>>(m);
const statusText = (s: CaseStatus) => (s === 'UNKNOWN' ? s : STATUS_NAME[s].zh);

export function TaughtStatuses() {
  const [taught, setTaught] = useState<Taught>({});
  const [error, setError] = useState<string>();
  const load = async () => {
    const r = await ask<Taught>({ type: 'statuses/taught' });
    if (r.ok) setTaught(r.value);
    else setError(r.error);
  };
  useEffect(() => void load(), []);
  const rows = Object.entries(taught).flatMap(([host, kinds]) =>
    CASE_KINDS.flatMap((kind) =>
      Object.entries(kinds[kind] ?? {}).map(([wording, status]) => ({ host, kind, wording, status })),
    ),
  );
  return (
    <>
      <h3>状态文字 Taught statuses</h3>
      <p class="muted">在侧栏“这是什么状态？”中教过的状态文字（按网站和售后类型），随导出文件带给同事。</p>
      {rows.length === 0 ? (
        <p class="muted" data-testid="taught-statuses-none">
          还没有教过的状态文字。
        </p>
      ) : (
        <table class="taught" data-testid="taught-statuses">
          <thead>
            <tr>
              <th>网站 Host</th>
              <th>类型 Kind</th>
              <th>页面文字 Wording</th>
              <th>状态 Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map(({ host, kind, wording, status }) => (
              <tr key={`${host}|${kind}|${wording}`} data-wording={wording}>
                <td>{host}</td>
                <td>{KIND_LABEL[kind]}</td>
                <td>{wording}</td>
                <td>{statusText(status)}</td>
                <td>
                  <button
                    type="button"
                    onClick={async () => {
                      const r = await ask({ type: 'statuses/teach', host, kind, wording });
                      if (!r.ok) return setError(r.error);
                      await load();
                    }}
                  >
                    删除 Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p role="alert">{error}</p>}
    </>
  );
}
