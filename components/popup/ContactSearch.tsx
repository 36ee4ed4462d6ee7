import { useId, useState, type KeyboardEvent } from 'react';
import type { SummaryRow } from '@/lib/ui/popup/data';
import { useI18n } from '../I18n';
import { TierBadge } from '../TierBadge';

interface Props {
  /** Live results for a query (a data hook from lib/ui). */
  useResults(query: string): SummaryRow[] | undefined;
  label: string;
  onChoose(row: SummaryRow): void;
  /** Shown under the results when the query matches nobody (quick add). */
  onAddNew?(query: string): void;
  autoFocus?: boolean;
}

/** Find a contact as you type (name, company, e-mail); arrows and Enter choose. */
export function ContactSearch({ useResults, label, onChoose, onAddNew, autoFocus }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const results = useResults(query) ?? [];
  const [active, setActive] = useState(0);
  const listId = useId();

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      const row = results[active];
      if (row) onChoose(row);
      else if (onAddNew && query.trim()) onAddNew(query.trim());
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  return (
    <div className="contact-search">
      <input
        type="search"
        role="combobox"
        aria-label={label}
        placeholder={label}
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
        data-testid="contact-search"
      />
      {query.trim() && (
        <ul id={listId} role="listbox" className="search-results" data-testid="search-results">
          {results.map((r, i) => (
            <li
              key={r.contactId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onChoose(r)}
            >
              <TierBadge tier={r.tier} /> <strong>{r.name}</strong>
              {r.company && <span className="muted"> · {r.company}</span>}
              {r.emails[0] && <span className="muted"> · {r.emails[0]}</span>}
            </li>
          ))}
          {results.length === 0 && <li className="muted">{t('popup.noResults')}</li>}
          {onAddNew && (
            <li>
              <button
                type="button"
                className="link"
                onClick={() => onAddNew(query.trim())}
                data-testid="quick-add-open"
              >
                + {t('popup.quickAdd', { name: query.trim() })}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
