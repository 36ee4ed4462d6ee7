// Choose another contact by name ("Empfohlen von"): a combobox that searches as you type, with the
// arrow keys, Enter and Escape; the chosen contact shows as a link with a button that removes it.
import { useId, useState, type KeyboardEvent } from 'react';
import { useContactLabel, useContactSearch } from '@/lib/ui/dashboard/occasion-data';
import type { FieldMessage } from '@/lib/ui/dashboard/form';
import { useI18n } from '../I18n';
import { FieldError } from './ui';
import { contactHash } from '@/lib/ui/route';

export function ContactPicker({
  id,
  label,
  value,
  excludeId,
  onChange,
  hint,
  error,
  testId,
}: {
  id: string;
  label: string;
  /** The chosen contact's id ('' = none). */
  value: string;
  /** The contact being edited: never offered (nobody recommends themselves). */
  excludeId?: string;
  onChange: (id: string) => void;
  hint?: string;
  error?: FieldMessage;
  testId?: string;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const chosen = useContactLabel(value || undefined);
  const options = useContactSearch(open ? query : '', excludeId);
  const listId = useId();
  const hintId = `${id}-hint`;

  function pick(contactId: string) {
    onChange(contactId);
    setQuery('');
    setOpen(false);
    setActive(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = options?.length ?? 0;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setActive((a) => (a - 1 + n) % n);
    } else if (e.key === 'Enter') {
      // Enter chooses; it never submits the surrounding form half-way through a search.
      if (query.trim()) e.preventDefault();
      const option = options?.[active];
      if (option) pick(option.id);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const describedBy = [hint && !error ? hintId : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className={`field contact-picker${error ? ' has-error' : ''}`} data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      {value ? (
        <div className="picked" data-testid="picked">
          {chosen === undefined ? (
            <span className="muted">…</span>
          ) : chosen ? (
            <a href={contactHash(chosen.id)}>
              {chosen.name}
              {chosen.company && <span className="muted"> · {chosen.company}</span>}
            </a>
          ) : (
            <span className="muted">{t('dash.referredBy.missing')}</span>
          )}
          <button
            type="button"
            className="icon"
            id={id}
            aria-label={t('dash.referredBy.clear')}
            aria-describedby={describedBy || undefined}
            onClick={() => onChange('')}
          >
            ×
          </button>
        </div>
      ) : (
        <div className="picker-box">
          <input
            id={id}
            role="combobox"
            aria-expanded={open && !!query.trim()}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={
              open && options?.[active] ? `${listId}-${options[active].id}` : undefined
            }
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy || undefined}
            autoComplete="off"
            placeholder={t('dash.referredBy.search')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
          />
          {open && query.trim() && options && (
            <ul className="picker-options" role="listbox" id={listId}>
              {options.length === 0 ? (
                <li className="muted" role="presentation">
                  {t('dash.referredBy.none')}
                </li>
              ) : (
                options.map((o, i) => (
                  <li
                    key={o.id}
                    id={`${listId}-${o.id}`}
                    role="option"
                    aria-selected={i === active}
                    className={i === active ? 'active' : undefined}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      pick(o.id);
                    }}
                  >
                    {o.name}
                    {o.company && <span className="muted"> · {o.company}</span>}
                  </li>
                ))
              )}
            </ul>
          )}
        </div>
      )}
      {hint && !error && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}
