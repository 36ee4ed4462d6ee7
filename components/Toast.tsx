import { useEffect } from 'react';
import { useI18n } from './I18n';

export interface ToastMessage {
  id: string;
  text: string;
  /** Shown as an "Undo" button while the toast is visible. */
  onUndo?: () => void;
  /** Milliseconds until it goes away (undo included). */
  ttl?: number;
}

/** A short confirmation with an optional undo, announced to screen readers. */
export function Toast({ toast, onClose }: { toast: ToastMessage | null; onClose: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, toast.ttl ?? 10_000);
    return () => clearTimeout(timer);
  }, [toast, onClose]);
  if (!toast) return null;
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="toast">
      <span>{toast.text}</span>
      {toast.onUndo && (
        <button
          type="button"
          onClick={() => {
            toast.onUndo?.();
            onClose();
          }}
        >
          {t('common.undo')}
        </button>
      )}
      <button type="button" aria-label={t('common.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
