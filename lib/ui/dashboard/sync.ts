// The sync page's side of sync (components/dashboard/SyncPage.tsx): the set-up form read into an
// account, and the requests to the background, where sync runs (lib/background/sync.ts).
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageToBackground, SyncRequest } from '../../messaging';
import { SpaceSchema } from '../../sync/docs';
import { personalSpace } from '../../sync/remote';
import { serverAddressProblem, type SyncAccount, type SyncStatus } from '../../sync/service';
import type { FieldErrors } from './form';

export interface SyncForm {
  server: string;
  username: string;
  password: string;
  /** Empty: the user's private space. */
  space: string;
}

export const EMPTY_SYNC_FORM: SyncForm = { server: '', username: '', password: '', space: '' };

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
  if (Object.keys(errors).length) return { errors };
  return { account: { server, username, password: form.password, space }, errors };
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
