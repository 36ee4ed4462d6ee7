// The one place an error becomes words for a user: anything thrown in a page, or an error a panel
// reply carries, in the user's language (lib/model/errors.ts: codes with parameters).
import { errorInfo, type ErrorInfo } from '../model/errors';
import type { FieldIssue } from '../model/validation';
import type { Locale } from './locale';
import { isMessageKey, translate } from './translate';

function isErrorInfo(e: unknown): e is ErrorInfo {
  return typeof e === 'object' && e !== null && !(e instanceof Error) && 'code' in e;
}

/** "Name: A name is required. E-mail: Not a valid e-mail address." */
function issuesText(locale: Locale, issues: FieldIssue[]): string {
  return issues
    .map((i) => {
      const field = i.path.find((p): p is string => typeof p === 'string');
      const label =
        field && isMessageKey(`dash.field.${field}`)
          ? translate(locale, `dash.field.${field}`)
          : '';
      const text = translate(locale, i.message);
      return label ? `${label}: ${text}` : text;
    })
    .join(' ');
}

/** Any error, or the `ErrorInfo` a reply carried, in the user's language. */
export function translateError(locale: Locale, e: unknown): string {
  const info = isErrorInfo(e) ? e : errorInfo(e);
  switch (info.code) {
    case 'invalid':
      return info.issues?.length
        ? issuesText(locale, info.issues)
        : translate(locale, 'err.invalid');
    case 'internal':
      return translate(locale, 'err.internal', {
        message: String(info.params?.message ?? info.message ?? ''),
      });
    default:
      return translate(locale, `err.${info.code}`, info.params);
  }
}

/**
 * "The import failed; nothing was saved. <what went wrong>" for a step that failed as a whole
 * (`key` takes `{message}`). A full disk says so in its own words, which already say that nothing
 * was saved; an unexpected error names its cause plainly.
 */
export function failedText(locale: Locale, key: string, e: unknown): string {
  const info = isErrorInfo(e) ? e : errorInfo(e);
  if (info.code === 'storage-full') return translateError(locale, info);
  const detail =
    info.code === 'internal'
      ? String(info.params?.message ?? info.message ?? '')
      : translateError(locale, info);
  return translate(locale, key, { message: detail });
}
