import { useEffect, useRef, useState, type ReactNode } from 'react';
import { failedText, translateError } from '@/lib/i18n';
import { useContactCount } from '@/lib/ui/dashboard/data';
import { useImportFlow } from '@/lib/ui/io/import-flow';
import { useRestoreFlow } from '@/lib/ui/io/restore-flow';
import {
  downloadBlob,
  downloadBackupNow,
  makeContactsFile,
  setAutoBackup,
  useBackupReminder,
  useBackupStatus,
  useContactsToChoose,
  useImportBatches,
  useReimportReminder,
  useWatchDataChanges,
  type ImportBatchRecord,
  type UndoReport,
} from '@/lib/ui/io/data';
import type { PageProps } from '../dashboard/page-props';
import { useI18n } from '../I18n';
import { BackupPanel } from './BackupPanel';
import { BackupReminder } from './BackupReminder';
import { ColumnMappingStep } from './ColumnMappingStep';
import { ExportPanel } from './ExportPanel';
import { FileDrop } from './FileDrop';
import { ImportPreview } from './ImportPreview';
import { IssueList } from './IssueList';
import { ReimportReminder } from './ReimportReminder';
import { RecentImports } from './RecentImports';
import { RestorePanel } from './RestorePanel';
import './io.css';

const ACCEPT = '.csv,.vcf,.vcard,.txt,.tsv,.json,text/csv,text/vcard,text/x-vcard,application/json';

/** "Undo import" asks once, inline (no browser dialog), and says what it did. */
function UndoControl(props: {
  batch: ImportBatchRecord;
  /** Ask right away (the list's "undo" was the first click). */
  asking?: boolean;
  onUndo(batch: ImportBatchRecord): Promise<void>;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(props.asking ?? false);
  const [busy, setBusy] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)} data-testid="import-undo">
        {t('io.undo')}
      </button>
    );
  return (
    <div className="io-note warn" role="alertdialog" aria-label={t('io.undo')}>
      <p>
        {t('io.undo.confirm', {
          added: props.batch.addedContactIds.length,
          merged: props.batch.mergedCount ?? props.batch.before.length,
        })}
      </p>
      <div className="io-row">
        <button
          type="button"
          className="danger"
          disabled={busy}
          // The question replaces the button that asked it: the answer gets the focus.
          autoFocus
          data-testid="import-undo-confirm"
          onClick={() => {
            setBusy(true);
            void props.onUndo(props.batch).finally(() => {
              setBusy(false);
              setAsking(false);
            });
          }}
        >
          {t('io.undo')}
        </button>
        <button
          type="button"
          onClick={() => {
            setAsking(false);
            props.onCancel?.();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A status box that takes the focus when it appears (the button that led to it is gone). */
function Announce(props: { className: string; testId: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      tabIndex={-1}
      className={props.className}
      role="status"
      data-testid={props.testId}
    >
      {props.children}
    </div>
  );
}

/** The dashboard's `#/import`: import with preview and undo, export, backup and restore. */
export function ImportExportPage({ route }: PageProps) {
  const { t, locale } = useI18n();
  useWatchDataChanges();
  const flow = useImportFlow();
  const restore = useRestoreFlow();
  const batches = useImportBatches();
  const status = useBackupStatus();
  const reminder = useBackupReminder();
  const reimport = useReimportReminder();
  const count = useContactCount();
  const [choosing, setChoosing] = useState(() => !!route.params.get('select'));
  const pickable = useContactsToChoose(choosing);
  const [undoMessage, setUndoMessage] = useState<string>();
  const [undoFromList, setUndoFromList] = useState<ImportBatchRecord>();
  const [exportMessage, setExportMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [savedFile, setSavedFile] = useState<string>();
  const [autoDenied, setAutoDenied] = useState(false);
  const [pageError, setPageError] = useState<string>();
  const initialSelection = route.params.get('select')?.split(',').filter(Boolean);

  const undoText = (r: UndoReport) =>
    [
      t('io.undone', { removed: r.removed, restored: r.restored }),
      r.kept.length ? t('io.undo.kept', { names: r.kept.map((k) => k.name).join(', ') }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  const undo = async (batch: ImportBatchRecord) => {
    try {
      const report = await flow.undo(batch.id);
      setUndoMessage(undoText(report));
      setUndoFromList(undefined);
      if (flow.state.step === 'done' && flow.state.batch?.id === batch.id) flow.reset();
    } catch (e) {
      setPageError(translateError(locale, e));
    }
  };
  const backupNow = () => {
    setBusy(true);
    setPageError(undefined);
    downloadBackupNow()
      .then(setSavedFile, (e: unknown) => setPageError(translateError(locale, e)))
      .finally(() => setBusy(false));
  };
  const exportContacts = (
    kind: 'vcard' | 'csv',
    ids: string[] | undefined,
    delimiter: ',' | ';',
  ) => {
    setBusy(true);
    makeContactsFile(kind, ids, { delimiter, language: delimiter === ';' ? 'de' : 'en' })
      .then((file) => {
        downloadBlob(file.blob, file.fileName);
        setExportMessage(t('io.export.done', { count: file.count, file: file.fileName }));
      })
      .catch((e: unknown) => setPageError(translateError(locale, e)))
      .finally(() => setBusy(false));
  };
  const focusImport = () => {
    const section = document.getElementById('io-import');
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLButtonElement>('.io-drop button')?.focus();
  };

  const s = flow.state;
  return (
    <main className="io-page" data-testid="import-page">
      <header>
        <h1>{t('io.title')}</h1>
        <p className="muted">{t('io.intro')}</p>
      </header>

      {reminder?.due && !savedFile && (
        <BackupReminder
          {...(reminder.daysSinceBackup !== undefined
            ? { daysSinceBackup: reminder.daysSinceBackup }
            : {})}
          busy={reminder.busy || busy}
          onBackup={backupNow}
        />
      )}
      {reimport && s.step === 'pick' && (
        <ReimportReminder days={reimport.days} onImport={focusImport} />
      )}
      {pageError && (
        <p className="io-note error" role="alert">
          {pageError}
        </p>
      )}

      <section id="io-import" className="io-section" aria-labelledby="io-import-heading">
        <h2 id="io-import-heading">{t('io.import.heading')}</h2>
        {(s.step === 'pick' || s.step === 'failed') && (
          <FileDrop
            title={t('io.drop.label')}
            or={t('io.drop.or')}
            choose={t('io.drop.choose')}
            active={t('io.drop.active')}
            hint={t('io.import.formats')}
            accept={ACCEPT}
            testId="import-drop"
            onFile={(f) => {
              setUndoMessage(undefined);
              flow.pickFile(f);
            }}
          />
        )}
        {s.step === 'reading' && (
          <p role="status" className="io-note">
            {t('io.reading', { name: s.fileName })}
          </p>
        )}
        {s.step === 'failed' && (
          <div className="io-note error" role="alert" data-testid="import-failed">
            <p>
              <strong>{t('io.file.failed', { name: s.fileName })}</strong>
            </p>
            <IssueList issues={s.errors} />
          </div>
        )}
        {s.step === 'mapping' && (
          <ColumnMappingStep
            fileName={s.fileName}
            table={s.table}
            mapping={s.mapping}
            remembered={s.remembered}
            {...(s.error ? { error: s.error } : {})}
            onChange={flow.setMapping}
            onApply={flow.applyMapping}
            onCancel={flow.reset}
          />
        )}
        {s.step === 'preview' && flow.outcome && (
          <ImportPreview
            fileName={s.fileName}
            result={s.result}
            plan={s.plan}
            outcome={flow.outcome}
            decisions={s.decisions}
            status={flow.status}
            {...(s.notice ? { notice: s.notice } : {})}
            onDecide={flow.decide}
            onDecideAll={flow.decideAll}
            onStatus={flow.setStatus}
            onConfirm={flow.confirm}
            onCancel={flow.reset}
          />
        )}
        {s.step === 'importing' && (
          <p role="status" className="io-note">
            {t('io.importing')}
          </p>
        )}
        {s.step === 'done' && (
          <Announce className="io-note ok" testId="import-done">
            <p>
              <strong>
                {t('io.done', {
                  name: s.fileName,
                  added: s.outcome.added.length,
                  merged: s.outcome.merged.length,
                })}
              </strong>
            </p>
            <div className="io-row">
              {s.batch && <UndoControl batch={s.batch} onUndo={undo} />}
              <button type="button" onClick={flow.reset}>
                {t('io.file.other')}
              </button>
            </div>
          </Announce>
        )}
        {flow.error && (
          <p className="io-note error" role="alert" data-testid="import-error">
            {failedText(locale, 'io.failed', flow.error)}
          </p>
        )}
        {undoMessage && (
          <p className="io-note ok" role="status" data-testid="import-undone">
            {undoMessage}
          </p>
        )}
      </section>

      {batches && batches.length > 0 && s.step !== 'preview' && (
        <>
          <RecentImports
            batches={batches}
            {...(undoFromList ? { busyId: undoFromList.id } : {})}
            onUndo={setUndoFromList}
          />
          {undoFromList && (
            <UndoControl
              key={undoFromList.id}
              batch={undoFromList}
              asking
              onUndo={undo}
              onCancel={() => setUndoFromList(undefined)}
            />
          )}
        </>
      )}

      {status && (
        <div className="io-grid-2">
          <BackupPanel
            status={status}
            busy={busy}
            {...(savedFile ? { savedFile } : {})}
            autoDenied={autoDenied}
            onBackup={backupNow}
            onAutoBackup={(on) => {
              setAutoDenied(false);
              void setAutoBackup(on).then((ok) => setAutoDenied(!ok));
            }}
          />
          <ExportPanel
            count={count ?? 0}
            {...(pickable ? { contacts: pickable } : {})}
            {...(initialSelection?.length ? { initialSelection } : {})}
            busy={busy}
            {...(exportMessage ? { message: exportMessage } : {})}
            onExport={exportContacts}
            onChoose={() => setChoosing(true)}
          />
        </div>
      )}

      <RestorePanel
        flow={restore}
        onFile={restore.pickFile}
        onMode={restore.setMode}
        onSafety={restore.setSafety}
        onConfirm={restore.confirm}
        onReset={restore.reset}
        onUndo={restore.undo}
      />
    </main>
  );
}
