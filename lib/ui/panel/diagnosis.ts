// The diagnostic report the panel offers when a thread or profile cannot be read (issue 14, "When a
// page changes under us"). Built from what the background holds for the tab: the content script's
// diagnosis (selector strings, counts, version tokens) and which fields of the page context were
// found — as yes/no, never their values. English on purpose: it is pasted into bug reports and reads
// the same for every user. Nothing is sent anywhere; the user copies it.
import type { Diagnosis } from '../../messaging';
import type { PageContext } from '../../sites/page-context';

export interface ReportInput {
  diagnosis: Diagnosis;
  context: PageContext | null;
  /** The extension's version (manifest). */
  extension: string;
  /** navigator.userAgent: only the browser's name and major version are kept. */
  userAgent: string;
}

/**
 * "Firefox 153", "Edge 131", "Chrome 131" (Edge and Opera also say Chrome: the specific one wins;
 * headless Chromium says "HeadlessChrome").
 */
export function browserOf(userAgent: string): string {
  for (const [token, name] of [
    ['Firefox', 'Firefox'],
    ['Edg', 'Edge'],
    ['OPR', 'Opera'],
    ['Chrome', 'Chrome'],
  ] as const) {
    const major = new RegExp(`${token}/(\\d+)`).exec(userAgent)?.[1];
    if (major) return `${name} ${major}`;
  }
  return 'unknown';
}

const FIELDS = ['subject', 'threadId', 'headline', 'company'] as const;

export function diagnosisReport({ diagnosis, context, extension, userAgent }: ReportInput): string {
  const yes = (v: unknown) => (v ? 'yes' : 'no');
  const people = context?.people ?? [];
  const lines = [
    'Kundennah diagnostic report',
    `extension: ${extension}`,
    `browser: ${browserOf(userAgent)}`,
    `page: ${context ? `${context.site} ${context.kind}` : 'none'}`,
    `read: people ${people.length}, name ${yes(people.some((p) => p.name))}, e-mail ${yes(
      people.some((p) => p.email),
    )}, profile link ${yes(people.some((p) => p.profileUrl))}, ${FIELDS.map(
      (f) => `${f} ${yes(context?.[f])}`,
    ).join(', ')}`,
    'page versions:',
  ];
  const versions = Object.entries(diagnosis.versions);
  if (versions.length === 0) lines.push('  (none found)');
  for (const [marker, value] of versions) lines.push(`  ${marker} = ${value}`);
  lines.push('selectors and strategies (elements matched, in the order the reader tried them):');
  for (const [selector, n] of Object.entries(diagnosis.counts))
    lines.push(`  ${String(n).padStart(4)}  ${selector}`);
  return lines.join('\n');
}
