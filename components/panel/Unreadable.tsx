import { useId, useRef, useState } from 'react';
import { useI18n } from '../I18n';

/**
 * "Kundennah cannot read this page" (issue 14, "When a page changes under us"): said plainly, with a
 * diagnostic report the user can open, select and copy into a bug report. Nothing is sent anywhere.
 */
export function Unreadable({ report }: { report: string }) {
  const { t } = useI18n();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'ok' | 'failed'>();

  async function copy() {
    // The selection first: inside a host page the panel's frame is refused the Clipboard API (the
    // page's permissions policy), and asking for it anyway logs a violation there.
    area.current?.focus();
    area.current?.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    if (!ok) {
      try {
        await navigator.clipboard.writeText(report);
        ok = true;
      } catch {
        ok = false;
      }
    }
    setCopied(ok ? 'ok' : 'failed');
  }

  return (
    <section className="unreadable" data-testid="unreadable" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} role="status">
        <strong>{t('panel.unreadable')}</strong>
      </p>
      <p className="muted">{t('panel.unreadableHelp')}</p>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-report`}
        data-testid="diagnosis-toggle"
        onClick={() => {
          setOpen(!open);
          setCopied(undefined);
        }}
      >
        {open ? t('panel.diagnosisHide') : t('panel.diagnosisShow')}
      </button>
      {open && (
        <div id={`${id}-report`} className="diagnosis">
          <label htmlFor={`${id}-text`}>{t('panel.diagnosisLabel')}</label>
          <textarea
            id={`${id}-text`}
            ref={area}
            readOnly
            rows={10}
            spellCheck={false}
            value={report}
            data-testid="diagnosis-report"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" data-testid="diagnosis-copy" onClick={() => void copy()}>
            {t('panel.diagnosisCopy')}
          </button>
          {copied && (
            <p role="status" data-testid="diagnosis-copied">
              {copied === 'ok' ? t('panel.diagnosisCopied') : t('panel.diagnosisCopyFailed')}
            </p>
          )}
          <p className="muted">{t('panel.diagnosisLocal')}</p>
        </div>
      )}
    </section>
  );
}
