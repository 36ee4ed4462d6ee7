import { useI18n } from '../I18n';
import './io.css';

/** Where LinkedIn hands out "Connections.csv" ("Get a copy of your data"; seen 2026-11). */
export const LINKEDIN_EXPORT_URL = 'https://www.linkedin.com/mypreferences/d/download-my-data';

export interface ReimportReminderProps {
  /** Days since the last LinkedIn import (30 or more when shown). */
  days: number;
  compact?: boolean;
  /** "Import it": open the import page (on the import page: focus the file picker). */
  onImport(): void;
}

/**
 * LinkedIn has no sync: 30 days after the last Connections.csv import, suggest a fresh one (it
 * merges, never duplicates). Show it when `useReimportReminder()` (lib/ui/io) returns a value.
 */
export function ReimportReminder(props: ReimportReminderProps) {
  const { t } = useI18n();
  return (
    <div
      className={`io-reminder info${props.compact ? ' compact' : ''}`}
      role="status"
      data-testid="reimport-reminder"
    >
      <div className="io-reminder-text">
        <p>{t('io.remind.linkedin', { days: props.days })}</p>
      </div>
      <a href={LINKEDIN_EXPORT_URL} target="_blank" rel="noopener noreferrer">
        {t('io.remind.linkedinHow')}
      </a>
      <button type="button" onClick={props.onImport}>
        {t('io.remind.linkedinImport')}
      </button>
    </div>
  );
}
