/**
 * What staff taught the reader (页面标签, 状态文字), as one section of 设置 → 数据: loads the taught
 * entries from the background, lists them, and removes one on request. TaughtLabels and TaughtStatuses
 * say only what they list and how a row looks.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../../lib/messaging/client';
import type { Message, ReplyTo } from '../../../lib/messaging/protocol';

type ListMessage = { type: 'labels/taught' } | { type: 'statuses/taught' };

export interface TaughtSectionProps<M extends ListMessage, R> {
  title: string;
  intro: string;
  /** The message that lists the taught entries, e.g. `{ type: 'labels/taught' }`. */
  list: M;
  /** The rows of what the background answered. */
  rowsOf: (taught: ReplyTo<M>) => R[];
  empty: { text: string; testId: string };
  /** The table of the rows; `remove(row message)` forgets one and lists again. */
  table: (rows: R[], remove: (message: Message) => Promise<void>) => ComponentChildren;
  initial: ReplyTo<M>;
}

export function TaughtSection<M extends ListMessage, R>(p: TaughtSectionProps<M, R>) {
  const [taught, setTaught] = useState<ReplyTo<M>>(p.initial);
  const [error, setError] = useState<string>();
  const load = async () => {
    const r = await ask(p.list);
    if (r.ok) setTaught(r.value);
    else setError(r.error);
  };
  useEffect(() => void load(), []);
  const remove = async (message: Message) => {
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
