import type { z } from 'zod';

/** One problem with one field, its message an i18n key (`err.*`) or plain English. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** Thrown by every write that refuses its input; nothing has been written when it is thrown. */
export class ValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(what: string, issues: FieldIssue[]) {
    super(`Invalid ${what}: ${describeIssues(issues)}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

const ENGLISH: Record<string, string> = {
  'err.id': 'id is missing',
  'err.date': 'not a valid date',
  'err.day': 'not a valid calendar day (YYYY-MM-DD)',
  'err.email': 'not a valid e-mail address',
  'err.url': 'not a valid web address',
  'err.birthday': 'no such day in that month',
  'err.name': 'a name is required',
  'err.phone': 'empty phone number',
  'err.partnerName': "the partner's name is required",
  'err.amount': 'not a valid amount',
  'err.interval': 'must be a whole number of days, at least 1',
  'err.text': 'text is required',
  'err.rating': 'rating must be 1 to 5',
  'err.hours': '"from" must be before "to"',
  'err.pareto': 'the B threshold must be above the A threshold',
  'err.time': 'time must be HH:MM',
  'err.timeZone': 'unknown time zone',
  'err.channel': 'unknown channel',
  'err.tier': 'tier must be A, B or C',
  'err.status': 'unknown status',
  'err.lostReason': 'unknown reason',
  'err.direction': 'direction must be in or out',
  'err.address': 'form of address must be Sie or Du',
};

export function describeIssues(issues: FieldIssue[]): string {
  return issues
    .map((i) => {
      const where = i.path.length ? `${i.path.join('.')}: ` : '';
      return `${where}${ENGLISH[i.message] ?? i.message}`;
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
