// How this device speaks to the sync server (docs/sync.md): every request signed with the account's
// name and password (HTTP Basic over TLS), never with the browser's cookies. Shared by the
// background and the tests, so that what is tested is what runs.

export interface ServerLogin {
  username: string;
  password: string;
}

/** `Basic` credentials as RFC 7617 defines them (UTF-8, so "Jürgen" signs in too). */
export function basicAuthorization({ username, password }: ServerLogin): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/**
 * A fetch for one account's requests. PouchDB's HTTP adapter sends `credentials: 'include'`, so a
 * cookie the browser holds for the server (another account signed in on its web interface) would
 * decide who this device is; this one omits cookies and signs each request itself.
 */
export function accountFetch(
  login: ServerLogin,
  base: typeof fetch = (input, init) => globalThis.fetch(input, init),
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  const authorization = basicAuthorization(login);
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', authorization);
    return base(input, { ...init, headers, credentials: 'omit' });
  };
}

/** The address of a space's database on the server. */
export function spaceUrl(server: string, space: string): string {
  return `${server.replace(/\/+$/, '')}/${encodeURIComponent(space)}`;
}

/**
 * The personal space of an account: CouchDB's `couch_peruser` gives every user a database named
 * `userdb-` and the hex of the UTF-8 name.
 */
export function personalSpace(username: string): string {
  let hex = '';
  for (const b of new TextEncoder().encode(username)) hex += b.toString(16).padStart(2, '0');
  return `userdb-${hex}`;
}
