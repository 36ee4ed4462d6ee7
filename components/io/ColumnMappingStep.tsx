import { useId } from 'react';
import {
  MAPPED_FIELDS,
  type ColumnMapping,
  type CsvTable,
  type ImportIssue,
  type MappedField,
} from '@/lib/io';
import { useI18n } from '../I18n';
import { issueText } from './IssueList';

export interface ColumnMappingStepProps {
  fileName: string;
  table: CsvTable;
  mapping: ColumnMapping;
  /** The mapping is the one the user chose last time for these columns. */
  remembered: boolean;
  error?: ImportIssue;
  onChange(mapping: ColumnMapping): void;
  onApply(): void;
  onCancel(): void;
}

/** The first non-blank value of a column (what the user recognises the column by). */
function sample(table: CsvTable, column: number): string {
  for (const row of table.rows.slice(0, 50)) {
    const v = row.cells[column]?.trim();
    if (v) return v;
  }
  return '';
}

/** Which column holds what, for a CSV whose layout Kundennah does not know. */
export function ColumnMappingStep(props: ColumnMappingStepProps) {
  const { t } = useI18n();
  const orderId = useId();
  const { table, mapping } = props;
  const setColumn = (i: number, field: MappedField | null) => {
    const columns = table.headers.map((_h, j) => (j === i ? field : (mapping.columns[j] ?? null)));
    props.onChange({ ...mapping, columns });
  };
  const usesBirthday = mapping.columns.includes('birthday');
  return (
    <section
      className="io-section card"
      aria-labelledby="io-map-heading"
      data-testid="import-mapping"
    >
      <h2 id="io-map-heading">{t('io.map.heading', { name: props.fileName })}</h2>
      <p className="muted">{t('io.map.intro')}</p>
      {props.remembered && <p className="io-note ok">{t('io.map.remembered')}</p>}
      <table className="io-table">
        <thead>
          <tr>
            <th scope="col">{t('io.map.column')}</th>
            <th scope="col">{t('io.map.sample')}</th>
            <th scope="col">{t('io.map.field')}</th>
          </tr>
        </thead>
        <tbody>
          {table.headers.map((header, i) => {
            const id = `io-map-${i}`;
            return (
              <tr key={i}>
                <td>
                  <label htmlFor={id}>{header || `#${i + 1}`}</label>
                </td>
                <td className="io-sample" title={sample(table, i)}>
                  {sample(table, i)}
                </td>
                <td>
                  <select
                    id={id}
                    value={mapping.columns[i] ?? ''}
                    onChange={(e) =>
                      setColumn(i, (e.currentTarget.value || null) as MappedField | null)
                    }
                  >
                    <option value="">{t('io.field.ignore')}</option>
                    {MAPPED_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {t(`io.field.${f}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {usesBirthday && (
        <div className="io-row" role="radiogroup" aria-labelledby={orderId}>
          <span id={orderId}>{t('io.map.dateOrder')}</span>
          {(['dmy', 'mdy'] as const).map((order) => (
            <label key={order}>
              <input
                type="radio"
                name="io-date-order"
                checked={(mapping.dateOrder ?? 'dmy') === order}
                onChange={() => props.onChange({ ...mapping, dateOrder: order })}
              />{' '}
              {t(`io.map.${order}`)}
            </label>
          ))}
        </div>
      )}
      {props.error && (
        <p className="io-note error" role="alert">
          {issueText(t, props.error)}
        </p>
      )}
      <div className="io-row">
        <button type="button" className="primary" onClick={props.onApply}>
          {t('io.map.apply')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
