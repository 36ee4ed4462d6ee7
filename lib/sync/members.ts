// Who may use a team space (docs/sync.md "Spaces and people"): its members, read and changed through
// CouchDB's own `_security` object with the signed-in account. Only the space's admins (or the
// server's) may change them; CouchDB says so with 401/403, and so does this module, in its terms.

/** A space's members: account names and roles (a role admits every account that holds it). */
export interface SpaceMembers {
  names: string[];
  roles: string[];
}

export type MembersError =
  /** The account may not change (or read) this space's members. */
  | 'not-admin'
  /** The list would admit everybody: CouchDB makes a space with no members public. */
  | 'would-be-public'
  | 'offline'
  | 'other';

export class MembersFailure extends Error {
  constructor(readonly reason: MembersError) {
    super(`sync: members not changed (${reason})`);
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

interface Security {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}

const securityUrl = (server: string, space: string) =>
  `${server.replace(/\/+$/, '')}/${encodeURIComponent(space)}/_security`;

async function call(f: Fetch, url: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await f(url, init);
  } catch {
    throw new MembersFailure('offline');
  }
  if (res.status === 401 || res.status === 403) throw new MembersFailure('not-admin');
  if (!res.ok) throw new MembersFailure('other');
  return res;
}

async function readSecurity(f: Fetch, server: string, space: string): Promise<Security> {
  return (await (await call(f, securityUrl(server, space))).json()) as Security;
}

export async function readMembers(f: Fetch, server: string, space: string): Promise<SpaceMembers> {
  const security = await readSecurity(f, server, space);
  return {
    names: security.members?.names ?? [],
    roles: security.members?.roles ?? [],
  };
}

/** Names (of accounts or spaces) separated by commas or spaces, each once, in the order typed. */
export function parseNames(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

/**
 * Set the space's member names; its roles and admins stay as they are. A list that would leave
 * nobody (no name, no role) is refused: CouchDB would make the space public.
 */
export async function writeMemberNames(
  f: Fetch,
  server: string,
  space: string,
  names: string[],
): Promise<SpaceMembers> {
  const security = await readSecurity(f, server, space);
  const roles = security.members?.roles ?? [];
  if (!names.length && !roles.length) throw new MembersFailure('would-be-public');
  await call(f, securityUrl(server, space), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...security, members: { names, roles } }),
  });
  return { names, roles };
}
