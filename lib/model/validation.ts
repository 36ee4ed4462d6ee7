import type { z } from 'zod';
import { translate } from '../i18n/translate';
import { KundennahError } from './errors';

/** One problem with one field, its message an i18n key (`err.*`) or plain English. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** Thrown by every write that refuses its input; nothing has been written when it is thrown. */
export class ValidationError extends KundennahError {
  readonly issues: FieldIssue[];
  constructor(what: string, issues: FieldIssue[]) {
    super('invalid', `Invalid ${what}: ${describeIssues(issues)}`, { what });
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** The issues in English, for logs and thrown messages (the UI uses lib/i18n `translateError`). */
export function describeIssues(issues: FieldIssue[]): string {
  return issues
    .map((i) => {
      const where = i.path.length ? `${i.path.join('.')}: ` : '';
      return `${where}${translate('en', i.message)}`;
    })
    .join('; ');
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}

/** Drop keys whose value is undefined so that stored rows stay minimal and compare cleanly. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Parse with a schema or throw a ValidationError naming every bad field. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(what, issuesOf(result.error));
  return result.data;
}
