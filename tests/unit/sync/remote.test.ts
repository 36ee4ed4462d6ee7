// How a device signs its requests to the sync server, and the names it uses there.
import { describe, expect, it } from 'vitest';
import { accountFetch, basicAuthorization, personalSpace, spaceUrl } from '@/lib/sync/remote';

describe('signing in to the sync server', () => {
  it('sends the name and password as UTF-8, so that umlauts sign in too', () => {
    const header = basicAuthorization({ username: 'jürgen', password: 'Grüße!' });
    const decoded = new TextDecoder().decode(
      Uint8Array.from(atob(header.replace(/^Basic /, '')), (c) => c.charCodeAt(0)),
    );
    expect(decoded).toBe('jürgen:Grüße!');
  });

  it('signs every request itself and never sends the browser’s cookies', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const f = accountFetch({ username: 'anna', password: 'pw' }, (input, init) => {
      seen.push({ url: String(input), init });
      return Promise.resolve(new Response('{}'));
    });
    await f('https://sync.example/team', {
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
    });
    const headers = new Headers(seen[0]!.init!.headers);
    expect(seen[0]!.init!.credentials).toBe('omit');
    expect(headers.get('Authorization')).toBe(
      basicAuthorization({ username: 'anna', password: 'pw' }),
    );
    expect(headers.get('Content-Type')).toBe('application/json');
  });
});

describe('names on the server', () => {
  it('finds a user’s private space where CouchDB’s couch_peruser puts it', () => {
    expect(personalSpace('anna')).toBe('userdb-616e6e61');
    expect(personalSpace('jürgen')).toBe('userdb-6ac3bc7267656e');
  });

  it('addresses a space below the server, whatever its name holds', () => {
    expect(spaceUrl('https://sync.example/', 'team-weber')).toBe('https://sync.example/team-weber');
    expect(spaceUrl('https://sync.example', 'a/b')).toBe('https://sync.example/a%2Fb');
  });
});
