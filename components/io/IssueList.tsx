import { useState } from 'react';
import type { ImportIssue } from '@/lib/io';
import { isMessageKey, type T } from '@/lib/i18n';
import { useI18n } from '../I18n';

/** One lib/io problem in the user's language (`io.err.<code>`; a model reason is translated too). */
export function issueText(t: T, issue: ImportIssue): string {
  const params: Record<string, string | number> = { ...issue.params };
  const reason = issue.params.reason;
  if (typeof reason === 'string' && isMessageKey(reason)) params.detail = t(reason);
  const key = `io.err.${issue.code}`;
  return isMessageKey(key) ? t(key, params) : issue.message;
}

export interface IssueListProps {
  issues: ImportIssue[];
  /** How many to show before "show all". */
  limit?: number;
}

/** Problems with their line numbers, file order. */
export function IssueList({ issues, limit = 12 }: IssueListProps) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? issues : issues.slice(0, limit);
  return (
    <>
      <ul className="io-issues" data-testid="import-issues">
        {shown.map((issue, i) => (
          <li key={i}>
            {issue.line !== undefined && (
              <>
                <span className="io-line">
                  {t('io.errors.line', { line: String(issue.line) })}:
                </span>{' '}
              </>
            )}
            {issueText(t, issue)}
          </li>
        ))}
      </ul>
      {!all && issues.length > limit && (
        <button type="button" onClick={() => setAll(true)}>
          {t('io.showAll', { count: issues.length })}
        </button>
      )}
    </>
  );
}
