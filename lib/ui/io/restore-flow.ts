// Restoring a backup as a hook: file → complete check → preview per mode → one transaction that
// first keeps the current data as a safety copy (lib/db/backup-restore.ts), so that the restore can
// be undone. Nothing is written before the user confirms, and nothing at all for a bad file.
import { errorInfo, type ErrorInfo } from '../../model';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getDb } from '../../db';
import {
  checkBackup,
  currentForPreview,
  previewRestore,
  getSafetyCopyInfo,
  isSyncOn,
  restoreBackup,
  undoRestore,
  type CheckedBackup,
  type CurrentData,
  type RestoreMode,
  type RestorePreview,
  type RestoreReport,
  type SafetyCopyInfo,
} from '../../db/backup-restore';
import type { ImportIssue } from '../../io';
import { requestFreshDerived } from '../hooks';
import { downloadCurrentData } from './data';

// What the restore panel shows.
export type { RestoreTableCount, SafetyCopyInfo } from '../../db/backup-restore';

export type RestoreStep =
  | { step: 'pick' }
  | { step: 'checking'; fileName: string }
  | { step: 'refused'; fileName: string; errors: ImportIssue[] }
  | {
      step: 'ready';
      fileName: string;
      backup: CheckedBackup;
      current: CurrentData;
      mode: RestoreMode;
      preview: RestorePreview;
      /** Also download the current data as a file first (replace mode; not counted as a backup:
       * the safety copy the restore keeps in the browser is what its undo uses). */
      safety: boolean;
    }
  | { step: 'restoring'; fileName: string }
  | {
      step: 'done';
      fileName: string;
      report: RestoreReport;
      /** The preview found contacts sharing an e-mail or profile: offer the duplicate review. */
      reviewDuplicates: boolean;
    }
  | { step: 'undoing' }
  | { step: 'undone'; report: RestoreReport };

export interface RestoreFlow {
  state: RestoreStep;
  /** What went wrong, for `translateError` (nothing was written). */
  error?: ErrorInfo;
  pickFile(file: File): void;
  setMode(mode: RestoreMode): void;
  setSafety(on: boolean): void;
  confirm(): void;
  reset(): void;
  /** The copy the last restore kept (undefined: none, or still loading). */
  copy: SafetyCopyInfo | undefined;
  /** Sync is on: only merging is offered (replacing would delete on every device). */
  syncOn: boolean;
  /** Put the data back as it was before the last restore. */
  undo(): void;
}

export function useRestoreFlow(): RestoreFlow {
  const [state, setState] = useState<RestoreStep>({ step: 'pick' });
  const [error, setError] = useState<RestoreFlow['error']>();
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  const pickFile = useCallback((file: File) => {
    const gen = ++generation.current;
    setError(undefined);
    setState({ step: 'checking', fileName: file.name });
    void (async () => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const db = getDb();
        const checked = checkBackup(db, bytes);
        if (gen !== generation.current) return;
        if (!checked.ok) {
          setState({ step: 'refused', fileName: file.name, errors: checked.errors });
          return;
        }
        const current = await currentForPreview(db);
        const mode: RestoreMode = 'merge';
        if (gen !== generation.current) return;
        setState({
          step: 'ready',
          fileName: file.name,
          backup: checked.backup,
          current,
          mode,
          preview: previewRestore(checked.backup, current, mode),
          safety: false,
        });
      } catch (e) {
        if (gen !== generation.current) return;
        setError(errorInfo(e));
        setState({ step: 'pick' });
      }
    })();
  }, []);

  const setMode = useCallback((mode: RestoreMode) => {
    setState((s) =>
      s.step === 'ready' ? { ...s, mode, preview: previewRestore(s.backup, s.current, mode) } : s,
    );
  }, []);

  const setSafety = useCallback((safety: boolean) => {
    setState((s) => (s.step === 'ready' ? { ...s, safety } : s));
  }, []);

  const confirm = useCallback(() => {
    if (state.step !== 'ready') return;
    const ready = state;
    const gen = ++generation.current;
    setError(undefined);
    setState({ step: 'restoring', fileName: ready.fileName });
    void (async () => {
      try {
        const db = getDb();
        if (ready.safety && ready.mode === 'replace') await downloadCurrentData(db);
        const report = await restoreBackup(
          db,
          ready.backup,
          ready.mode,
          new Date(),
          ready.fileName,
        );
        void requestFreshDerived();
        if (gen === generation.current)
          setState({
            step: 'done',
            fileName: ready.fileName,
            report,
            reviewDuplicates:
              ready.preview.sharedEmails.length > 0 || ready.preview.duplicates.length > 0,
          });
      } catch (e) {
        setError(errorInfo(e));
        if (gen === generation.current) setState(ready);
      }
    })();
  }, [state]);

  const reset = useCallback(() => {
    generation.current++;
    setError(undefined);
    setState({ step: 'pick' });
  }, []);

  const copy = useLiveQuery(() => getSafetyCopyInfo(getDb()), []);
  const syncOn = useLiveQuery(() => isSyncOn(getDb()), [], false);

  const undo = useCallback(() => {
    const gen = ++generation.current;
    const before = state;
    setError(undefined);
    setState({ step: 'undoing' });
    void (async () => {
      try {
        const report = await undoRestore(getDb(), new Date());
        void requestFreshDerived();
        if (gen === generation.current) setState({ step: 'undone', report });
      } catch (e) {
        setError(errorInfo(e));
        if (gen === generation.current) setState(before);
      }
    })();
  }, [state]);

  const flow: RestoreFlow = {
    state,
    pickFile,
    setMode,
    setSafety,
    confirm,
    reset,
    copy,
    syncOn,
    undo,
  };
  if (error) flow.error = error;
  return flow;
}
