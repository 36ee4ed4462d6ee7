// The part of PouchDB 9 that Kundennah uses, typed here: the published @types packages describe
// PouchDB 6/7 and pull Node's types into the browser build.
declare module 'pouchdb-core' {
  interface PouchOptions {
    adapter?: string;
    prefix?: string;
    auth?: { username: string; password: string };
    fetch?: (url: string | URL | Request, init?: RequestInit) => Promise<Response>;
    skip_setup?: boolean;
  }
  interface ReplicationResult {
    ok: boolean;
    docs_written?: number;
    doc_write_failures?: number;
    errors?: unknown[];
  }
  interface SyncResult {
    push?: ReplicationResult;
    pull?: ReplicationResult;
  }
  class PouchDB {
    constructor(name: string, options?: PouchOptions);
    static plugin(plugin: unknown): typeof PouchDB;
    static defaults(options: PouchOptions): typeof PouchDB;
    get(
      id: string,
      options?: { open_revs?: 'all'; rev?: string; conflicts?: boolean },
    ): Promise<unknown>;
    put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
    bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<unknown[]>;
    changes(options: object): Promise<{ results: never[]; last_seq: number | string }>;
    allDocs(options?: object): Promise<{ rows: { id: string; doc?: unknown }[] }>;
    sync(remote: PouchDB | string, options?: object): PromiseLike<SyncResult>;
    replicate: {
      to(remote: PouchDB | string, options?: object): PromiseLike<ReplicationResult>;
      from(remote: PouchDB | string, options?: object): PromiseLike<ReplicationResult>;
    };
    compact(): Promise<unknown>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
  }
  namespace PouchDB {
    type Database = PouchDB;
  }
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
