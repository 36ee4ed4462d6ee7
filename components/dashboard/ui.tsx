// Small building blocks of the dashboard's pages: fields with their messages, dialogs, the toast
// host with undo, and the settings every page reads. Props in, events out.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import type { FieldMessage } from '@/lib/ui/dashboard/form';
import { useI18n } from '../I18n';
import { Toast, type ToastMessage } from '../Toast';

// ---------------------------------------------------------------------------------------------
// Settings for every page (the dashboard shell provides them)

export const SettingsContext = createContext<Settings>(DEFAULT_SETTINGS);
export const useDashSettings = () => useContext(SettingsContext);

// ---------------------------------------------------------------------------------------------
// Toasts with undo, one at a time, surviving navigation between pages

type Notify = (toast: Omit<ToastMessage, 'id'>) => void;
const ToastContext = createContext<Notify>(() => {});
export const useNotify = () => useContext(ToastContext);

export function ToastHost({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const notify = useCallback<Notify>(
    (message) => setToast({ ...message, id: crypto.randomUUID() }),
    [],
  );
  const close = useCallback(() => setToast(null), []);
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <Toast toast={toast} onClose={close} />
    </ToastContext.Provider>
  );
}

// ---------------------------------------------------------------------------------------------
// Messages next to fields

/** The text of a field message ("Zeile 2: Keine gültige E-Mail-Adresse."). */
export function useMessageText(): (m: FieldMessage) => string {
  const { t } = useI18n();
  return useCallback(
    (m: FieldMessage) => {
      const params = { ...m.params };
      if (typeof params.message === 'string') params.message = t(params.message);
      return t(m.key, params);
    },
    [t],
  );
}

/** Attributes that tie a control to its message (read out with the field). */
export function control(id: string, error?: FieldMessage) {
  return {
    id,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
}

export function FieldError({ id, error }: { id: string; error?: FieldMessage }) {
  const text = useMessageText();
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`} data-testid="field-error">
      {text(error)}
    </p>
  );
}

/** A labelled field: label, the control (children, given `control(id, error)`), hint, message. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  error?: FieldMessage;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && <p className="hint">{hint}</p>}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Several controls that belong together (a birthday's day, month and year). */
export function FieldGroup({
  id,
  legend,
  error,
  hint,
  children,
  className,
}: {
  id: string;
  legend: ReactNode;
  error?: FieldMessage;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset
      className={`field group${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      <div className="group-controls">{children}</div>
      {hint && !error && <p className="hint">{hint}</p>}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------
// Dialogs (the browser's modal <dialog>: focus stays inside, Escape closes)

export function Dialog({
  open,
  title,
  children,
  onClose,
  alert = false,
  testId,
}: {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  onClose: () => void;
  /** A question that needs an answer (delete, leave with unsaved changes). */
  alert?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dash-dialog"
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}

/** A page section with a heading (a landmark for screen readers). */
export function Section({
  title,
  children,
  actions,
  className,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <section
      className={`card section${className ? ` ${className}` : ''}`}
      aria-labelledby={id}
      data-testid={testId}
    >
      <header className="section-head">
        <h2 id={id}>{title}</h2>
        {actions && <div className="section-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** The bar under a form: whether it is saved, discard, save. */
export function SaveBar({
  dirty,
  hasErrors,
  busy,
  onDiscard,
  saveTestId,
  testId,
  error,
}: {
  dirty: boolean;
  hasErrors: boolean;
  busy: boolean;
  onDiscard(): void;
  saveTestId: string;
  testId?: string;
  /** Why the last save failed as a whole (a full disk, say), in words; fields show their own. */
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <div className={`save-bar${dirty ? ' dirty' : ''}`} data-testid={testId}>
      {error ? (
        <span className="field-error" role="alert" data-testid="save-error">
          {error}
        </span>
      ) : (
        <span className="muted" aria-live="polite">
          {hasErrors
            ? t('dash.form.hasErrors')
            : dirty
              ? t('dash.form.unsaved')
              : t('dash.form.allSaved')}
        </span>
      )}
      <button type="button" disabled={!dirty} onClick={onDiscard}>
        {t('dash.form.discard')}
      </button>
      <button type="submit" className="primary" disabled={!dirty || busy} data-testid={saveTestId}>
        {t('common.save')}
      </button>
    </div>
  );
}
