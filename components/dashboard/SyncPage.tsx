// The "Synchronisierung" page (issue 17, docs/sync.md): set sync up — the browser asks the user for
// the server's permission on that click, nothing is contacted before — and see how it stands: last
// sync, what waits, what failed in words and since when, whose changes were merged.
import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { parseDocId } from '@/lib/sync/docs';
import { personalSpace } from '@/lib/sync/remote';
import { originPattern, type SyncStatus } from '@/lib/sync/service';
import { MembersFailure, parseNames, type SpaceMembers } from '@/lib/sync/members';
import {
  EMPTY_SYNC_FORM,
  askMembers,
  askSync,
  formToAccount,
  useContactsByIds,
  useSyncStatus,
  type SyncForm,
} from '@/lib/ui/dashboard/sync';
import { contactHash } from '@/lib/ui/route';
import { useI18n } from '../I18n';
import type { PageProps } from './page-props';
import { Field, Section, control, useDashSettings, useNotify } from './ui';
import type { FieldErrors } from '@/lib/ui/dashboard/form';

/** "7. Dez. 2026, 14:32" / "7 Dec 2026, 14:32" in the user's zone. */
function useWhen(): (iso: string) => string {
  const { locale } = useI18n();
  const settings = useDashSettings();
  const format = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
  });
  return (iso) => format.format(new Date(iso));
}

function SetUp({ onOn, notice }: { onOn(status: SyncStatus): void; notice?: string }) {
  const { t } = useI18n();
  const [form, setForm] = useState<SyncForm>(EMPTY_SYNC_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof SyncForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const { account, errors: found } = formToAccount(form);
    setErrors(found);
    setNote(undefined);
    if (!account) return;
    const host = new URL(account.server).host;
    setBusy(true);
    setNote(t('sync.asking', { host }));
    // The browser asks only while it handles the click: the request comes before anything waits.
    browser.permissions
      .request({ origins: [originPattern(account.server)] })
      .then(async (granted) => {
        if (!granted) {
          setNote(t('sync.denied', { host }));
          return;
        }
        setNote(undefined);
        onOn(await askSync({ action: 'on', ...account }));
      })
      .catch((error: unknown) =>
        setNote(
          t('sync.failedToStart', {
            error: error instanceof Error ? error.message : String(error),
          }),
        ),
      )
      .finally(() => setBusy(false));
  }

  return (
    <Section title={t('sync.setUpTitle')} testId="sync-setup">
      {notice && (
        <p role="status" className="notice" data-testid="sync-off-done">
          {notice}
        </p>
      )}
      <p>{t('sync.intro')}</p>
      <p className="hint">{t('sync.off')}</p>
      <form onSubmit={submit} noValidate className="sync-form">
        <Field
          id="sync-server"
          label={t('sync.server')}
          hint={t('sync.serverHint')}
          error={errors.server}
        >
          <input
            {...control('sync-server', errors.server)}
            type="url"
            autoComplete="url"
            inputMode="url"
            value={form.server}
            onChange={set('server')}
          />
        </Field>
        <Field id="sync-user" label={t('sync.username')} error={errors.username}>
          <input
            {...control('sync-user', errors.username)}
            autoComplete="username"
            value={form.username}
            onChange={set('username')}
          />
        </Field>
        <Field id="sync-password" label={t('sync.password')}>
          <input
            id="sync-password"
            type="password"
            autoComplete="current-password"
            value={form.password}
            onChange={set('password')}
          />
        </Field>
        <Field
          id="sync-space"
          label={t('sync.space')}
          hint={t('sync.spaceHint')}
          error={errors.space}
        >
          <input
            {...control('sync-space', errors.space)}
            value={form.space}
            placeholder={t('sync.private')}
            onChange={set('space')}
          />
        </Field>
        <Field
          id="sync-teams"
          label={t('sync.teams')}
          hint={t('sync.teamsHint')}
          error={errors.teams}
        >
          <input
            {...control('sync-teams', errors.teams)}
            value={form.teams}
            onChange={set('teams')}
          />
        </Field>
        <p>
          <button type="submit" className="primary" disabled={busy} data-testid="sync-on">
            {t('sync.turnOn')}
          </button>
        </p>
        {note && (
          <p role="status" className="notice" data-testid="sync-note">
            {note}
          </p>
        )}
      </form>
      <p className="hint">{t('sync.howTo')}</p>
    </Section>
  );
}

/** "Änderung von Anna zusammengeführt: Dr. Lena Vogt, Jonas Brandt." with links to the contacts. */
function Merged({ merged }: { merged: NonNullable<SyncStatus['state']['merged']> }) {
  const { t } = useI18n();
  const ids = merged.flatMap((m) => {
    const parsed = parseDocId(m.id);
    return parsed?.table === 'contacts' ? [parsed.id] : [];
  });
  const contacts = useContactsByIds(ids);
  if (!ids.length || !contacts) return null;
  const names = [...new Set(merged.flatMap((m) => m.from))].join(', ');
  return (
    <p data-testid="sync-merged">
      {t('sync.merged', { names })}{' '}
      {contacts.map((c, i) =>
        c ? (
          <span key={c.id}>
            {i > 0 && ', '}
            <a href={contactHash(c.id)}>{c.name}</a>
          </span>
        ) : null,
      )}
    </p>
  );
}

/** A team space's members: shown on request, changed by its administrators. */
function TeamMembers({ space }: { space: string }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [members, setMembers] = useState<SpaceMembers>();
  const [names, setNames] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `members-${space}`;
  const fail = (e: unknown) =>
    setError(t(`sync.members.${e instanceof MembersFailure ? e.reason : 'other'}`));
  const load = () => {
    setError(undefined);
    askMembers(space).then((m) => {
      setMembers(m);
      setNames(m.names.join(', '));
    }, fail);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    askMembers(space, parseNames(names))
      .then((m) => {
        setMembers(m);
        setNames(m.names.join(', '));
        notify({ text: t('sync.membersSaved', { space }) });
      }, fail)
      .finally(() => setBusy(false));
  };
  return (
    <div className="team-members" data-testid={`members-${space}`}>
      {!members ? (
        <button type="button" onClick={load}>
          {t('sync.membersShow', { space })}
        </button>
      ) : (
        <form onSubmit={save} noValidate>
          <Field id={id} label={t('sync.members', { space })} hint={t('sync.membersHint')}>
            <input id={id} value={names} onChange={(e) => setNames(e.target.value)} />
          </Field>
          {members.roles.length > 0 && (
            <p className="hint">{t('sync.membersRoles', { roles: members.roles.join(', ') })}</p>
          )}
          <button type="submit" disabled={busy}>
            {t('sync.membersSave')}
          </button>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Running({
  status,
  onStatus,
  onOff,
}: {
  status: SyncStatus;
  onStatus(status: SyncStatus): void;
  onOff(): void;
}) {
  const { t } = useI18n();
  const when = useWhen();
  const [error, setError] = useState<string>();
  const { account, state } = status;
  if (!account) return null;
  const space = [
    account.space === personalSpace(account.username) ? t('sync.private') : account.space,
    ...(account.teams ?? []),
  ].join(', ');
  const ask = (action: 'now' | 'off' | 'seen-lost') => {
    setError(undefined);
    if (action === 'now') onStatus({ ...status, running: true });
    askSync({ action }).then(
      (next) => {
        if (action === 'off') onOff();
        onStatus(next);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <Section title={t('sync.stateTitle')} testId="sync-status">
      <p data-testid="sync-account">
        {t('sync.on', { user: account.username, server: new URL(account.server).host })}{' '}
        {t('sync.spaceLine', { space })}
      </p>
      <div aria-live="polite" data-testid="sync-state">
        {status.running ? (
          <p data-testid="sync-running">
            {status.progress
              ? t('sync.progress', {
                  received: status.progress.received,
                  applied: status.progress.applied,
                })
              : t('sync.running')}
          </p>
        ) : (
          <p data-testid="sync-last">
            {state.lastSyncAt ? t('sync.last', { when: when(state.lastSyncAt) }) : t('sync.never')}
          </p>
        )}
        <p data-testid="sync-pending">
          {status.pending === 0
            ? t('sync.nonePending')
            : status.pending === 1
              ? t('sync.pendingOne')
              : t('sync.pending', { count: status.pending })}
        </p>
        {state.failure && (
          <div className="card conflict-note" role="alert" data-testid="sync-failure">
            <p>{t(`sync.fail.${state.failure}`)}</p>
            {state.failingSince && (
              <p className="hint">{t('sync.failingSince', { when: when(state.failingSince) })}</p>
            )}
          </div>
        )}
        {state.lost?.length ? (
          <p role="alert" data-testid="sync-lost">
            {t('sync.lost', { spaces: state.lost.join(', ') })}{' '}
            <button type="button" onClick={() => ask('seen-lost')}>
              {t('sync.seenLost')}
            </button>
          </p>
        ) : null}
        {!state.failure && state.merged?.length ? <Merged merged={state.merged} /> : null}
        {!state.failure && state.refused ? (
          <p role="alert">{t('sync.refused', { count: state.refused })}</p>
        ) : null}
        {!state.failure && state.serverRefused ? (
          <p role="alert">{t('sync.serverRefused', { count: state.serverRefused })}</p>
        ) : null}
      </div>
      {(account.teams ?? []).map((space) => (
        <TeamMembers key={space} space={space} />
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="section-actions">
        <button
          type="button"
          className="primary"
          disabled={status.running}
          onClick={() => ask('now')}
          data-testid="sync-now"
        >
          {t('sync.now')}
        </button>{' '}
        <button type="button" onClick={() => ask('off')} data-testid="sync-off">
          {t('sync.turnOff')}
        </button>
      </p>
    </Section>
  );
}

export function SyncPage(_props: PageProps) {
  const { t } = useI18n();
  const [status, setStatus] = useSyncStatus();
  const [offDone, setOffDone] = useState(false);
  return (
    <main data-testid="sync-page">
      <header className="page-head">
        <h1>{t('sync.title')}</h1>
      </header>
      {!status ? null : status.on ? (
        <Running status={status} onStatus={setStatus} onOff={() => setOffDone(true)} />
      ) : (
        <SetUp
          onOn={(next) => {
            setOffDone(false);
            setStatus(next);
          }}
          notice={offDone ? t('sync.offDone') : undefined}
        />
      )}
    </main>
  );
}
