import type { BackupStatus } from '@/lib/ui/io/data';
import { dateLabel } from '@/lib/ui/format';
import { useI18n } from '../I18n';

export interface BackupPanelProps {
  status: BackupStatus;
  busy?: boolean;
  /** The file just saved. */
  savedFile?: string;
  /** The permission for the weekly backup was refused. */
  autoDenied?: boolean;
  onBackup(): void;
  onAutoBackup(on: boolean): void;
}

/** Download a backup now; turn the weekly automatic backup on or off. */
export function BackupPanel(props: BackupPanelProps) {
  const { t, locale } = useI18n();
  const { status } = props;
  const date = (iso: string) => dateLabel(iso, locale);
  return (
    <section
      className="io-section card"
      aria-labelledby="io-backup-heading"
      data-testid="backup-panel"
    >
      <h2 id="io-backup-heading">{t('io.backup.heading')}</h2>
      <p>{t('io.backup.why')}</p>
      <p className="muted">{t('io.backup.contains')}</p>
      <div className="io-row">
        <button type="button" className="primary" disabled={props.busy} onClick={props.onBackup}>
          {t('io.backup.download')}
        </button>
        <span className="muted" data-testid="backup-last">
          {status.lastBackupAt
            ? t('io.backup.last', { date: date(status.lastBackupAt) })
            : t('io.backup.never')}
        </span>
      </div>
      {props.savedFile && (
        <p className="io-note ok" role="status">
          {t('io.backup.done', { file: props.savedFile })}
        </p>
      )}
      <label className="io-check">
        <input
          type="checkbox"
          checked={status.autoBackup}
          onChange={(e) => props.onAutoBackup(e.currentTarget.checked)}
        />
        {t('io.auto.label')}
      </label>
      <p className="io-muted-small">{t('io.auto.permission')}</p>
      {props.autoDenied && (
        <p className="io-note warn" role="alert">
          {t('io.auto.denied')}
        </p>
      )}
      {status.autoBackup && status.lastAutoBackupAt && (
        <p className="io-muted-small">
          {t('io.auto.last', { date: date(status.lastAutoBackupAt) })}
        </p>
      )}
      {status.autoBackup && status.autoBackupError && (
        <p className="io-note error">{t('io.auto.error', { message: status.autoBackupError })}</p>
      )}
    </section>
  );
}
