/**
 * What staff taught the reader (页面标签, 状态文字), as one section of 设置 → 数据: loads the taught
 * entries from the background, lists them, and removes one on request. TaughtLabels and TaughtStatuses
 * say only what they list and how a row looks.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
const ask = <T,>(m: unknown): Promise<Reply<T>> => browser.runtime.sendMessage<unknown, Reply<T>>(m);

export interface TaughtSectionProps<T, R> {
  title: string;
  intro: string;
  /** The message that lists the taught entries, e.g. `{ type: 'labels/taught' }`. */
  list: { type: 'labels/taught' | 'statuses/taught' };
  /** The rows of what the background answered. */
  rowsOf: (taught: T) => R[];
  empty: { text: string; testId: string };
  /** The table of the rows; `remove(row message)` forgets one and lists again. */
  table: (rows: R[], remove: (message: unknown) => Promise<void>) => ComponentChildren;
  initial: T;
}

export function TaughtSection<T, R>(p: TaughtSectionProps<T, R>) {
  const [taught, setTaught] = useState<T>(p.initial);
  const [error, setError] = useState<string>();
  const load = async () => {
    const r = await ask<T>(p.list);
    if (r.ok) setTaught(r.value);
    else setError(r.error);
  };
  useEffect(() => void load(), []);
  const remove = async (message: unknown) => {
    const r = await ask(message);
    if (!r.ok) return setError(r.error);
    await load();
  };
  const rows = p.rowsOf(taught);
  return (
    <>
      <h3>{p.title}</h3>
      <p class="muted">{p.intro}</p>
      {rows.length === 0 ? (
        <p class="muted" data-testid={p.empty.testId}>
          {p.empty.text}
        </p>
      ) : (
        p.table(rows, remove)
      )}
      {error && <p role="alert">{error}</p>}
    </>
  );
}
