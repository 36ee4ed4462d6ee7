// The sync page's set-up form: what a user types becomes an account, or a message at the field.
import { describe, expect, it } from 'vitest';
import { formToAccount, type SyncForm } from '@/lib/ui/dashboard/sync';

const form = (over: Partial<SyncForm> = {}): SyncForm => ({
  server: 'https://sync.kanzlei-weber.de/',
  username: ' anna ',
  password: 'geheim',
  space: '',
  teams: '',
  ...over,
});

describe('setting sync up', () => {
  it('takes the private space when none is named, and the address without its trailing slash', () => {
    expect(formToAccount(form()).account).toEqual({
      server: 'https://sync.kanzlei-weber.de',
      username: 'anna',
      password: 'geheim',
      space: 'userdb-616e6e61',
      teams: [],
    });
    expect(formToAccount(form({ space: 'team-weber' })).account?.space).toBe('team-weber');
  });

  it('refuses an address without TLS unless the server is on this computer', () => {
    expect(formToAccount(form({ server: 'http://sync.kanzlei-weber.de' })).errors).toEqual({
      server: { key: 'sync.notHttps' },
    });
    expect(formToAccount(form({ server: 'http://localhost:5984' })).account).toBeDefined();
    expect(formToAccount(form({ server: 'sync.kanzlei-weber.de' })).errors.server).toEqual({
      key: 'sync.badAddress',
    });
  });

  it('reads team spaces separated by commas or spaces, each once, and names the wrong ones', () => {
    expect(
      formToAccount(form({ teams: 'team-weber, team-nord team-weber' })).account?.teams,
    ).toEqual(['team-weber', 'team-nord']);
    expect(formToAccount(form({ teams: 'team-weber, Team Süd' })).errors).toEqual({
      teams: { key: 'sync.badTeams', params: { names: 'Team, Süd' } },
    });
  });

  it('asks for the user name, and refuses a space name CouchDB would not take', () => {
    expect(formToAccount(form({ username: '  ' })).errors).toEqual({
      username: { key: 'sync.needUser' },
    });
    expect(formToAccount(form({ space: 'Team Weber' })).errors).toEqual({
      space: { key: 'sync.badSpace' },
    });
  });
});
