/** 页面标签: the labels staff taught the reader, per seller host; each can be removed. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TEACHABLE_FIELDS } from '../../../lib/page/vocabulary';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
type Taught = Record<string, Record<string, string>>;
const ask = <T,>(m: unknown): Promise<Reply<T>> => browser.runtime.sendMessage<unknown, Reply<T>>(m);
const meaningText = (m: string) =>
  m === 'ignore' ? '忽略 ignore' : (TEACHABLE_FIELDS.find((f) => f.field === m)?.zh ?? m);

export function TaughtLabels() {
  const [taught, setTaught] = useState<Taught>({});
  const [error, setError] = useState<string>();
  const load = async () => {
    const r = await ask<Taught>({ type: 'labels/taught' });
    if (r.ok) setTaught(r.value);
    else setError(r.error);
  };
  useEffect(() => void load(), []);
  const hosts = Object.keys(taught);
  return (
    <>
      <h3>页面标签 Taught labels</h3>
      <p class="muted">在侧栏“教一教”中教过的页面标签。它们只会增加识别的标签，并随导出文件带给同事。</p>
      {hosts.length === 0 && (
        <p class="muted" data-testid="taught-none">
          还没有教过的标签。
        </p>
      )}
      {hosts.map((host) => (
        <table key={host} class="taught" data-testid="taught" data-host={host}>
          <caption>{host}</caption>
          <tbody>
            {Object.entries(taught[host]!).map(([label, meaning]) => (
              <tr key={label} data-label={label}>
                <td>{label}</td>
                <td>{meaningText(meaning)}</td>
                <td>
                  <button
                    type="button"
                    onClick={async () => {
                      const r = await ask({ type: 'labels/teach', host, label });
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
      ))}
      {error && <p role="alert">{error}</p>}
    </>
  );
}
