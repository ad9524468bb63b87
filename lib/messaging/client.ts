/** Sending a protocol message to the background and unwrapping its reply. */
import { browser } from 'wxt/browser';
import type { Message, Reply, ReplyTo } from './protocol';

/** What goes with every message from here: the sidebar's ticket (sidebar-gate.ts), nothing elsewhere. */
let stamp: { ticket?: string } = {};
export function stampMessages(ticket: string): void {
  stamp = { ticket };
}

/** Sends `message`; its reply's type is the one the protocol fixes for that message (`ReplyValues`). */
export async function send<M extends Message>(message: M): Promise<ReplyTo<M>> {
  const reply = await browser.runtime.sendMessage<Message, Reply<ReplyTo<M>> | undefined>(
    stamp.ticket ? { ...message, ...stamp } : message,
  );
  if (!reply) throw new Error('no reply from the background');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends `message` and gives its reply as it came (ok with the value, or the reason), for views that show the reason. */
export async function ask<M extends Message>(message: M): Promise<Reply<ReplyTo<M>>> {
  return (
    (await browser.runtime.sendMessage<Message, Reply<ReplyTo<M>> | undefined>(message)) ?? {
      ok: false,
      error: 'no reply from the background',
    }
  );
}
