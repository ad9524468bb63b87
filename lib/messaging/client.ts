/** Sending a protocol message to the background and unwrapping its reply. */
import { browser } from 'wxt/browser';
import type { Message, Reply } from './protocol';

/** What goes with every message from here: the sidebar's ticket (sidebar-gate.ts), nothing elsewhere. */
let stamp: { ticket?: string } = {};
export function stampMessages(ticket: string): void {
  stamp = { ticket };
}

export async function send<T>(message: Message): Promise<T> {
  const reply = await browser.runtime.sendMessage<Message, Reply<T> | undefined>(
    stamp.ticket ? { ...message, ...stamp } : message,
  );
  if (!reply) throw new Error('no reply from the background');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
