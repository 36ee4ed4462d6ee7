import { useI18n } from './I18n';

/** The save and cancel buttons that end every form, in the order and look the forms share. */
export function SaveCancel({
  onCancel,
  busy = false,
  saveLabel,
  testId,
  className = 'form-actions',
}: {
  onCancel: () => void;
  busy?: boolean;
  /** Default: "Speichern" / "Save". */
  saveLabel?: string;
  /** data-testid of the save button. */
  testId?: string;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <div className={className}>
      <button type="submit" className="primary" disabled={busy} data-testid={testId}>
        {saveLabel ?? t('common.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
