// The sync page's side of sync (components/dashboard/SyncPage.tsx): the set-up form read into an
// account, and the requests to the background, where sync runs (lib/background/sync.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { getDb, getMeta } from '../../db';
import { setContactSpace } from '../../db/repo';
import type { Contact } from '../../model';
import { browser } from 'wxt/browser';
import type { PageToBackground, SyncRequest } from '../../messaging';
import { personalSpace } from '../../sync/remote';
import { serverAddressProblem, type SyncAccount, type SyncStatus } from '../../sync/service';
import { SYNC_ACCOUNT_KEY, SYNC_STATE_KEY, type SyncState } from '../../sync/state';
import { SpaceSchema, docId } from '../../sync/docs';
import {
  MembersFailure,
  parseNames,
  type MembersError,
  type SpaceMembers,
} from '../../sync/members';
import type { FieldErrors } from './form';

export interface SyncForm {
  server: string;
  username: string;
  password: string;
  /** Empty: the user's private space. */
  space: string;
  /** Team spaces, separated by commas or spaces. */
  teams: string;
}

export const EMPTY_SYNC_FORM: SyncForm = {
  server: '',
  username: '',
  password: '',
  space: '',
  teams: '',
};

/** The form as an account, or what is wrong with it, field by field. */
export function formToAccount(form: SyncForm): { account?: SyncAccount; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const server = form.server.trim().replace(/\/+$/, '');
  const problem = serverAddressProblem(server);
  if (problem === 'invalid') errors.server = { key: 'sync.badAddress' };
  if (problem === 'not-https') errors.server = { key: 'sync.notHttps' };
  const username = form.username.trim();
  if (!username) errors.username = { key: 'sync.needUser' };
  const space = form.space.trim() || (username ? personalSpace(username) : '');
  if (username && !SpaceSchema.safeParse(space).success) errors.space = { key: 'sync.badSpace' };
  const teams = parseNames(form.teams).filter((t) => t !== space);
  const badTeams = teams.filter((t) => !SpaceSchema.safeParse(t).success);
  if (badTeams.length)
    errors.teams = { key: 'sync.badTeams', params: { names: badTeams.join(', ') } };
  if (Object.keys(errors).length) return { errors };
  return { account: { server, username, password: form.password, space, teams }, errors };
}

/** Ask sync in the background; throws with its reason when it could not do what was asked. */
export async function askSync(request: SyncRequest): Promise<SyncStatus> {
  const message: PageToBackground = { type: 'page:sync', request };
  const reply = (await browser.runtime.sendMessage(message)) as
    { ok: true; status: SyncStatus } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error('no answer from the background');
  if (!reply.ok) throw new Error(reply.error);
  return reply.status;
}

/** Sync's status, kept current while the page is open (more often while a sync runs). */
export function useSyncStatus(): [SyncStatus | undefined, (s: SyncStatus) => void] {
  const [status, setStatus] = useState<SyncStatus>();
  const running = status?.running ?? false;
  const refresh = useCallback(() => {
    askSync({ action: 'status' }).then(setStatus, () => undefined);
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, running ? 1000 : 5000);
    return () => clearInterval(timer);
  }, [refresh, running]);
  return [status, setStatus];
}

/** The spaces a contact can be put into: the user's own and the account's team spaces. */
export interface ContactSpaces {
  own: string;
  private: boolean;
  teams: string[];
}

/** The account's spaces while sync is on with at least one team space; else undefined. */
export function useContactSpaces(): ContactSpaces | undefined {
  return useLiveQuery(async () => {
    const acc = await getMeta<SyncAccount>(getDb(), SYNC_ACCOUNT_KEY);
    if (!acc?.teams?.length) return undefined;
    return {
      own: acc.space,
      private: acc.space === personalSpace(acc.username),
      teams: acc.teams,
    };
  }, []);
}

/**
 * Whose changes the last sync merged into this contact (empty: none). Shown on the contact's page
 * until the next sync.
 */
export function useMergedInto(contactId: string): string[] {
  return (
    useLiveQuery(async () => {
      const state = await getMeta<SyncState>(getDb(), SYNC_STATE_KEY);
      const id = docId('contacts', contactId);
      return state?.merged?.find((m) => m.id === id)?.from ?? [];
    }, [contactId]) ?? []
  );
}

/** Put a contact into a space (`undefined`: the user's own), its history with it. */
export function moveContactToSpace(contactId: string, space: string | undefined): Promise<Contact> {
  return setContactSpace(getDb(), contactId, space, new Date());
}

/** The contacts of these ids, live (those that no longer exist are undefined). */
export function useContactsByIds(ids: readonly string[]): (Contact | undefined)[] | undefined {
  return useLiveQuery(() => getDb().contacts.bulkGet([...ids]), [ids.join('\n')]);
}

/** A team space's members, read or (with `names`) set; throws with the reason in sync's terms. */
export async function askMembers(space: string, names?: string[]): Promise<SpaceMembers> {
  const message: PageToBackground = {
    type: 'page:space-members',
    space,
    ...(names ? { names } : {}),
  };
  const reply = (await browser.runtime.sendMessage(message)) as
    { ok: true; members: SpaceMembers } | { ok: false; error: MembersError } | undefined;
  if (!reply?.ok) throw new MembersFailure(reply?.error ?? 'other');
  return reply.members;
}
