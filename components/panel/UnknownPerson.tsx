import { useState, type FormEvent } from 'react';
import type { PanelPerson } from '@/lib/messaging';
import type { ActionResult } from './ContactCardView';
import { useI18n } from '../I18n';

export interface NewPersonDraft {
  name: string;
  email?: string;
  profileUrl?: string;
  company?: string;
  headline?: string;
}

interface Props {
  person: PanelPerson;
  prefill: { company?: string; headline?: string };
  onAdd(
    draft: NewPersonDraft,
    force: boolean,
  ): Promise<ActionResult & { existing?: { id: string; name: string } }>;
  onLink(contactId: string, name: string): Promise<ActionResult>;
  onShow(contactId: string): void;
}

/** A person on the page we do not know yet: add them prefilled, or link them to a contact. */
export function UnknownPerson({ person, prefill, onAdd, onLink, onShow }: Props) {
  const { t } = useI18n();
  const p = person.fromPage;
  const [name, setName] = useState(p.name ?? '');
  const [email, setEmail] = useState(p.email ?? '');
  const [company, setCompany] = useState(prefill.company ?? '');
  const [headline, setHeadline] = useState(prefill.headline ?? '');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [existing, setExisting] = useState<{ id: string; name: string }>();
  const [busy, setBusy] = useState(false);

  async function add(force: boolean, e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    const r = await onAdd(
      {
        name,
        email: email.trim() || undefined,
        profileUrl: p.profileUrl,
        company: company || undefined,
        headline: headline || undefined,
      },
      force,
    );
    setBusy(false);
    if (!r.ok) {
      if (r.existing) setExisting(r.existing);
      else setError(r.message);
    }
  }

  return (
    <article className="contact-card unknown" data-testid="unknown-person">
      <header className="card-head">
        <h2>{p.name ?? p.email ?? p.profileUrl}</h2>
        {p.email && p.name && <p className="muted">{p.email}</p>}
        <p className="muted">{t('panel.unknown')}</p>
      </header>

      {person.similar.length > 0 && (
        <section data-testid="similar">
          <p>{t('panel.similar')}</p>
          <ul className="similar">
            {person.similar.map((s) => (
              <li key={s.id}>
                <span>
                  {s.name}
                  {s.company ? <span className="muted"> · {s.company}</span> : null}
                </span>
                <button type="button" onClick={() => void onLink(s.id, s.name)}>
                  {t('panel.link')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {existing ? (
        <div className="ask" role="alert" data-testid="duplicate-refused">
          <p>{t('panel.duplicateRefused', { name: existing.name })}</p>
          <button type="button" onClick={() => onShow(existing.id)} data-testid="show-existing">
            {t('panel.showExisting')}
          </button>{' '}
          <button type="button" onClick={() => void onLink(existing.id, existing.name)}>
            {t('panel.link')}
          </button>
        </div>
      ) : !open ? (
        <button
          type="button"
          className="primary"
          onClick={() => setOpen(true)}
          data-testid="add-person"
        >
          {t('panel.addPerson')}
        </button>
      ) : (
        <form className="mini-form" onSubmit={(e) => void add(false, e)} data-testid="add-form">
          <label>
            {t('panel.name')}
            <input required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t('contacts.email')}
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            {t('panel.company')}
            <input value={company} onChange={(e) => setCompany(e.target.value)} />
          </label>
          <label>
            {t('panel.headline')}
            <input value={headline} onChange={(e) => setHeadline(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy} data-testid="add-confirm">
            {t('common.add')}
          </button>
          {person.similar.length > 0 && (
            <button type="button" onClick={() => void add(true)} disabled={busy}>
              {t('panel.addAnyway')}
            </button>
          )}
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {t('panel.error', { message: error })}
        </p>
      )}
    </article>
  );
}
