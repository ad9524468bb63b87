/** Two (or more) staff browsers and the shop's server for the team-sync tests: PouchDB on the memory adapter stands in for both. */
import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import Replication from 'pouchdb-replication';
import { upsertCases } from '../../../lib/storage/cases';
import { createDb, type RadarDB } from '../../../lib/storage/db';
import { EMPTY_POLICY, type ShopPolicy } from '../../../lib/engine/policy';
import { TeamSync } from '../../../lib/sync/replicator';
import { listSource, snapshotOf } from '../storage/snapshots';

PouchDB.plugin(MemoryAdapter).plugin(Replication);

let n = 0;
const opened: { destroy(): Promise<unknown> }[] = [];
export const T0 = Date.parse('2026-12-03T10:00:00+08:00');
export const at = (min: number) => T0 + min * 60_000;

export function browser(
  name: string,
  snapshots = false,
  shopPolicy?: (db: RadarDB) => Promise<ShopPolicy>,
  pause?: (db: RadarDB) => Promise<void>,
) {
  const id = `${name}-${++n}`;
  const db: RadarDB = createDb(`team-${id}`);
  const local = new PouchDB(`team-local-${id}`, { adapter: 'memory' });
  opened.push(local, { destroy: () => db.delete() });
  let failOn = 0;
  let calls = 0;
  const policy = async () => {
    if (++calls === failOn) throw new Error('the worker was stopped');
    return shopPolicy ? shopPolicy(db) : EMPTY_POLICY;
  };
  const team = new TeamSync({ db, local, name, snapshots, policy, ...(pause ? { pause: () => pause(db) } : {}) });
  return { db, local, team, failApplyOnCall: (k: number) => ((failOn = k), (calls = 0)) };
}

export function server() {
  const s = new PouchDB(`team-server-${++n}`, { adapter: 'memory' });
  opened.push(s);
  return s;
}

/** Close every database the test opened (call from `afterEach`). */
export async function closeAll() {
  await Promise.all(opened.splice(0).map((d) => d.destroy()));
}

export const readList = (db: RadarDB, ids: string[], min = 0) =>
  upsertCases(
    db,
    ids.map((id) => snapshotOf(id)),
    listSource(new Date(at(min)).toISOString()),
  );
