// The occasions page (issue "Something to bring to every touch"): the form of an occasion, its
// validity in words, and whom it fits. Pure: the contacts are read by a live query (lib/db
// `matchSubjects`) and matched in memory with the core's `matchOccasion`, so that choosing another
// occasion answers at once, with 10,000 contacts too.
import {
  createContext,
  foldText,
  matchOccasion,
  type MatchSubject,
  type OccasionMatch,
} from '../../core';
import {
  OCCASION_KINDS,
  OccasionSchema,
  issuesOf,
  type Occasion,
  type OccasionKind,
  type Settings,
} from '../../model';
import type { Locale } from '../../i18n';
import { dateLabel } from '../format';
import { issuesToErrors, type FieldErrors } from './form';

/** How many matching contacts are shown at first, and how many more each "show more" adds. */
export const MATCH_PAGE = 100;

export interface OccasionForm {
  kind: OccasionKind;
  title: string;
  text: string;
  keywords: string[];
  /** `YYYY-MM-DD` or '' (as a date input gives them). */
  validFrom: string;
  validUntil: string;
}

export const EMPTY_OCCASION_FORM: OccasionForm = {
  kind: 'tip',
  title: '',
  text: '',
  keywords: [],
  validFrom: '',
  validUntil: '',
};

export function occasionToForm(o: Occasion): OccasionForm {
  return {
    kind: (OCCASION_KINDS as readonly string[]).includes(o.kind) ? o.kind : 'other',
    title: o.title,
    text: o.text ?? '',
    keywords: [...o.keywords],
    validFrom: o.validFrom ?? '',
    validUntil: o.validUntil ?? '',
  };
}

/**
 * Keywords with those typed added: split at commas, semicolons and line breaks, trimmed, each once
 * ("Förderung" and "förderung" are one keyword; the first spelling stays).
 */
export function addKeywords(list: readonly string[], typed: string): string[] {
  const out = [...list];
  const seen = new Set(out.map((k) => foldText(k)));
  for (const part of typed.split(/[,;\n]/)) {
    const k = part.trim().replace(/\s+/g, ' ');
    const key = foldText(k);
    if (!k || seen.has(key)) continue;
    seen.add(key);
    out.push(k);
  }
  return out;
}

/** What `saveOccasion` takes from a form (no id, no stamps). */
export interface OccasionInputOf {
  kind: OccasionKind;
  title: string;
  text?: string;
  keywords: string[];
  validFrom?: string;
  validUntil?: string;
}

const FIELDS: Record<string, string> = {
  kind: 'kind',
  title: 'title',
  text: 'text',
  keywords: 'keywords',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
};

/**
 * The occasion a form describes, checked by the model (a title, a kind, real days, an end not
 * before the start); `typed` is what still stands in the keyword field (it counts, nothing typed
 * is lost on saving).
 */
export function formToOccasion(
  form: OccasionForm,
  typed = '',
): { input: OccasionInputOf; errors: FieldErrors } {
  const input: OccasionInputOf = {
    kind: form.kind,
    title: form.title.trim(),
    keywords: addKeywords(form.keywords, typed),
  };
  if (form.text.trim()) input.text = form.text.trim();
  if (form.validFrom.trim()) input.validFrom = form.validFrom.trim();
  if (form.validUntil.trim()) input.validUntil = form.validUntil.trim();
  const stamp = '2000-01-01T00:00:00.000Z';
  const result = OccasionSchema.safeParse({
    ...input,
    id: 'check',
    createdAt: stamp,
    updatedAt: stamp,
  });
  const errors = result.success
    ? {}
    : issuesToErrors(
        issuesOf(result.error),
        (path) => ({ field: FIELDS[String(path[0])] ?? 'form' }),
        { validFrom: 'err.day', validUntil: 'err.day', kind: 'err.occasionKind' },
      );
  return { input, errors };
}

export type Validity = 'current' | 'upcoming' | 'expired';

/** Where an occasion stands on a day: before its start, within, or after its end. */
export function validityOf(o: Pick<Occasion, 'validFrom' | 'validUntil'>, today: string): Validity {
  if (o.validUntil && o.validUntil < today) return 'expired';
  if (o.validFrom && o.validFrom > today) return 'upcoming';
  return 'current';
}

/** "gültig bis 30.06.2026", "abgelaufen am 31.03.2026", "ohne Ablaufdatum". */
export function validityText(
  o: Pick<Occasion, 'validFrom' | 'validUntil'>,
  today: string,
  t: (key: string, params?: Record<string, string | number>) => string,
  locale: Locale,
): string {
  const day = (d: string) => dateLabel(d, locale);
  if (o.validUntil && validityOf(o, today) === 'expired')
    return t('dash.occ.expired', { day: day(o.validUntil) });
  if (o.validFrom && o.validUntil)
    return t('dash.occ.range', { from: day(o.validFrom), until: day(o.validUntil) });
  if (o.validFrom) return t('dash.occ.from', { day: day(o.validFrom) });
  if (o.validUntil) return t('dash.occ.until', { day: day(o.validUntil) });
  return t('dash.occ.always');
}

const VALIDITY_ORDER: Record<Validity, number> = { current: 0, upcoming: 1, expired: 2 };

/** The list's order: current occasions first, then those still to come, then expired ones; newest
 * first within each. */
export function sortOccasions(list: readonly Occasion[], today: string): Occasion[] {
  return [...list].sort(
    (a, b) =>
      VALIDITY_ORDER[validityOf(a, today)] - VALIDITY_ORDER[validityOf(b, today)] ||
      (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1),
  );
}

/** The contacts an occasion fits, best first (lost ones and those it was brought to left out). */
export function matchesFor(
  occasion: Occasion,
  subjects: readonly MatchSubject[],
  settings: Settings,
  now: Date,
  brought: ReadonlySet<string>,
): OccasionMatch[] {
  return matchOccasion(occasion, subjects, createContext(settings, now), brought);
}

/** How many contacts each occasion is attached to. */
export function plannedCounts(subjects: readonly MatchSubject[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of subjects)
    for (const p of s.contact.plannedOccasions ?? [])
      out.set(p.occasionId, (out.get(p.occasionId) ?? 0) + 1);
  return out;
}

/** The names of some contacts, in the user's alphabetical order (unknown ids left out). */
export function namesOf(
  subjects: readonly MatchSubject[],
  ids: Iterable<string>,
  locale: string,
): string[] {
  const byId = new Map(subjects.map((s) => [s.contact.id, s.contact.name]));
  const names: string[] = [];
  for (const id of ids) {
    const name = byId.get(id);
    if (name) names.push(name);
  }
  return names.sort(new Intl.Collator(locale, { sensitivity: 'base' }).compare);
}

/** The contacts an occasion is attached to, in the user's alphabetical order. */
export function plannedFor(
  subjects: readonly MatchSubject[],
  occasionId: string,
  locale: string,
): { id: string; name: string }[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return subjects
    .filter((s) => (s.contact.plannedOccasions ?? []).some((p) => p.occasionId === occasionId))
    .map((s) => ({ id: s.contact.id, name: s.contact.name }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}
