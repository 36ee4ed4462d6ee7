import type { ImportBatchRecord } from '@/lib/ui/io/data';
import { dateLabel } from '@/lib/ui/format';
import { useI18n } from '../I18n';

export interface RecentImportsProps {
  batches: ImportBatchRecord[];
  /** The batch being undone. */
  busyId?: string;
  onUndo(batch: ImportBatchRecord): void;
}

/** The recent imports with "undo" (each one takes back exactly what it added and changed). */
export function RecentImports({ batches, busyId, onUndo }: RecentImportsProps) {
  const { t, locale } = useI18n();
  if (!batches.length) return null;
  return (
    <section className="io-section" aria-labelledby="io-batches-heading">
      <h2 id="io-batches-heading">{t('io.batches.heading')}</h2>
      <table className="io-table" data-testid="import-batches">
        <tbody>
          {batches.map((b) => (
            <tr key={b.id}>
              <td className="muted">{dateLabel(b.at, locale)}</td>
              <td>
                {t('io.batches.row', {
                  file: b.fileName ?? t('io.batches.noFile'),
                  added: b.addedContactIds.length,
                  merged: b.mergedCount ?? b.before.length,
                })}
              </td>
              <td style={{ textAlign: 'right' }}>
                <button type="button" disabled={busyId === b.id} onClick={() => onUndo(b)}>
                  {t('io.undo')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
