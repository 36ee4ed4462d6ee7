import { useMemo, useState } from 'react';
import { foldText } from '@/lib/core';
import type { Contact } from '@/lib/model';
import { useI18n } from '../I18n';

export interface ExportPanelProps {
  /** How many contacts there are. */
  count: number;
  /** The contacts to choose from; loaded once the user wants to choose (`onChoose`). */
  contacts?: Pick<Contact, 'id' | 'name' | 'company' | 'emails'>[];
  /** Ids chosen beforehand (e.g. from the contacts list: `#/import?select=id1,id2`). */
  initialSelection?: string[];
  busy?: boolean;
  /** A message after an export. */
  message?: string;
  onExport(kind: 'vcard' | 'csv', ids: string[] | undefined, delimiter: ',' | ';'): void;
  /** The user wants to choose contacts: load them. */
  onChoose(): void;
}

const SHOWN = 50;

/** vCard 4.0 and CSV export of all or chosen contacts. */
export function ExportPanel(props: ExportPanelProps) {
  const { t, locale } = useI18n();
  const [which, setWhich] = useState<'all' | 'selected'>(
    props.initialSelection?.length ? 'selected' : 'all',
  );
  const [selected, setSelected] = useState(() => new Set(props.initialSelection ?? []));
  const [query, setQuery] = useState('');
  const [delimiter, setDelimiter] = useState<',' | ';'>(locale === 'de' ? ';' : ',');
  const matches = useMemo(() => {
    const all = props.contacts ?? [];
    const q = foldText(query.trim());
    return q
      ? all.filter((c) =>
          foldText(`${c.name} ${c.company ?? ''} ${c.emails.join(' ')}`).includes(q),
        )
      : all;
  }, [props.contacts, query]);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const ids = which === 'all' ? undefined : [...selected];
  const none = which === 'selected' && selected.size === 0;
  return (
    <section
      className="io-section card"
      aria-labelledby="io-export-heading"
      data-testid="export-panel"
    >
      <h2 id="io-export-heading">{t('io.export.heading')}</h2>
      <div className="io-row" role="radiogroup" aria-labelledby="io-export-heading">
        <label>
          <input
            type="radio"
            name="io-export-which"
            checked={which === 'all'}
            onChange={() => setWhich('all')}
          />{' '}
          {t('io.export.all', { count: props.count })}
        </label>
        <label>
          <input
            type="radio"
            name="io-export-which"
            checked={which === 'selected'}
            onChange={() => {
              setWhich('selected');
              props.onChoose();
            }}
          />{' '}
          {t('io.export.selected', { count: selected.size })}
        </label>
      </div>
      {which === 'selected' && (
        <>
          <input
            type="search"
            aria-label={t('io.export.search')}
            placeholder={t('io.export.search')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <div className="io-picker">
            {matches.slice(0, SHOWN).map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={selected.has(c.id)}
                  onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                />
                <span>
                  {c.name}
                  {c.company && <span className="io-muted-small"> · {c.company}</span>}
                </span>
              </label>
            ))}
            {props.contacts === undefined ? (
              <p className="muted">{t('common.loading')}</p>
            ) : (
              matches.length === 0 && <p className="muted">{t('io.export.noMatch')}</p>
            )}
          </div>
          {matches.length > SHOWN && (
            <p className="io-muted-small">
              {t('io.export.more', { shown: SHOWN, count: matches.length })}
            </p>
          )}
          {none && <p className="io-muted-small">{t('io.export.none')}</p>}
        </>
      )}
      <div className="io-row">
        <button
          type="button"
          disabled={props.busy || none}
          onClick={() => props.onExport('vcard', ids, delimiter)}
        >
          {t('io.export.vcard')}
        </button>
        <span className="io-muted-small">{t('io.export.vcardHint')}</span>
      </div>
      <div className="io-row">
        <button
          type="button"
          disabled={props.busy || none}
          onClick={() => props.onExport('csv', ids, delimiter)}
        >
          {t('io.export.csv')}
        </button>
        <label htmlFor="io-delimiter">{t('io.export.delimiter')}</label>
        <select
          id="io-delimiter"
          value={delimiter}
          onChange={(e) => setDelimiter(e.currentTarget.value as ',' | ';')}
        >
          <option value=";">{t('io.export.semicolon')}</option>
          <option value=",">{t('io.export.comma')}</option>
        </select>
      </div>
      {props.message && (
        <p className="io-note ok" role="status">
          {props.message}
        </p>
      )}
    </section>
  );
}
