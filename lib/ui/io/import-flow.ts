// The import page's flow as a hook: file → (column mapping) → preview with decisions → one
// transaction → done (with undo). The components only render the state and call the actions.
import { errorInfo, type ErrorInfo } from '../../model';
import { useCallback, useMemo, useRef, useState } from 'react';
import { getDb } from '../../db';
import {
  ImportConflictError,
  applyImport,
  contactsForPlanning,
  undoImport,
  type ImportBatchRecord,
  type UndoReport,
} from '../../db/import';
import {
  planImport,
  resolveImport,
  type ImportOutcome,
  type ImportPlan,
} from '../../io/import-plan';
import {
  ISSUE_EFFECT,
  applyColumnMapping,
  decodeBytes,
  guessMapping,
  parseContactsFile,
  readCsvTable,
  type ColumnMapping,
  type CsvTable,
  type ImportIssue,
  type ImportResult,
} from '../../io';
import type { Status } from '../../model';
import { recallMapping, rememberMapping } from './data';

export type ImportStep =
  | { step: 'pick' }
  | { step: 'reading'; fileName: string }
  | { step: 'failed'; fileName: string; errors: ImportIssue[] }
  | {
      step: 'mapping';
      fileName: string;
      table: CsvTable;
      mapping: ColumnMapping;
      remembered: boolean;
      error?: ImportIssue;
    }
  | {
      step: 'preview';
      fileName: string;
      result: ImportResult;
      plan: ImportPlan;
      decisions: Record<number, string>;
      /** A message above the preview (the data changed under the previous one). */
      notice?: 'conflict';
    }
  | { step: 'importing'; fileName: string }
  | { step: 'done'; fileName: string; batch: ImportBatchRecord | null; outcome: ImportOutcome };

export interface ImportFlow {
  state: ImportStep;
  /** What the decisions give (preview only). */
  outcome?: ImportOutcome;
  /** The status new contacts get. */
  status: Status;
  /** What went wrong, for `translateError` (nothing was written). */
  error?: ErrorInfo;
  pickFile(file: File): void;
  setMapping(mapping: ColumnMapping): void;
  applyMapping(): void;
  decide(row: number, choice: string): void;
  decideAll(choice: 'merge' | 'new'): void;
  setStatus(status: Status): void;
  confirm(): void;
  reset(): void;
  undo(batchId: string): Promise<UndoReport>;
}

/** Skipped rows and dropped values, for the preview's error list. */
export function rowIssues(errors: ImportIssue[]): ImportIssue[] {
  return errors.filter((e) => ISSUE_EFFECT[e.code] !== 'file');
}

/** New contacts from LinkedIn are prospects until the user says otherwise; others customers. */
const defaultStatus = (format: string): Status =>
  format === 'linkedin-csv' ? 'prospect' : 'active';

export function useImportFlow(): ImportFlow {
  const [state, setState] = useState<ImportStep>({ step: 'pick' });
  const [status, setStatusState] = useState<Status>('active');
  const [error, setError] = useState<ImportFlow['error']>();
  // A newer pick wins over a slow earlier one.
  const generation = useRef(0);

  const preview = useCallback(
    async (fileName: string, result: ImportResult, st: Status, notice?: 'conflict') => {
      const plan = planImport(result.contacts, await contactsForPlanning(getDb()), new Date(), {
        status: st,
      });
      const next: ImportStep = { step: 'preview', fileName, result, plan, decisions: {} };
      if (notice) next.notice = notice;
      return next;
    },
    [],
  );

  const pickFile = useCallback(
    (file: File) => {
      const gen = ++generation.current;
      setError(undefined);
      setState({ step: 'reading', fileName: file.name });
      void (async () => {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const result = parseContactsFile(bytes, file.name);
          if (gen !== generation.current) return;
          if (result.format === 'csv' && result.errors[0]?.code === 'needs-mapping') {
            const table = readCsvTable(decodeBytes(bytes).text);
            const remembered = await recallMapping(table.headers);
            if (gen !== generation.current) return;
            setState({
              step: 'mapping',
              fileName: file.name,
              table,
              mapping: remembered ?? guessMapping(table.headers),
              remembered: !!remembered,
            });
            return;
          }
          const fileErrors = result.errors.filter((e) => ISSUE_EFFECT[e.code] === 'file');
          if (result.format === 'unknown' || (fileErrors.length && !result.contacts.length)) {
            setState({ step: 'failed', fileName: file.name, errors: fileErrors });
            return;
          }
          const st = defaultStatus(result.format);
          setStatusState(st);
          const next = await preview(file.name, result, st);
          if (gen === generation.current) setState(next);
        } catch (e) {
          if (gen !== generation.current) return;
          setError(errorInfo(e));
          setState({ step: 'pick' });
        }
      })();
    },
    [preview],
  );

  const setMapping = useCallback((mapping: ColumnMapping) => {
    setState((s) => (s.step === 'mapping' ? { ...s, mapping, remembered: false } : s));
  }, []);

  const applyMapping = useCallback(() => {
    if (state.step !== 'mapping') return;
    const { table, mapping, fileName } = state;
    const result = applyColumnMapping(table, mapping);
    if (result.errors[0]?.code === 'mapping-incomplete') {
      setState({ ...state, error: result.errors[0] });
      return;
    }
    const gen = ++generation.current;
    setStatusState('active');
    void (async () => {
      await rememberMapping(table.headers, mapping).catch(() => undefined);
      const next = await preview(fileName, result, 'active');
      if (gen === generation.current) setState(next);
    })();
  }, [state, preview]);

  const decide = useCallback((row: number, choice: string) => {
    setState((s) =>
      s.step === 'preview' ? { ...s, decisions: { ...s.decisions, [row]: choice } } : s,
    );
  }, []);

  const decideAll = useCallback((choice: 'merge' | 'new') => {
    setState((s) => {
      if (s.step !== 'preview') return s;
      const decisions: Record<number, string> = { ...s.decisions };
      for (const r of s.plan.rows)
        if (r.kind === 'similar')
          decisions[r.index] =
            choice === 'new' ? 'new' : (r.candidates[0]?.contactId ?? decisions[r.index] ?? 'new');
      return { ...s, decisions };
    });
  }, []);

  const setStatus = useCallback((st: Status) => {
    setStatusState(st);
    setState((s) => {
      if (s.step !== 'preview') return s;
      const plan: ImportPlan = {
        ...s.plan,
        status: st,
        fresh: new Map([...s.plan.fresh].map(([id, c]) => [id, { ...c, status: st }])),
      };
      return { ...s, plan };
    });
  }, []);

  const outcome = useMemo(
    () => (state.step === 'preview' ? resolveImport(state.plan, state.decisions) : undefined),
    [state],
  );

  const confirm = useCallback(() => {
    if (state.step !== 'preview' || !outcome || outcome.pending.length) return;
    const { fileName, result } = state;
    const gen = ++generation.current;
    setError(undefined);
    setState({ step: 'importing', fileName });
    void (async () => {
      try {
        const batch = await applyImport(getDb(), outcome, { fileName, format: result.format });
        if (gen === generation.current) setState({ step: 'done', fileName, batch, outcome });
      } catch (e) {
        if (e instanceof ImportConflictError) {
          const next = await preview(fileName, result, status, 'conflict');
          if (gen === generation.current) setState(next);
          return;
        }
        setError(errorInfo(e));
        // Nothing was written: back to the same preview, so the user can try again.
        if (gen === generation.current) setState(state);
      }
    })();
  }, [state, outcome, preview, status]);

  const reset = useCallback(() => {
    generation.current++;
    setError(undefined);
    setState({ step: 'pick' });
  }, []);

  const undo = useCallback((batchId: string) => undoImport(getDb(), batchId, new Date()), []);

  const flow: ImportFlow = {
    state,
    status,
    pickFile,
    setMapping,
    applyMapping,
    decide,
    decideAll,
    setStatus,
    confirm,
    reset,
    undo,
  };
  if (outcome) flow.outcome = outcome;
  if (error) flow.error = error;
  return flow;
}
