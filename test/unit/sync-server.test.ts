// The team-sync server (scripts/sync-server.mjs) as the extension meets it: a PouchDB client replicating
// over HTTP with a shop member's Basic credentials (团队同步, issue #25).
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server.mjs';

PouchDB.plugin(httpAdapter).plugin(memoryAdapter).plugin(replication);

interface CaseDoc {
  _id: string;
  _rev?: string;
  refundId: string;
  claimedBy?: string;
  note?: string;
}

const USERS = {
  databases: {
    'qinghe-shop': { xiaowang: 'wang-secret', xiaoli: 'li-secret' },
    'other-shop': { zhangsan: 'zhang-secret' },
  },
};

let server: SyncServer;
let clientCount = 0;

beforeAll(async () => {
  server = await startSyncServer({ port: 0, users: USERS });
});
afterAll(async () => {
  await server.close();
});

/** A colleague's browser: its own local database. */
function localClient(): PouchDB.Database<CaseDoc> {
  return new PouchDB<CaseDoc>(`sync-client-${++clientCount}`, { adapter: 'memory' });
}

function remote(username: string, password: string, db = 'qinghe-shop'): PouchDB.Database<CaseDoc> {
  return new PouchDB<CaseDoc>(`${server.url}/${db}`, {
    adapter: 'http',
    auth: { username, password },
    skip_setup: true,
  });
}

/** What the shop database holds, read as a member. */
async function serverIds(): Promise<string[]> {
  const all = await remote('xiaowang', 'wang-secret').allDocs();
  return all.rows.map((row) => row.id);
}

async function replicationError(run: Promise<unknown>): Promise<{ status?: number; name?: string }> {
  try {
    await run;
  } catch (error) {
    return error as { status?: number; name?: string };
  }
  throw new Error('replication succeeded where it should have failed');
}

describe('team-sync server', () => {
  it('carries a colleague’s claims and notes to the other colleague, both ways', async () => {
    const wang = localClient();
    const li = localClient();
    await wang.bulkDocs([
      { _id: 'case:R1001', refundId: 'R1001', claimedBy: 'xiaowang' },
      { _id: 'case:R1002', refundId: 'R1002', note: '买家已寄回' },
    ]);
    await wang.replicate.to(remote('xiaowang', 'wang-secret'));
    await li.replicate.from(remote('xiaoli', 'li-secret'));
    expect((await li.get('case:R1001')).claimedBy).toBe('xiaowang');

    const r1002 = await li.get('case:R1002');
    await li.put({ ...r1002, claimedBy: 'xiaoli' });
    await li.replicate.to(remote('xiaoli', 'li-secret'));
    await wang.replicate.from(remote('xiaowang', 'wang-secret'));
    expect(await wang.get('case:R1002')).toMatchObject({ claimedBy: 'xiaoli', note: '买家已寄回' });
  });

  it('keeps both colleagues’ offline edits of one case, exposing the loser as a conflict', async () => {
    const wang = localClient();
    const li = localClient();
    await wang.put({ _id: 'case:R2001', refundId: 'R2001' });
    await wang.replicate.to(remote('xiaowang', 'wang-secret'));
    await li.replicate.from(remote('xiaoli', 'li-secret'));

    await wang.put({ ...(await wang.get('case:R2001')), note: '小王: 已联系快递' });
    await li.put({ ...(await li.get('case:R2001')), note: '小李: 买家要求换货' });
    await wang.replicate.to(remote('xiaowang', 'wang-secret'));
    await li.replicate.to(remote('xiaoli', 'li-secret'));
    await wang.replicate.from(remote('xiaowang', 'wang-secret'));

    const winner = await wang.get('case:R2001', { conflicts: true });
    expect(winner._conflicts).toHaveLength(1);
    const loser = await wang.get('case:R2001', { rev: winner._conflicts?.[0] });
    expect([winner.note, loser.note].sort()).toEqual(['小李: 买家要求换货', '小王: 已联系快递']);
  });

  it('refuses a wrong password with 401 and writes nothing', async () => {
    const before = await serverIds();
    const wang = localClient();
    await wang.put({ _id: 'case:R3001', refundId: 'R3001', claimedBy: 'xiaowang' });

    const error = await replicationError(wang.replicate.to(remote('xiaowang', 'not-the-password')));
    expect(error.status).toBe(401);
    expect(await serverIds()).toEqual(before);
    const response = await fetch(`${server.url}/qinghe-shop`, { headers: basic('xiaowang', 'wrong') });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
  });

  it('refuses another shop’s staff with 403, and members the server-wide endpoints', async () => {
    const stranger = localClient();
    const error = await replicationError(stranger.replicate.from(remote('zhangsan', 'zhang-secret')));
    expect(error.status).toBe(403);
    expect(await stranger.allDocs()).toMatchObject({ total_rows: 0 });

    const member = basic('xiaowang', 'wang-secret');
    const allDbs = await fetch(`${server.url}/_all_dbs`, { headers: member });
    expect(allDbs.status).toBe(401);
    const newDb = await fetch(`${server.url}/my-own-db`, { method: 'PUT', headers: member });
    expect(newDb.status).toBe(401);
    const dropShop = await fetch(`${server.url}/qinghe-shop`, { method: 'DELETE', headers: member });
    expect(dropShop.status).toBe(401);
    expect(await serverIds()).toContain('case:R1001');
  });

  it('logs every request without its credentials', () => {
    expect(server.requests.length).toBeGreaterThan(10);
    expect(server.requests).toContainEqual({ method: 'GET', path: '/_all_dbs', status: 401, user: 'xiaowang' });
    const log = JSON.stringify(server.requests);
    for (const secret of ['wang-secret', 'li-secret', 'Basic ']) expect(log).not.toContain(secret);
  });

  it('is unreachable while paused, and after resume nothing written before or during is lost', async () => {
    const wang = localClient();
    const li = localClient();
    await wang.put({ _id: 'case:R4001', refundId: 'R4001', claimedBy: 'xiaowang' });
    await wang.replicate.to(remote('xiaowang', 'wang-secret'));

    await server.pause();
    await wang.put({ _id: 'case:R4002', refundId: 'R4002', claimedBy: 'xiaowang' });
    await replicationError(wang.replicate.to(remote('xiaowang', 'wang-secret')));
    await replicationError(li.replicate.from(remote('xiaoli', 'li-secret')));

    await server.resume();
    await wang.replicate.to(remote('xiaowang', 'wang-secret'));
    await li.replicate.from(remote('xiaoli', 'li-secret'));
    expect((await li.allDocs()).rows.map((row) => row.id)).toEqual(
      expect.arrayContaining(['case:R1001', 'case:R4001', 'case:R4002']),
    );
  });

  it('pausing drops a live replication’s open connection at once, as a server going down would', async () => {
    const li = localClient();
    const live = li.replicate.from(remote('xiaoli', 'li-secret'), { live: true, retry: false });
    const ended = new Promise<unknown>((resolve) => {
      void live.on('error', resolve).on('complete', resolve);
    });
    await new Promise((resolve) => {
      void live.once('paused', resolve); // caught up, now waiting on the changes feed
    });
    const within = (ms: number) =>
      new Promise((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms));
    try {
      await Promise.race([server.pause().then(() => ended), within(5_000)]);
    } finally {
      live.cancel();
      await server.resume();
    }
  });

  it('will not start on a users file it cannot honour', async () => {
    const badName = { databases: { 'Qinghe Shop': { xiaowang: 'pw' } } };
    await expect(startSyncServer({ port: 0, users: badName })).rejects.toThrow(/not a valid CouchDB database name/);
    const emptyPassword = { databases: { 'qinghe-shop': { xiaowang: '' } } };
    await expect(startSyncServer({ port: 0, users: emptyPassword })).rejects.toThrow(/non-empty password/);
  });

  it('answers OPTIONS without credentials', async () => {
    const response = await fetch(`${server.url}/qinghe-shop`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toContain('PUT');
  });
});

function basic(username: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}
