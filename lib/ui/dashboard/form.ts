// Form ↔ model for the dashboard's editors. Forms hold what the user typed (strings, so that a
// half-typed "12," is never lost); mapping to the model parses numbers and lists and reports each
// problem at its field. Validation is the model's own (zod): its issues are mapped to form fields,
// their messages are i18n keys (`err.*`) shown next to the field in the user's language.
import type { z } from 'zod';
import {
  ContactSchema,
  issuesOf,
  type Channel,
  type Contact,
  type ContactInput,
  type DayOfYear,
  type FieldIssue,
  type Status,
  type Tier,
} from '../../model';
import type { Locale, MessageKey } from '../../i18n';

/** A message for one field: an i18n key and its parameters. */
export interface FieldMessage {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldMessage>;

// ---------------------------------------------------------------------------------------------
// Small parsers shared by every form

/** Lines of a textarea, trimmed, blanks dropped. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A comma- (or semicolon-, or line-) separated list, trimmed, blanks dropped. */
export function listItems(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false };

/** A whole number, or undefined for a blank field. */
export function parseWhole(text: string): Parsed<number> {
  const s = text.trim();
  if (s === '') return { ok: true, value: undefined };
  if (!/^[+-]?\d+$/.test(s)) return { ok: false };
  return { ok: true, value: Number(s) };
}

/**
 * An amount in euros as people type it: "12000", "12.000" or "12.000,50" (German), "12,000.50"
 * (English), with or without "€"/"EUR"; negative for refunds. Undefined for a blank field.
 */
export function parseAmount(text: string, locale: Locale): Parsed<number> {
  let s = text.replace(/\s|€|eur/gi, '');
  if (s === '') return { ok: true, value: undefined };
  const sign = s.startsWith('-') ? -1 : 1;
  s = s.replace(/^[+-]/, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: '.' | ',' | null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0)
    // "1,500" is fifteen hundred in English, one and a half in German.
    decimal = locale === 'de' || !/^\d{1,3}(,\d{3})+$/.test(s) ? ',' : null;
  else if (lastDot >= 0) decimal = locale === 'en' || !/^\d{1,3}(\.\d{3})+$/.test(s) ? '.' : null;
  else decimal = null;
  const thousands = decimal === ',' ? '.' : decimal === '.' ? ',' : /[.,]/;
  const [int = '', frac] = decimal ? splitLast(s, decimal) : [s, undefined];
  const digits = int.split(thousands).join('');
  if (!/^\d+$/.test(digits) || (frac !== undefined && !/^\d+$/.test(frac))) return { ok: false };
  const value = sign * Number(frac === undefined ? digits : `${digits}.${frac}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

function splitLast(s: string, sep: string): [string, string] {
  const i = s.lastIndexOf(sep);
  return [s.slice(0, i), s.slice(i + 1)];
}

/** An amount for an input field in the user's notation ("12000,5" / "12000.5"). */
export function amountText(value: number | undefined, locale: Locale): string {
  if (value === undefined) return '';
  const s = String(value);
  return locale === 'de' ? s.replace('.', ',') : s;
}

/**
 * A number of years as people type it: "3", "2,5" or "2.5" (either mark is the decimal one: years
 * have no thousands). Undefined for a blank field; the range (above 0, at most 50) is the model's.
 */
export function parseYears(text: string): Parsed<number> {
  const s = text.trim();
  if (s === '') return { ok: true, value: undefined };
  if (!/^\d+([.,]\d+)?$/.test(s)) return { ok: false };
  return { ok: true, value: Number(s.replace(',', '.')) };
}

export interface DayForm {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DAY: DayForm = { day: '', month: '', year: '' };

export function dayToForm(d: DayOfYear | undefined): DayForm {
  return d
    ? { day: String(d.day), month: String(d.month), year: d.year ? String(d.year) : '' }
    : EMPTY_DAY;
}

/** A birthday from its three inputs; undefined when all are blank, an error when incomplete. */
export function dayFromForm(f: DayForm): Parsed<{ day: number; month: number; year?: number }> {
  if (!f.day.trim() && !f.month.trim() && !f.year.trim()) return { ok: true, value: undefined };
  const day = parseWhole(f.day);
  const month = parseWhole(f.month);
  const year = parseWhole(f.year);
  if (!day.ok || !month.ok || !year.ok || day.value === undefined || month.value === undefined)
    return { ok: false };
  if (day.value < 1 || day.value > 31 || month.value < 1 || month.value > 12) return { ok: false };
  if (year.value !== undefined && (year.value < 1000 || year.value > 9999)) return { ok: false };
  return {
    ok: true,
    value: { day: day.value, month: month.value, ...(year.value ? { year: year.value } : {}) },
  };
}

// ---------------------------------------------------------------------------------------------
// The contact editor

/** How a partner is addressed; stored as written, shown in the user's language. */
export type Salutation = NonNullable<NonNullable<Contact['partner']>['salutation']>;
export const SALUTATIONS = ['Frau', 'Herr'] as const satisfies readonly Salutation[];

export interface ContactForm {
  name: string;
  company: string;
  position: string;
  headline: string;
  /** One per line. */
  emails: string;
  phones: string;
  profileUrls: string;
  status: Status;
  tierOverride: '' | Tier;
  potential: string;
  annualRevenueEstimate: string;
  birthday: DayForm;
  partnerName: string;
  partnerBirthday: DayForm;
  /** How the partner is addressed ('' = not known). */
  partnerSalutation: '' | Salutation;
  address: '' | 'Sie' | 'Du';
  /** A personal relationship: birthdays are suggested even without a recent touch of ours. */
  close: boolean;
  /** Comma-separated. */
  interests: string;
  preferences: string;
  howWeMet: string;
  notes: string;
  preferredChannels: Channel[];
  avoidMonths: number[];
  avoidWeekdays: number[];
  avoidFrom: string;
  avoidTo: string;
  contactEveryDays: string;
  feedbackEveryDays: string;
  /** Expected years of the relationship ('' = the setting's value horizon). */
  expectedYears: string;
  /** The id of the contact who recommended this one ('' = nobody). */
  referredBy: string;
}

export const EMPTY_CONTACT_FORM: ContactForm = {
  name: '',
  company: '',
  position: '',
  headline: '',
  emails: '',
  phones: '',
  profileUrls: '',
  status: 'active',
  tierOverride: '',
  potential: '',
  annualRevenueEstimate: '',
  birthday: EMPTY_DAY,
  partnerName: '',
  partnerBirthday: EMPTY_DAY,
  partnerSalutation: '',
  address: '',
  close: false,
  interests: '',
  preferences: '',
  howWeMet: '',
  notes: '',
  preferredChannels: [],
  avoidMonths: [],
  avoidWeekdays: [],
  avoidFrom: '',
  avoidTo: '',
  contactEveryDays: '',
  feedbackEveryDays: '',
  expectedYears: '',
  referredBy: '',
};

export function contactToForm(c: Contact, locale: Locale): ContactForm {
  return {
    name: c.name,
    company: c.company ?? '',
    position: c.position ?? '',
    headline: c.headline ?? '',
    emails: c.emails.join('\n'),
    phones: c.phones.join('\n'),
    profileUrls: c.profileUrls.join('\n'),
    status: c.status,
    tierOverride: c.tierOverride ?? '',
    potential: amountText(c.potential, locale),
    annualRevenueEstimate: amountText(c.annualRevenueEstimate, locale),
    birthday: dayToForm(c.birthday),
    partnerName: c.partner?.name ?? '',
    partnerBirthday: dayToForm(c.partner?.birthday),
    partnerSalutation: c.partner?.salutation ?? '',
    address: c.address ?? '',
    close: c.close === true,
    interests: c.interests.join(', '),
    preferences: c.preferences ?? '',
    howWeMet: c.howWeMet ?? '',
    notes: c.notes ?? '',
    preferredChannels: [...c.preferredChannels],
    avoidMonths: [...(c.avoid?.months ?? [])].sort((a, b) => a - b),
    avoidWeekdays: [...(c.avoid?.weekdays ?? [])].sort((a, b) => a - b),
    avoidFrom: c.avoid?.hours ? String(c.avoid.hours.from) : '',
    avoidTo: c.avoid?.hours ? String(c.avoid.hours.to) : '',
    contactEveryDays: c.plan?.contactEveryDays ? String(c.plan.contactEveryDays) : '',
    feedbackEveryDays: c.plan?.feedbackEveryDays ? String(c.plan.feedbackEveryDays) : '',
    expectedYears: amountText(c.expectedYears, locale),
    referredBy: c.referredBy ?? '',
  };
}

const text = (s: string) => (s.trim() === '' ? undefined : s.trim());

/**
 * The contact fields a form sets. Every key the editor manages is present (undefined = remove), so
 * that `updateContact` clears what the user emptied. Problems that are the form's own (an amount
 * that is no number, half a birthday) come back as errors; the rest is the model's to judge.
 */
export function formToPatch(
  form: ContactForm,
  locale: Locale,
): { patch: Partial<ContactInput>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const amount = (field: 'potential' | 'annualRevenueEstimate') => {
    const p = parseAmount(form[field], locale);
    if (!p.ok) errors[field] = { key: 'err.amount' };
    return p.ok ? p.value : undefined;
  };
  const birthday = dayFromForm(form.birthday);
  if (!birthday.ok) errors.birthday = { key: 'err.birthday' };
  const partnerBirthday = dayFromForm(form.partnerBirthday);
  if (!partnerBirthday.ok) errors.partnerBirthday = { key: 'err.birthday' };
  const partnerName = form.partnerName.trim();
  // A salutation or a birthday without a name is still a partner: the model asks for the name.
  const partner =
    partnerName || (partnerBirthday.ok && partnerBirthday.value) || form.partnerSalutation
      ? {
          name: partnerName,
          ...(partnerBirthday.ok && partnerBirthday.value
            ? { birthday: partnerBirthday.value }
            : {}),
          ...(form.partnerSalutation ? { salutation: form.partnerSalutation } : {}),
        }
      : undefined;
  const years = parseYears(form.expectedYears);
  if (!years.ok) errors.expectedYears = { key: 'err.years' };

  const hour = (field: 'avoidFrom' | 'avoidTo') => {
    const p = parseWhole(form[field]);
    if (!p.ok || (p.value !== undefined && (p.value < 0 || p.value > 24))) {
      errors.avoidHours = { key: 'dash.err.hour' };
      return undefined;
    }
    return p.value;
  };
  const from = hour('avoidFrom');
  const to = hour('avoidTo');
  let hours: { from: number; to: number } | undefined;
  if (from !== undefined && to !== undefined) hours = { from, to };
  else if ((from === undefined) !== (to === undefined) && !errors.avoidHours)
    errors.avoidHours = { key: 'dash.err.hoursBoth' };
  const avoid =
    form.avoidMonths.length || form.avoidWeekdays.length || hours
      ? {
          ...(form.avoidMonths.length ? { months: [...form.avoidMonths] } : {}),
          ...(form.avoidWeekdays.length ? { weekdays: [...form.avoidWeekdays] } : {}),
          ...(hours ? { hours } : {}),
        }
      : undefined;

  const interval = (field: 'contactEveryDays' | 'feedbackEveryDays') => {
    const p = parseWhole(form[field]);
    if (!p.ok) errors[field] = { key: 'err.interval' };
    return p.ok ? p.value : undefined;
  };
  const contactEveryDays = interval('contactEveryDays');
  const feedbackEveryDays = interval('feedbackEveryDays');
  const plan =
    contactEveryDays !== undefined || feedbackEveryDays !== undefined
      ? {
          ...(contactEveryDays !== undefined ? { contactEveryDays } : {}),
          ...(feedbackEveryDays !== undefined ? { feedbackEveryDays } : {}),
        }
      : undefined;

  const patch: Partial<ContactInput> = {
    name: form.name.trim(),
    company: text(form.company),
    position: text(form.position),
    headline: text(form.headline),
    emails: lines(form.emails),
    phones: lines(form.phones),
    profileUrls: lines(form.profileUrls),
    status: form.status,
    tierOverride: form.tierOverride || undefined,
    potential: amount('potential'),
    annualRevenueEstimate: amount('annualRevenueEstimate'),
    birthday: birthday.ok ? birthday.value : undefined,
    partner,
    address: form.address || undefined,
    // Unticked means "not marked": the key is removed rather than stored as false.
    close: form.close ? true : undefined,
    expectedYears: years.ok ? years.value : undefined,
    interests: listItems(form.interests),
    preferences: text(form.preferences),
    howWeMet: text(form.howWeMet),
    notes: text(form.notes),
    preferredChannels: [...form.preferredChannels],
    avoid,
    plan,
    referredBy: form.referredBy || undefined,
  };
  return { patch, errors };
}

// Which form field shows a model issue, by the issue's path in the contact.
const CONTACT_PATHS: [RegExp, string][] = [
  [/^partner\.name/, 'partnerName'],
  [/^partner\.salutation/, 'partnerSalutation'],
  [/^partner\.birthday/, 'partnerBirthday'],
  [/^partner/, 'partnerName'],
  [/^birthday/, 'birthday'],
  [/^avoid\.months/, 'avoidMonths'],
  [/^avoid\.weekdays/, 'avoidWeekdays'],
  [/^avoid/, 'avoidHours'],
  [/^plan\.feedbackEveryDays/, 'feedbackEveryDays'],
  [/^plan/, 'contactEveryDays'],
  [/^lost/, 'lost'],
];

// A message for issues whose schema names no `err.*` key (zod's own English).
const FALLBACK: Record<string, string> = {
  birthday: 'err.birthday',
  partnerBirthday: 'err.birthday',
  avoidHours: 'err.hours',
  avoidMonths: 'dash.err.invalid',
  avoidWeekdays: 'dash.err.invalid',
  contactEveryDays: 'err.interval',
  feedbackEveryDays: 'err.interval',
  potential: 'err.amount',
  annualRevenueEstimate: 'err.amount',
  expectedYears: 'err.years',
  partnerSalutation: 'err.salutation',
  interests: 'dash.err.invalid',
};

/** Form field of a model path: `emails.1` → emails (line 2), `partner.birthday.day` → partnerBirthday. */
export function contactFieldOf(path: (string | number)[]): { field: string; line?: number } {
  const joined = path.join('.');
  for (const [re, field] of CONTACT_PATHS) if (re.test(joined)) return { field };
  const [head, index] = path;
  const field = String(head ?? 'form');
  return typeof index === 'number' ? { field, line: index + 1 } : { field };
}

/** Model issues as messages per form field (the first issue of a field wins). */
export function issuesToErrors(
  issues: FieldIssue[],
  fieldOf: (path: (string | number)[]) => { field: string; line?: number },
  fallback: Record<string, string> = {},
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const { field, line } = fieldOf(issue.path);
    if (out[field]) continue;
    const key = issue.message.startsWith('err.')
      ? issue.message
      : (fallback[field] ?? 'dash.err.invalid');
    out[field] = line ? { key: 'dash.err.line', params: { line, message: key } } : { key };
  }
  return out;
}

/**
 * Check a contact as the form would save it: the form's own errors first, then the model's.
 * Returns the errors per field (empty when the contact can be saved).
 */
export function checkContact(
  base: Pick<Contact, 'id' | 'createdAt' | 'updatedAt'> & Partial<Contact>,
  form: ContactForm,
  locale: Locale,
): { patch: Partial<ContactInput>; errors: FieldErrors } {
  const { patch, errors } = formToPatch(form, locale);
  // Nobody recommends themselves (the model cannot know the contact's own id in advance).
  if (patch.referredBy && patch.referredBy === base.id)
    errors.referredBy = { key: 'dash.err.referredSelf' };
  const result = ContactSchema.safeParse({ ...base, ...patch });
  const modelErrors = result.success
    ? {}
    : issuesToErrors(issuesOf(result.error as z.ZodError), contactFieldOf, FALLBACK);
  return { patch, errors: { ...modelErrors, ...errors } };
}

/** Do two forms hold the same values? (Unsaved changes.) */
export function sameForm<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------------------------------------
// Concurrent edits (issue 15): the contact changed elsewhere while the editor was open

/** Form fields that hold a set of items: both sides' additions and removals can be combined. */
const LIST_FIELDS: Partial<Record<keyof ContactForm, 'lines' | 'comma' | 'array'>> = {
  emails: 'lines',
  phones: 'lines',
  profileUrls: 'lines',
  interests: 'comma',
  preferredChannels: 'array',
  avoidMonths: 'array',
  avoidWeekdays: 'array',
};

/** Three-way merge of item lists: my order, items the other side removed go, its new ones follow. */
function mergeItems<T>(base: T[], mine: T[], theirs: T[]): T[] {
  const removedByThem = base.filter((x) => !theirs.includes(x));
  const addedByThem = theirs.filter((x) => !base.includes(x) && !mine.includes(x));
  return [...mine.filter((x) => !removedByThem.includes(x)), ...addedByThem];
}

function mergeListField(
  kind: 'lines' | 'comma' | 'array',
  base: unknown,
  mine: unknown,
  theirs: unknown,
): unknown {
  if (kind === 'array') {
    const merged = mergeItems(base as unknown[], mine as unknown[], theirs as unknown[]);
    return typeof merged[0] === 'number' ? (merged as number[]).sort((a, b) => a - b) : merged;
  }
  const split = kind === 'lines' ? lines : listItems;
  const merged = mergeItems(split(base as string), split(mine as string), split(theirs as string));
  return merged.join(kind === 'lines' ? '\n' : ', ');
}

export interface FormMerge {
  /** The form to continue with: my changes on top of the stored contact. */
  form: ContactForm;
  /** Fields both sides changed to different values: the form holds mine; the user decides. */
  conflicts: (keyof ContactForm)[];
}

/**
 * My edits (`mine`, started from `base`) merged into the contact as it is stored now (`theirs`),
 * field by field: a field I did not touch takes the stored value; a field only I changed keeps
 * mine; lists (e-mails, phones, profiles, interests, channels, months, weekdays) combine both
 * sides' additions and removals; a field both changed to different values is a conflict.
 */
export function mergeContactForms(
  base: ContactForm,
  mine: ContactForm,
  theirs: ContactForm,
): FormMerge {
  const form = { ...theirs } as Record<keyof ContactForm, unknown>;
  const conflicts: (keyof ContactForm)[] = [];
  for (const key of Object.keys(base) as (keyof ContactForm)[]) {
    const [b, m, t] = [base[key], mine[key], theirs[key]];
    if (sameForm(m, b) || sameForm(m, t)) continue;
    if (sameForm(t, b)) {
      form[key] = m;
      continue;
    }
    const list = LIST_FIELDS[key];
    if (list) {
      form[key] = mergeListField(list, b, m, t);
      continue;
    }
    form[key] = m;
    conflicts.push(key);
  }
  return { form: form as unknown as ContactForm, conflicts };
}

/** The label of each form field (i18n keys), for naming a field outside the editor. */
export const CONTACT_FIELD_LABELS: Record<keyof ContactForm, MessageKey> = {
  name: 'contacts.name',
  company: 'contacts.company',
  position: 'dash.field.position',
  headline: 'dash.field.headline',
  emails: 'dash.field.emails',
  phones: 'dash.field.phones',
  profileUrls: 'dash.field.profiles',
  status: 'dash.field.status',
  tierOverride: 'dash.field.tierOverride',
  potential: 'dash.field.potential',
  annualRevenueEstimate: 'dash.field.estimate',
  birthday: 'dash.field.birthday',
  partnerName: 'dash.field.partner',
  partnerBirthday: 'dash.field.partnerBirthday',
  partnerSalutation: 'dash.field.partnerSalutation',
  address: 'dash.field.address',
  close: 'dash.field.close',
  interests: 'dash.field.interests',
  preferences: 'dash.field.preferences',
  howWeMet: 'dash.field.howWeMet',
  notes: 'dash.field.notes',
  preferredChannels: 'dash.field.channels',
  avoidMonths: 'dash.field.avoidMonths',
  avoidWeekdays: 'dash.field.avoidWeekdays',
  avoidFrom: 'dash.field.avoidHours',
  avoidTo: 'dash.field.avoidHours',
  contactEveryDays: 'dash.field.contactEvery',
  feedbackEveryDays: 'dash.field.feedbackEvery',
  expectedYears: 'dash.field.expectedYears',
  referredBy: 'dash.field.referredBy',
};

/** A form value as plain text ("—" for empty): lines and lists joined, a day as d.m.y. */
export function formValueText(value: ContactForm[keyof ContactForm]): string {
  if (typeof value === 'boolean') return value ? '✓' : '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object')
    return [value.day, value.month, value.year].filter((x) => x.trim()).join('.') || '—';
  return lines(value).join(', ') || '—';
}
