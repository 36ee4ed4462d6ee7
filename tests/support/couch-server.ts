// A CouchDB 3 stand-in for offline tests: express-pouchdb (fullCouchDB mode) over in-memory PouchDB
// databases, served by node:http on a free port of 127.0.0.1 in the test process itself. It speaks
// the CouchDB HTTP API the extension syncs against: Basic and cookie auth, `_users`, `_security`
// members by name and role, validate_doc_update, replication. Three express-pouchdb shortcomings
// are patched below so that it answers like CouchDB 3 where the sync code cares; it stays a
// stand-in (no couch_peruser of its own, no JWT, `GET /` names express-pouchdb, not CouchDB).
//
// Clients in Node must use `remoteDb()` below rather than PouchDB's default fetch (see there).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import {
  accountFetch,
  basicAuthorization,
  personalSpace,
  type ServerLogin,
} from '../../lib/sync/remote';

// ---------------------------------------------------------------------------------------------
// Minimal types of express-pouchdb and pouchdb-wrappers, which ship none (loaded with require, so
// nothing untyped leaks out of this file).

/** The arguments pouchdb-wrappers hands a bulkDocs handler. */
interface BulkDocsArgs {
  docs: unknown;
}

interface PouchWrappers {
  installWrapperMethods(
    db: PouchDB.Database,
    handlers: { bulkDocs(orig: () => Promise<unknown>, args: BulkDocsArgs): Promise<unknown> },
  ): void;
}

/** A step that express-pouchdb runs on every database before it serves it. */
type DbWrapper = (name: string, db: PouchDB.Database, next: () => Promise<void>) => unknown;

interface ExpressPouchApp {
  (req: IncomingMessage, res: ServerResponse): void;
  dbWrapper: { _wrappers: DbWrapper[] };
  daemonManager: { stop(pouch: typeof PouchDB): Promise<void> };
}

type ExpressPouchDB = (
  pouch: typeof PouchDB,
  options: {
    mode: 'fullCouchDB';
    inMemoryConfig: boolean;
    logPath: string;
    overrideMode: { exclude: string[] };
  },
) => ExpressPouchApp;

const require = createRequire(import.meta.url);
const expressPouchDB = require('express-pouchdb') as ExpressPouchDB;
// The copy of pouchdb-wrappers that express-pouchdb itself uses.
const pouchWrappers = createRequire(require.resolve('express-pouchdb'))(
  'pouchdb-wrappers',
) as PouchWrappers;

/** pouchdb-core with every adapter and plugin the server and the test clients need. */
const Pouch = PouchDB.plugin(memoryAdapter)
  .plugin(httpAdapter)
  .plugin(mapreduce)
  .plugin(replication);

// ---------------------------------------------------------------------------------------------
// Public API

export interface Members {
  names?: string[];
  roles?: string[];
}

export interface CouchServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The server admin (the admin party is over before the server is handed out). */
  admin: { name: string; password: string };
  /** Creates a `_users` user; `roles` are set by the admin, as a user cannot give them itself. */
  addUser(name: string, password: string, roles?: string[]): Promise<void>;
  /**
   * Creates a database with these members and, if given, a validate_doc_update (source) and the
   * space's admins (who may change its members).
   */
  createSpace(db: string, members: Members, validate?: string, admins?: Members): Promise<void>;
  /** Replaces the members of a database (the `_security` admins stay). */
  setMembers(db: string, members: Members): Promise<void>;
  /** The couch_peruser database name of a user: `userdb-` + hex of the UTF-8 name. */
  userDb(name: string): string;
  /** Does what couch_peruser does on signup: the user's own database, the user its admin and member. */
  createUserDb(name: string): Promise<void>;
  /** Stops the server, frees the port, drops the temp dir. */
  close(): Promise<void>;
}

/**
 * A PouchDB handle on a remote database, with its own fetch. Two reasons: in Node, PouchDB's
 * default fetch shares one cookie jar across the process, so once any remote holds a login cookie
 * every other remote of that host sends it, and the server prefers the cookie over Basic (one test
 * user silently acts as another); and pouchdb-adapter-http forces `credentials: 'include'`. The
 * extension's own fetch (lib/sync/remote.ts) omits credentials and signs every request.
 */
export function remoteDb(url: string, auth: ServerLogin): PouchDB.Database {
  return new Pouch(url, { adapter: 'http', skip_setup: true, fetch: accountFetch(auth) });
}

/** A client-side database in memory (a fresh, unique one unless a name is given). */
export function localDb(name = `local-${randomUUID()}`): PouchDB.Database {
  return new Pouch(name, { adapter: 'memory' });
}

/**
 * The same tests against a real Apache CouchDB 3 (docs/sync.md): `KUNDENNAH_COUCH_URL` with the
 * admin in it, e.g. `http://admin:secret@127.0.0.1:5984`. The tests' users and spaces are created
 * there afresh (an earlier run's are replaced); nothing else on that server is touched.
 */
export const EXTERNAL_COUCH_ENV = 'KUNDENNAH_COUCH_URL';

export async function startCouchServer(
  opts: { adminName?: string; adminPassword?: string } = {},
): Promise<CouchServer> {
  const external = process.env[EXTERNAL_COUCH_ENV];
  if (external) {
    const u = new URL(external);
    const admin = {
      name: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
    };
    u.username = '';
    u.password = '';
    await untilAnswering(u.origin);
    return couchApi(u.origin, admin, async () => undefined, true);
  }
  const admin = { name: opts.adminName ?? 'admin', password: opts.adminPassword ?? 'admin-pw' };
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'couch-server-'));
  // Memory stores are global to the process by name: a prefix of its own keeps servers apart.
  const ServerPouch = Pouch.defaults({ adapter: 'memory', prefix: `couch-${randomUUID()}-` });
  const app = expressPouchDB(ServerPouch, {
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: path.join(tmp, 'log.txt'), // default: log.txt in the working directory
    // No Fauxton files; no compression, so that `asCouchDb3Status` can still rewrite bodies.
    overrideMode: { exclude: ['routes/fauxton', 'compression'] },
  });
  // Must run before express-pouchdb's own wrappers (the first handler is the outermost).
  app.dbWrapper._wrappers.unshift(keepIncomingRevisions);

  let url = '';
  const server = http.createServer((req, res) => {
    asCouchDb3Status(req, res);
    refuseNonAdminCreate(req, res, url)
      .then((refused) => {
        if (!refused) app(req, res);
      })
      .catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal', reason: String(err) }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await app.daemonManager.stop(ServerPouch).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
  };

  try {
    await untilAnswering(url);
    // Ends the admin party, as a CouchDB 3 installation always has an admin.
    await call(url, 'PUT', `/_config/admins/${encodeURIComponent(admin.name)}`, {
      body: admin.password,
      expect: [200],
    });
  } catch (err) {
    await close();
    throw err;
  }

  return couchApi(url, admin, close, false);
}

/** The admin API the tests use, on any CouchDB-compatible server. */
function couchApi(
  url: string,
  admin: { name: string; password: string },
  close: () => Promise<void>,
  /** A server that outlives the test: what a test creates replaces an earlier run's. */
  reused: boolean,
): CouchServer {
  const asAdmin = { username: admin.name, password: admin.password };
  const putSecurity = (db: string, security: { admins: Members; members: Members }) =>
    call(url, 'PUT', `/${encodeURIComponent(db)}/_security`, {
      auth: asAdmin,
      body: security,
      expect: [200],
    });
  const members = (m: Members): Required<Members> => ({
    names: m.names ?? [],
    roles: m.roles ?? [],
  });
  const createDb = async (db: string) => {
    if (reused)
      await call(url, 'DELETE', `/${encodeURIComponent(db)}`, {
        auth: asAdmin,
        expect: [200, 202, 404],
      });
    await call(url, 'PUT', `/${encodeURIComponent(db)}`, { auth: asAdmin, expect: [201] });
  };
  const userDb = personalSpace;

  return {
    url,
    admin,
    async addUser(name, password, roles = []) {
      const id = `org.couchdb.user:${name}`;
      const path = `/_users/${encodeURIComponent(id)}`;
      const earlier = reused
        ? ((await call(url, 'GET', path, { auth: asAdmin, expect: [200, 404] })) as {
            _rev?: string;
          } | null)
        : null;
      await call(url, 'PUT', path, {
        auth: asAdmin,
        body: {
          _id: id,
          type: 'user',
          name,
          password,
          roles,
          ...(earlier?._rev ? { _rev: earlier._rev } : {}),
        },
        expect: [201],
      });
    },
    async createSpace(db, m, validate, admins = {}) {
      await createDb(db);
      await putSecurity(db, { admins: members(admins), members: members(m) });
      if (validate !== undefined) {
        await call(url, 'PUT', `/${encodeURIComponent(db)}/_design/space`, {
          auth: asAdmin,
          body: { validate_doc_update: validate },
          expect: [201],
        });
      }
    },
    async setMembers(db, m) {
      const current = (await call(url, 'GET', `/${encodeURIComponent(db)}/_security`, {
        auth: asAdmin,
        expect: [200],
      })) as { admins?: Members };
      await putSecurity(db, { admins: members(current.admins ?? {}), members: members(m) });
    },
    userDb,
    async createUserDb(name) {
      const db = userDb(name);
      await createDb(db);
      await putSecurity(db, {
        admins: { names: [name], roles: [] },
        members: { names: [name], roles: [] },
      });
    },
    close,
  };
}

// ---------------------------------------------------------------------------------------------
// Workarounds for express-pouchdb 4.2.0

/**
 * Upstream bug (pouchdb-validation 4.2.0, pouchdb/pouchdb-server #419): before it runs a
 * validate_doc_update it sets the incoming document's `_revisions` to those of the stored
 * document. A replicated update (`new_edits: false`, rev 2 and up) then carries a wrong history
 * and is silently dropped while the server answers success, so concurrent edits never meet on the
 * server. This handler runs first and freezes each incoming `_revisions`.
 */
const keepIncomingRevisions: DbWrapper = (_name, db, next) => {
  pouchWrappers.installWrapperMethods(db, {
    bulkDocs(orig, args) {
      const docs = Array.isArray(args.docs) ? args.docs : (args.docs as { docs?: unknown })?.docs;
      for (const doc of Array.isArray(docs) ? docs : []) {
        if (doc && typeof doc === 'object' && '_revisions' in doc && doc._revisions) {
          const revisions: unknown = doc._revisions;
          Object.defineProperty(doc, '_revisions', {
            get: () => revisions,
            set: () => undefined,
            enumerable: true,
            configurable: true,
          });
        }
      }
      return orig();
    },
  });
  return next();
};

/** `PUT /<db>`: a database name, not a `_`-endpoint and not a document. */
const CREATE_DB = /^\/[^/_?][^/?]*\/?(\?.*)?$/;

/**
 * Upstream bug (express-pouchdb routes/db.js): when a non-admin creates a database, the security
 * wrapper rejects `PouchDB.new()`, the route then calls `db.info()` on the rejected promise and
 * the uncaught TypeError kills the whole process. Ask the server whether the caller is an admin
 * (only admins may read `/_config`) and refuse first, with CouchDB's answer (401 `unauthorized`
 * "You are not a server admin.", also for a logged-in user). Resolves true when it has answered.
 */
async function refuseNonAdminCreate(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
): Promise<boolean> {
  if (req.method !== 'PUT' || !CREATE_DB.test(req.url ?? '')) return false;
  const headers: Record<string, string> = {};
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  const asked = await fetch(`${url}/_config`, { headers })
    .then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    })
    .catch(() => 0);
  if (asked === 200) return false;
  res.writeHead(401, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: 'unauthorized', reason: 'You are not a server admin.' }));
  return true;
}

/**
 * Upstream difference (pouchdb-security): a logged-in user who is not a member of a database gets
 * 401 "You are not authorized to access this db.", where CouchDB 3 answers 403 `forbidden` and
 * keeps 401 for missing or wrong credentials. The sync code tells the two apart, so rewrite the
 * answer when the request was authenticated.
 */
function asCouchDb3Status(req: IncomingMessage, res: ServerResponse): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (
      !res.headersSent &&
      res.statusCode === 401 &&
      authenticatedName(req) &&
      /not authorized to access this db/.test(String(chunk))
    ) {
      const body = JSON.stringify({
        error: 'forbidden',
        reason: 'You are not allowed to access this db.',
      });
      res.statusCode = 403;
      res.setHeader('Content-Length', Buffer.byteLength(body));
      return end(body, ...rest);
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
}

/**
 * The user express-pouchdb's authentication step found for the request, null if anonymous. That
 * step leaves its result, `{ userCtx: { name, roles }, info }`, on the request object.
 */
function authenticatedName(req: IncomingMessage): string | null {
  for (const value of Object.values(req) as unknown[]) {
    if (value && typeof value === 'object' && 'userCtx' in value) {
      const user = value.userCtx as { name?: unknown } | null;
      return typeof user?.name === 'string' ? user.name : null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

/** One JSON request; throws unless the status is one of `expect`. */
async function call(
  url: string,
  method: string,
  pathname: string,
  opts: { auth?: { username: string; password: string }; body?: unknown; expect: number[] },
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.auth) headers.Authorization = basicAuthorization(opts.auth);
  const res = await fetch(url + pathname, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  if (!opts.expect.includes(res.status)) {
    throw new Error(`${method} ${pathname}: ${res.status} ${text}`);
  }
  return text ? (JSON.parse(text) as unknown) : null;
}

/** Resolves once `GET /` answers 200 (the app finishes starting asynchronously). */
async function untilAnswering(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const status = await fetch(`${url}/`)
      .then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      })
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`CouchDB stand-in at ${url} did not answer GET /`);
}
