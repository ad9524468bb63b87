#!/usr/bin/env node
// The team-sync server for the demo and the tests (团队同步, issue #25).
//
// It speaks the CouchDB replication protocol: express-pouchdb 4.2 (on Express 4; it fails on Express 5)
// over PouchDB's in-memory adapter, so the extension's PouchDB replicates with it exactly as it would with
// a real CouchDB. Data lives in memory and is gone when the process ends.
//
// In production a shop runs Apache CouchDB 3 instead, in one command, e.g.
//   docker run -d -e COUCHDB_USER=admin -e COUCHDB_PASSWORD=… -p 5984:5984 -v couchdb-data:/opt/couchdb/data couchdb:3
// with one database per shop whose `_security` object lists the staff as members, and scales it later by
// clustering CouchDB; the extension does not change, it only knows a database URL and a user.
//
// What this server adds to express-pouchdb is the part of CouchDB's security a shop relies on: every request
// needs HTTP Basic auth of a member of the database it names (wrong password → 401, a member of another
// shop's database → 403), members cannot create or delete databases, use design documents (views) or reach
// the server-wide endpoints (`/_all_dbs`, `/_utils`, `/_config`, …). It sends no CORS headers: the extension is
// granted the server's origin, and web pages have no business here.
//
//   node scripts/sync-server.mjs --port 5984 [--host 127.0.0.1] [--users users.json]
//   users.json: { "databases": { "qinghe-shop": { "xiaowang": "password", … }, … } }
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';

/** The demo shop (清河小店) and its two staff members; the README lists the same passwords. */
export const DEMO_USERS = {
  databases: { 'qinghe-shop': { xiaowang: 'xiaowang-demo', xiaoli: 'xiaoli-demo' } },
};

// Database-level paths a member may use: what replication and plain document reads and writes need.
const MEMBER_DB_ENDPOINTS = new Set([
  '_local',
  '_all_docs',
  '_bulk_docs',
  '_bulk_get',
  '_changes',
  '_revs_diff',
  '_ensure_full_commit',
]);

const UNAUTHORIZED = { error: 'unauthorized', reason: 'Name or password is incorrect.' };
const NO_CREDENTIALS = { error: 'unauthorized', reason: 'Authentication required.' };
const NOT_ADMIN = { error: 'unauthorized', reason: 'You are not a server admin.' };
const FORBIDDEN = { error: 'forbidden', reason: 'You are not allowed to access this db.' };
const NOT_MEMBER_ENDPOINT = { error: 'forbidden', reason: 'Only the database admin may use this.' };

let serverCount = 0;

/**
 * Starts the server on `port` (0 picks a free one) and creates every database named in `users`.
 * `requests` logs every HTTP request received as { method, path, status } (status null while pending or
 * when the connection was dropped); credentials are never logged.
 * `pause()` stops listening and drops open connections (the server is down to clients, the data is kept);
 * `resume()` listens again on the same port.
 */
export async function startSyncServer({ port = 5984, host = '127.0.0.1', users = DEMO_USERS } = {}) {
  const databases = validateUsers(users);
  // Each server keeps its own databases, even when a test starts several in one process.
  // Plugins go on this subclass, not on PouchDB itself, which a client in the same process may share.
  const ShopPouchDB = PouchDB.defaults({ adapter: 'memory', prefix: `sync-server-${++serverCount}-` });
  ShopPouchDB.plugin(memoryAdapter);
  const pouchApp = expressPouchDB({ mode: 'minimumForPouchDB' });
  await pouchApp.setPouchDB(ShopPouchDB);
  for (const name of Object.keys(databases)) await new ShopPouchDB(name).info();

  const requests = [];
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    // Who asked (the account's name, never its password), for tests that count one browser's requests.
    const entry = {
      method: req.method,
      path: req.path,
      status: null,
      user: basicAuth(req.headers.authorization)?.name ?? null,
    };
    requests.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    next();
  });
  app.options('*', (_req, res) => res.set('Allow', 'GET, HEAD, POST, PUT, DELETE, COPY, OPTIONS').status(204).end());
  app.use((req, res, next) => {
    const refusal = checkAccess(databases, req);
    if (refusal) res.status(refusal.status).json(refusal.body);
    else next();
  });
  app.use(pouchApp);
  // Express's own handler would answer a malformed URL with an HTML stack trace. Express knows an error
  // handler by its four parameters, so the unused `next` stays.
  // eslint-disable-next-line no-unused-vars
  app.use((error, _req, res, _next) => {
    const status = error.status >= 400 && error.status < 500 ? error.status : 500;
    res.status(status).json({ error: status === 500 ? 'unknown_error' : 'bad_request', reason: String(error.message) });
  });

  const server = createServer(app);
  await listen(server, port, host);
  const boundPort = server.address().port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
    port: boundPort,
    requests,
    pause: () => stopListening(server),
    resume: () => listen(server, boundPort, host),
    close: () => stopListening(server),
  };
}

/** Why the request is refused, or null when it may pass to express-pouchdb. */
function checkAccess(databases, req) {
  const credentials = basicAuth(req.headers.authorization);
  if (!credentials) return { status: 401, body: NO_CREDENTIALS };
  const memberOf = Object.keys(databases).filter((db) => passwordMatches(databases[db][credentials.name], credentials));
  if (memberOf.length === 0) return { status: 401, body: UNAUTHORIZED };

  const [dbSegment, endpoint] = pathSegments(req.path);
  if (dbSegment === null) return { status: 400, body: { error: 'bad_request', reason: 'Malformed URL.' } };
  if (!dbSegment) return req.method === 'GET' || req.method === 'HEAD' ? null : { status: 401, body: NOT_ADMIN };
  if (dbSegment.startsWith('_')) return { status: 401, body: NOT_ADMIN };
  // Creating or deleting a database is for the server admin; CouchDB answers members with 401.
  if (endpoint === undefined && (req.method === 'PUT' || req.method === 'DELETE'))
    return { status: 401, body: NOT_ADMIN };
  if (!Object.hasOwn(databases, dbSegment)) {
    return { status: 404, body: { error: 'not_found', reason: 'Database does not exist.' } };
  }
  if (!memberOf.includes(dbSegment)) return { status: 403, body: FORBIDDEN };
  if (endpoint?.startsWith('_') && !MEMBER_DB_ENDPOINTS.has(endpoint)) {
    return { status: 403, body: NOT_MEMBER_ENDPOINT };
  }
  return null;
}

function pathSegments(path) {
  try {
    return path.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return [null];
  }
}

function basicAuth(header) {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function passwordMatches(expected, { password }) {
  if (typeof expected !== 'string') return false;
  const digest = (text) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(password));
}

function validateUsers(users) {
  const databases = users?.databases;
  const validName = /^[a-z][a-z0-9_$()+/-]*$/; // CouchDB's rule for database names
  if (!databases || typeof databases !== 'object' || Object.keys(databases).length === 0) {
    throw new Error('users: expected { "databases": { "<shop-db>": { "<user>": "<password>" } } }');
  }
  for (const [db, members] of Object.entries(databases)) {
    if (!validName.test(db)) throw new Error(`users: "${db}" is not a valid CouchDB database name`);
    const entries = Object.entries(members ?? {});
    if (entries.length === 0 || entries.some(([, pw]) => typeof pw !== 'string' || pw === '')) {
      throw new Error(`users: database "${db}" needs at least one user, each with a non-empty password`);
    }
  }
  return databases;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stopListening(server) {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '5984' },
        host: { type: 'string', default: '127.0.0.1' },
        users: { type: 'string' },
        // For the tests, the demo and the benchmarks, which run it as its own process: commands on stdin.
        control: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${values.port}" is not a port`);
    const users = values.users ? JSON.parse(readFileSync(values.users, 'utf8')) : DEMO_USERS;
    const server = await startSyncServer({ port, host: values.host, users });
    for (const [db, members] of Object.entries(users.databases)) {
      console.log(`${server.url}/${db}  (users: ${Object.keys(members).join(', ')})`);
    }
    console.log('Team-sync server ready (in memory; Ctrl-C stops it and forgets the data).');
    if (values.control) obeyStdin(server);
  } catch (error) {
    console.error(`sync-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/**
 * `--control`: one command a line on stdin, each answered by one JSON line on stdout: `pause` (off the
 * network, data kept), `resume`, `requests` (what it received: method, path, status; never credentials).
 */
function obeyStdin(server) {
  let buffer = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', async (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const command = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (command === 'pause') await server.pause();
      else if (command === 'resume') await server.resume();
      const answer = command === 'requests' ? { requests: server.requests } : { done: command };
      process.stdout.write(`${JSON.stringify(answer)}\n`);
    }
  });
  process.stdin.on('end', () => process.exit(0));
}
