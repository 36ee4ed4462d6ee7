import { useI18n } from '../I18n';
import './io.css';

export interface BackupReminderProps {
  /** Whole days since the last backup; undefined when there never was one. */
  daysSinceBackup?: number;
  /** A backup is being made. */
  busy?: boolean;
  /** The file just saved: the reminder says so instead of asking. */
  savedFile?: string;
  /** Smaller, for the popup. */
  compact?: boolean;
  onBackup(): void;
}

/**
 * "Your data changed since the last backup" with a one-click backup. Show it when
 * `useBackupReminder()` (lib/ui/io) says `due`; props in, events out.
 */
export function BackupReminder(props: BackupReminderProps) {
  const { t } = useI18n();
  if (props.savedFile)
    return (
      <div className="io-reminder info" role="status" data-testid="backup-reminder">
        <span className="io-reminder-text">
          {t('io.remind.backupDone', { file: props.savedFile })}
        </span>
      </div>
    );
  return (
    <div
      className={`io-reminder${props.compact ? ' compact' : ''}`}
      role="status"
      data-testid="backup-reminder"
    >
      <div className="io-reminder-text">
        <p>
          <strong>
            {props.daysSinceBackup === undefined
              ? t('io.remind.backupNever')
              : t('io.remind.backupOld', {
                  count: props.daysSinceBackup,
                  days: props.daysSinceBackup,
                })}
          </strong>
        </p>
        {!props.compact && <p>{t('io.remind.backupWhy')}</p>}
      </div>
      <button type="button" className="primary" disabled={props.busy} onClick={props.onBackup}>
        {t('io.remind.backupNow')}
      </button>
    </div>
  );
}
