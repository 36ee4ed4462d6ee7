// @vitest-environment node
// A team space's members through CouchDB's `_security`: its admins read and change them, a member
// may not, and nobody can leave a space without members (CouchDB would make it public).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembersFailure, parseNames, readMembers, writeMemberNames } from '@/lib/sync/members';
import { accountFetch } from '@/lib/sync/remote';
import { startCouchServer, type CouchServer } from '../../support/couch-server';

let server: CouchServer;
const SPACE = 'team-members';

beforeAll(async () => {
  server = await startCouchServer();
  await server.addUser('anna', 'anna-pw');
  await server.addUser('ben', 'ben-pw');
  await server.createSpace(SPACE, { names: ['anna', 'ben'], roles: ['beratung'] }, undefined, {
    names: ['anna'],
  });
});
afterAll(async () => {
  await server?.close();
});

const as = (username: string) => accountFetch({ username, password: `${username}-pw` });
const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'done',
    (e: unknown) => (e instanceof MembersFailure ? e.reason : String(e)),
  );

describe('a team space’s members', () => {
  it('are read and changed by the space’s admin, the roles kept', async () => {
    expect(await readMembers(as('anna'), server.url, SPACE)).toEqual({
      names: ['anna', 'ben'],
      roles: ['beratung'],
    });
    await writeMemberNames(as('anna'), server.url, SPACE, ['anna']);
    expect(await readMembers(as('anna'), server.url, SPACE)).toEqual({
      names: ['anna'],
      roles: ['beratung'],
    });
    // Ben is no member now: the space refuses him.
    expect(await reason(readMembers(as('ben'), server.url, SPACE))).toBe('not-admin');
    await writeMemberNames(as('anna'), server.url, SPACE, ['anna', 'ben']);
  });

  it('cannot be changed by a member who is no admin', async () => {
    expect(await reason(writeMemberNames(as('ben'), server.url, SPACE, ['ben']))).toBe('not-admin');
    expect((await readMembers(as('anna'), server.url, SPACE)).names).toEqual(['anna', 'ben']);
  });

  it('never leave a space without anyone: CouchDB would open it to all', async () => {
    await server.createSpace('team-alone', { names: ['anna'] }, undefined, { names: ['anna'] });
    expect(await reason(writeMemberNames(as('anna'), server.url, 'team-alone', []))).toBe(
      'would-be-public',
    );
    expect((await readMembers(as('anna'), server.url, 'team-alone')).names).toEqual(['anna']);
  });

  it('are typed as names separated by commas or spaces', () => {
    expect(parseNames(' anna, ben  cora,,anna ')).toEqual(['anna', 'ben', 'cora']);
  });
});
