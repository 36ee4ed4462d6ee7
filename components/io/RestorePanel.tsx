import { failedText, isMessageKey } from '@/lib/i18n';
import { useState } from 'react';
import { dateLabel } from '@/lib/ui/format';
import type { RestoreFlow, RestoreTableCount, SafetyCopyInfo } from '@/lib/ui/io/restore-flow';
import { useI18n } from '../I18n';
import { FileDrop } from './FileDrop';
import { IssueList } from './IssueList';

export interface RestorePanelProps {
  flow: Pick<RestoreFlow, 'state' | 'error' | 'copy' | 'syncOn'>;
  onFile(file: File): void;
  onMode(mode: 'replace' | 'merge'): void;
  onSafety(on: boolean): void;
  onConfirm(): void;
  onReset(): void;
  onUndo(): void;
}

/** "Undo restore": the copy the last restore kept, offered until the next restore; asks once. */
function UndoRestore({
  copy,
  syncOn,
  onUndo,
}: {
  copy: SafetyCopyInfo;
  syncOn: boolean;
  onUndo(): void;
}) {
  const { t, locale } = useI18n();
  const [asking, setAsking] = useState(false);
  const when = dateLabel(copy.at, locale);
  return (
    <div className="io-note" data-testid="restore-undo-box">
      <p>
        {copy.fileName
          ? t('io.restore.lastFile', { name: copy.fileName, when })
          : t('io.restore.last', { when })}
      </p>
      {syncOn ? (
        <p className="io-muted-small">{t('io.restore.syncOnUndo')}</p>
      ) : !asking ? (
        <button type="button" onClick={() => setAsking(true)} data-testid="restore-undo">
          {t('io.restore.undo')}
        </button>
      ) : (
        <div role="alertdialog" aria-label={t('io.restore.undo')}>
          <p>{t('io.restore.undoConfirm')}</p>
          <div className="io-row">
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={onUndo}
              data-testid="restore-undo-confirm"
            >
              {t('io.restore.undo')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Restore a backup: pick, check completely, choose replace or merge, confirm. */
export function RestorePanel({ flow, ...on }: RestorePanelProps) {
  const { t, locale } = useI18n();
  const { state } = flow;
  const tableName = (table: string) => {
    const key = `io.table.${table}`;
    return isMessageKey(key) ? t(key) : table;
  };
  const countText = (c: RestoreTableCount, mode: 'replace' | 'merge') =>
    mode === 'replace'
      ? t('io.restore.countReplace', {
          table: tableName(c.table),
          rows: c.rows,
          removing: c.removing,
        })
      : t('io.restore.countMerge', {
          table: tableName(c.table),
          rows: c.rows,
          adding: c.adding,
          replacing: c.replacing,
          keeping: c.keeping,
        });
  return (
    <section
      className="io-section card"
      aria-labelledby="io-restore-heading"
      data-testid="restore-panel"
    >
      <h2 id="io-restore-heading">{t('io.restore.heading')}</h2>
      {(state.step === 'pick' || state.step === 'refused' || state.step === 'done') &&
        flow.copy?.reason === 'restore' && (
          <UndoRestore copy={flow.copy} syncOn={flow.syncOn} onUndo={on.onUndo} />
        )}
      {(state.step === 'pick' ||
        state.step === 'refused' ||
        state.step === 'done' ||
        state.step === 'undone') && (
        <FileDrop
          title={t('io.restore.drop')}
          or={t('io.drop.or')}
          choose={t('io.restore.choose')}
          active={t('io.drop.active')}
          accept=".json,application/json"
          testId="restore-drop"
          onFile={on.onFile}
        />
      )}
      {state.step === 'checking' && (
        <p role="status">{t('io.restore.checking', { name: state.fileName })}</p>
      )}
      {state.step === 'refused' && (
        <div className="io-note error" role="alert" data-testid="restore-refused">
          <p>
            <strong>{t('io.restore.refused', { name: state.fileName })}</strong>
          </p>
          <IssueList issues={state.errors} limit={8} />
        </div>
      )}
      {state.step === 'ready' && (
        <>
          <p>
            <strong>{state.fileName}</strong> —{' '}
            {t('io.restore.checked', { date: dateLabel(state.backup.exportedAt, locale) })}
          </p>
          <div className="io-row" role="radiogroup" aria-label={t('io.restore.mode')}>
            {(['merge', 'replace'] as const).map((mode) => (
              <label key={mode} style={{ flex: '1 1 16rem' }} className="card">
                <input
                  type="radio"
                  name="io-restore-mode"
                  checked={state.mode === mode}
                  disabled={mode === 'replace' && flow.syncOn}
                  onChange={() => on.onMode(mode)}
                />{' '}
                <strong>{t(`io.restore.${mode}`)}</strong>
                <br />
                <span className="io-muted-small">{t(`io.restore.${mode}Hint`)}</span>
              </label>
            ))}
          </div>
          {flow.syncOn && (
            <p className="io-note" data-testid="restore-sync-on">
              {t('io.restore.syncOn')}
            </p>
          )}
          <ul className="io-issues" data-testid="restore-counts">
            {state.preview.counts
              .filter((c) => c.rows > 0 || c.removing > 0)
              .map((c) => (
                <li key={c.table}>{countText(c, state.mode)}</li>
              ))}
          </ul>
          {state.backup.ignoredTables.length > 0 && (
            <p className="io-muted-small">
              {t('io.restore.ignored', { tables: state.backup.ignoredTables.join(', ') })}
            </p>
          )}
          {state.preview.duplicates.length > 0 && (
            <div className="io-note warn" data-testid="restore-duplicates">
              <p>{t('io.restore.duplicates', { count: state.preview.duplicates.length })}</p>
              <ul className="io-issues">
                {state.preview.duplicates.slice(0, 10).map((d) => (
                  <li key={d.backupId}>
                    {t('io.restore.dupRow', {
                      backup: d.backupName,
                      existing: d.existingName,
                      via: d.via,
                    })}
                  </li>
                ))}
              </ul>
              <p>{t('io.restore.dupHint')}</p>
            </div>
          )}
          {state.preview.sharedEmails.length > 0 && (
            <div className="io-note warn" data-testid="restore-shared-emails">
              <p>{t('io.restore.shared', { count: state.preview.sharedEmails.length })}</p>
              <ul className="io-issues">
                {state.preview.sharedEmails.slice(0, 10).map((s) => (
                  <li key={s.email}>
                    {t('io.restore.sharedRow', {
                      email: s.email,
                      names: s.contacts.map((c) => c.name).join(', '),
                    })}
                  </li>
                ))}
              </ul>
              <p>{t('io.restore.sharedHint')}</p>
            </div>
          )}
          {(state.preview.sharedEmails.length > 0 || state.preview.duplicates.length > 0) && (
            <p>
              <a href="#/duplicates" data-testid="restore-review-duplicates">
                {t('io.restore.review')}
              </a>
            </p>
          )}
          {state.preview.orphans.length > 0 && (
            <div className="io-note warn" data-testid="restore-orphans">
              <p>{t('io.restore.orphans', { count: state.preview.orphans.length })}</p>
              <ul className="io-issues">
                {state.preview.orphans.slice(0, 10).map((o) => (
                  <li key={`${o.table}:${o.id}`}>
                    {t('io.restore.orphanRow', {
                      table: tableName(o.table),
                      id: o.id,
                      contact: o.contactId,
                    })}
                  </li>
                ))}
              </ul>
              <p>{t('io.restore.orphansHint')}</p>
            </div>
          )}
          {state.mode === 'replace' && (
            <label className="io-check">
              <input
                type="checkbox"
                checked={state.safety}
                onChange={(e) => on.onSafety(e.currentTarget.checked)}
              />
              {t('io.restore.safety')}
            </label>
          )}
          <div className="io-row">
            <button
              type="button"
              className={state.mode === 'replace' ? 'danger' : 'primary'}
              onClick={on.onConfirm}
              data-testid="restore-confirm"
            >
              {t('io.restore.confirm')}
            </button>
            <button type="button" onClick={on.onReset}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
      {state.step === 'restoring' && <p role="status">{t('io.restore.working')}</p>}
      {state.step === 'done' && (
        <p className="io-note ok" role="status" data-testid="restore-done">
          {state.report.merged
            ? t('io.restore.merged', { ...state.report.merged })
            : t('io.restore.done', {
                count: Object.values(state.report.written).reduce((a, b) => a + b, 0),
              })}
          {state.reviewDuplicates && (
            <>
              {' '}
              <a href="#/duplicates" data-testid="restore-review-duplicates">
                {t('io.restore.review')}
              </a>
            </>
          )}
        </p>
      )}
      {state.step === 'undoing' && <p role="status">{t('io.restore.undoing')}</p>}
      {state.step === 'undone' && (
        <p className="io-note ok" role="status" data-testid="restore-undone">
          {t('io.restore.undone', {
            count: Object.values(state.report.written).reduce((a, b) => a + b, 0),
          })}
        </p>
      )}
      {flow.error && (
        <p className="io-note error" role="alert">
          {failedText(locale, 'io.restore.failed', flow.error)}
        </p>
      )}
    </section>
  );
}
