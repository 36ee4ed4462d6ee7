import { useI18n } from '../I18n';

/** The end of a popup form: its error, if any, then the submit button and "cancel". */
export function FormEnd({
  error,
  submit,
  onCancel,
}: {
  error: string | null | undefined;
  submit: string;
  onCancel(): void;
}) {
  const { t } = useI18n();
  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t('popup.cancel')}
        </button>
      </div>
    </>
  );
}
