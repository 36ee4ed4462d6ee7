// Errors a user may see, as codes with parameters: lib/i18n's `translateError` puts any of them into
// the user's language, wherever it was thrown (a page, the background, a panel reply).
import type { FieldIssue } from './validation';

/** Every kind of error the app tells a user about. */
export const ERROR_CODES = [
  'invalid',
  'duplicate',
  'not-found',
  'storage-full',
  'logged-today',
  'safety-copy',
  'changed-meanwhile',
  'internal',
  // A panel write refused (issue 15, point 2): a panel frame Kundennah did not insert, or one that
  // was covered, transparent or moved when the user acted.
  'panel-foreign',
  'panel-hidden',
  // Replacing all data (a restore, or its undo) while sync is on would delete, on the user's other
  // devices and in team spaces, whatever the replacing data lacks.
  'sync-on',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What travels between contexts (a panel reply) and what `translateError` reads. */
export interface ErrorInfo {
  code: ErrorCode;
  /** `{name}` parameters of the message. */
  params?: Record<string, string | number>;
  /** For `invalid`: each field and its message key (`err.*`). */
  issues?: FieldIssue[];
  /** English, for logs. */
  message?: string;
}

/** An error with a code the UI can translate; `message` stays English for logs. */
export class KundennahError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(
    code: ErrorCode,
    message: string,
    params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KundennahError';
    this.code = code;
    this.params = params;
  }
}

/** The code, parameters and field issues of anything thrown (unknown errors are `internal`). */
export function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof KundennahError) {
    const issues = (e as { issues?: FieldIssue[] }).issues;
    return issues
      ? { code: e.code, params: e.params, issues, message: e.message }
      : { code: e.code, params: e.params, message: e.message };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', params: { message }, message };
}
