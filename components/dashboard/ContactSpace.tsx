// Which space a contact is shared in (docs/sync.md "Spaces and people"): the user's own, or one
// of the account's team spaces, whose members then see the contact with its history. Shown only
// while sync is on with a team space; a move can be undone. And whose changes the last sync merged
// into the contact.
import { useState } from 'react';
import type { Contact } from '@/lib/model';
import { moveContactToSpace, useContactSpaces, useMergedInto } from '@/lib/ui/dashboard/sync';
import { useI18n } from '../I18n';
import { useNotify } from './ui';

export function ContactSpace({ contact }: { contact: Contact }) {
  const { t } = useI18n();
  const notify = useNotify();
  const spaces = useContactSpaces();
  const [error, setError] = useState<string>();
  if (!spaces) return null;
  const ownLabel = spaces.private ? t('sync.private') : spaces.own;
  const current = contact.space ?? spaces.own;
  const label = (space: string) => (space === spaces.own ? ownLabel : space);
  const move = (space: string) => {
    setError(undefined);
    const before = contact.space;
    const target = space === spaces.own ? undefined : space;
    moveContactToSpace(contact.id, target).then(
      () =>
        notify({
          text: t('sync.moved', { name: contact.name, space: label(space) }),
          onUndo: () => void moveContactToSpace(contact.id, before),
        }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <p className="contact-space" data-testid="contact-space">
      <label htmlFor="contact-space">{t('sync.contactSpace')}</label>{' '}
      <select id="contact-space" value={current} onChange={(e) => move(e.target.value)}>
        {[spaces.own, ...spaces.teams].map((space) => (
          <option key={space} value={space}>
            {label(space)}
          </option>
        ))}
        {!spaces.teams.includes(current) && current !== spaces.own && (
          <option value={current}>{current}</option>
        )}
      </select>
      {error && (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}

/** "Änderung von Anna zusammengeführt": where the merged contact is looked at. */
export function ContactMerged({ contactId }: { contactId: string }) {
  const { t } = useI18n();
  const from = useMergedInto(contactId);
  if (!from.length) return null;
  return (
    <p className="muted small" role="status" data-testid="contact-merged">
      {t('sync.mergedHere', { names: from.join(', ') })}
    </p>
  );
}
