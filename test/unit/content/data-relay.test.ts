import { describe, expect, it } from 'vitest';
import { createDataRelay, KEPT_RESPONSES } from '../../../entrypoints/seller.content/data-relay';

const settle = () => new Promise((r) => setTimeout(r, 0));

function relayTo(worker: { epoch: string }) {
  const forwarded: string[] = [];
  let changes = 0;
  const relay = createDataRelay({
    forward: async (text) => (forwarded.push(text), worker.epoch),
    platform: () => 'taobao',
    onChange: () => changes++,
  });
  return { relay, forwarded, changes: () => changes };
}

describe('the data relay', () => {
  it('forwards each response of the page as it came, and counts it as a new reading', async () => {
    const { relay, forwarded, changes } = relayTo({ epoch: 'w1' });
    relay.receive('{"a":1}');
    relay.receive('{"b":2}');
    await settle();
    expect(forwarded).toEqual(['{"a":1}', '{"b":2}']);
    expect([relay.version, changes()]).toEqual([2, 2]);
  });

  it('forwards in idle time when asked to, in order, and at once before cases go to the ledger', async () => {
    const forwarded: string[] = [];
    const idle: (() => void)[] = [];
    const relay = createDataRelay({
      forward: async (text) => (forwarded.push(text), 'w1'),
      platform: () => 'taobao',
      onChange: () => {},
      later: (fn) => idle.push(fn),
    });
    relay.receive('{"a":1}');
    relay.receive('{"b":2}');
    await settle();
    expect(forwarded).toEqual([]);
    expect(relay.version).toBe(2);
    relay.flush();
    await settle();
    expect(forwarded).toEqual(['{"a":1}', '{"b":2}']);
    // The idle callbacks come later and find nothing left to send.
    for (const fn of idle) fn();
    relay.receive('{"c":3}');
    idle.at(-1)!();
    await settle();
    expect(forwarded).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('forwards the last few again when an answer comes from a restarted worker, once', async () => {
    const worker = { epoch: 'w1' };
    const { relay, forwarded, changes } = relayTo(worker);
    for (let i = 1; i <= KEPT_RESPONSES + 1; i++) relay.receive(`{"n":${i}}`);
    await settle();
    relay.checkEpoch('w1'); // the worker that holds them: nothing to do
    expect(forwarded).toHaveLength(KEPT_RESPONSES + 1);
    worker.epoch = 'w2';
    relay.checkEpoch('w2');
    relay.checkEpoch('w2'); // asked again before the first forward was answered: not twice
    await settle();
    expect(forwarded.slice(KEPT_RESPONSES + 1)).toEqual(['{"n":2}', '{"n":3}', '{"n":4}']);
    expect([relay.version, changes()]).toEqual([KEPT_RESPONSES + 2, KEPT_RESPONSES + 2]);
    relay.checkEpoch('w2');
    await settle();
    expect(forwarded).toHaveLength(KEPT_RESPONSES + 1 + KEPT_RESPONSES);
  });

  it('an answer without an epoch, or before any response went, changes nothing', () => {
    const { relay, forwarded } = relayTo({ epoch: 'w1' });
    relay.checkEpoch('w9');
    relay.checkEpoch(undefined);
    expect([forwarded, relay.version]).toEqual([[], 0]);
  });
});
