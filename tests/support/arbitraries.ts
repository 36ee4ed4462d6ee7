// fast-check generators for drafts and model records, shared by the io and db tests (export,
// backup, import).
import fc from 'fast-check';
import {
  CHANNELS,
  EmailSchema,
  daysInMonth,
  type ContactDraft,
  type DayOfYear,
  normalizeProfileUrl,
  CommitmentSchema,
  ContactSchema,
  DEFAULT_SETTINGS,
  SettingsSchema,
  FeedbackSchema,
  FollowUpSchema,
  InteractionSchema,
  LOST_REASONS,
  PurchaseSchema,
} from '@/lib/model';
import type { z } from 'zod';
import { cleanText } from '@/lib/io/fields';

/** Text as an import leaves it: no controls, single spaces, trimmed, not empty. */
export const cleanLine = (maxLength = 40) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength })
    .map(cleanText)
    .filter((s) => s.length > 0);

/** Names and companies with the characters that need escaping or quoting. */
export const trickyText = fc
  .array(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom('Müller', 'Weiß', 'Çağla', 'Zoë', 'O’Brien', '李', '👩‍💼'),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(',', ';', ':', '\\', '"', "'", '\\n', '=', '+', '-', '@', '  '),
      },
      { weight: 3, arbitrary: cleanLine(12) },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => cleanText(parts.join('')))
  .filter((s) => s.length > 0);

export const emailArb = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}[a-z0-9]$/),
    fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/),
    fc.constantFrom('de', 'com', 'co.uk', 'example'),
  )
  .map(([local, host, tld]) => `${local}@${host}.${tld}`)
  .filter((e) => EmailSchema.safeParse(e).success && !e.includes('..'));

export const dayOfYearArb = (allowYear = true): fc.Arbitrary<DayOfYear> =>
  fc
    .record({
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      year: allowYear
        ? fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: undefined })
        : fc.constant(undefined),
    })
    // 1604 is Apple's "no year" and reads back without one.
    .filter((d) => d.year !== 1604 && d.day <= daysInMonth(d.year ?? 2000, d.month))
    .map((d) => (d.year === undefined ? { month: d.month, day: d.day } : d));

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/);

export const profileUrlArb = fc
  .oneof(
    slug.map((s) => `https://www.linkedin.com/in/${s}`),
    slug.map((s) => `https://www.xing.com/profile/${s.replace(/-/g, '_')}`),
    slug.map((s) => `https://www.${s}.de/`),
    slug.map((s) => `https://example.com/team/${s}?a=1,2`),
  )
  // As the model stores them (e.g. `xn--0` is no valid host and never gets stored).
  .filter((u) => normalizeProfileUrl(u) === u);

export const phoneArb = fc
  .tuple(fc.constantFrom('+49 ', '0', '+1 (', ''), fc.stringMatching(/^[0-9][0-9 /-]{2,14}[0-9]$/))
  .map(([prefix, digits]) => cleanText(prefix + digits));

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/** A draft as the importers produce it (optional arrays absent when empty). */
export const draftArb: fc.Arbitrary<ContactDraft> = fc
  .record({
    name: trickyText,
    emails: fc.array(emailArb, { maxLength: 3 }).map(uniq),
    company: fc.option(trickyText, { nil: undefined }),
    position: fc.option(trickyText, { nil: undefined }),
    birthday: fc.option(dayOfYearArb(), { nil: undefined }),
    profileUrls: fc.array(profileUrlArb, { maxLength: 3 }).map(uniq),
    phones: fc.array(phoneArb, { maxLength: 3 }).map(uniq),
  })
  .map((d) => {
    const draft: ContactDraft = { name: d.name, emails: d.emails };
    if (d.company) draft.company = d.company;
    if (d.position) draft.position = d.position;
    if (d.birthday) draft.birthday = d.birthday;
    if (d.profileUrls.length) draft.profileUrls = d.profileUrls;
    if (d.phones.length) draft.phones = d.phones;
    return draft;
  });

// ---------------------------------------------------------------------------------------------
// Model records as the database holds them: generated loosely, kept when the model's schema
// accepts them, stored as its output without undefined keys (as the repository does).

function compact<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

function valid<S extends z.ZodType>(
  schema: S,
  raw: fc.Arbitrary<unknown>,
): fc.Arbitrary<z.output<S>> {
  return raw
    .map((v) => schema.safeParse(v))
    .filter((r) => r.success)
    .map((r) => compact(r.data as object) as z.output<S>);
}

const idArb = fc.oneof(fc.uuid(), fc.stringMatching(/^[a-z0-9-]{1,12}$/));

export const isoDateArb = fc.oneof(
  fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2040-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2040-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-03-15T10:30:00+01:00', '2026-03-29T02:30:00', '2024-02-29'),
);

const text = fc.string({ maxLength: 30 });
const amount = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
  .map((x) => x + 0);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

export const contactRowArb = valid(
  ContactSchema,
  fc.record(
    {
      id: idArb,
      name: trickyText,
      emails: fc.array(emailArb, { maxLength: 3 }),
      phones: fc.array(phoneArb, { maxLength: 2 }),
      company: text,
      position: text,
      headline: text,
      profileUrls: fc.array(profileUrlArb, { maxLength: 2 }),
      status: fc.constantFrom('prospect', 'active', 'lost'),
      lost: fc.record(
        {
          at: isoDateArb,
          reason: fc.constantFrom(...LOST_REASONS),
          note: text,
          exitConversationAt: isoDateArb,
          learned: text,
        },
        { requiredKeys: ['at', 'reason'] },
      ),
      tierOverride: fc.constantFrom('A', 'B', 'C'),
      potential: amount.map(Math.abs),
      annualRevenueEstimate: amount.map(Math.abs),
      birthday: dayOfYearArb(),
      partner: fc.record({ name: trickyText, birthday: opt(dayOfYearArb()) }),
      preferredChannels: fc.array(fc.constantFrom(...CHANNELS), { maxLength: 3 }),
      interests: fc.array(cleanLine(15), { maxLength: 3 }),
      preferences: text,
      howWeMet: text,
      address: fc.constantFrom('Sie', 'Du'),
      avoid: fc.record(
        {
          months: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }),
          weekdays: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 2 }),
          hours: fc.integer({ min: 0, max: 23 }).map((from) => ({ from, to: from + 1 })),
        },
        { requiredKeys: [] },
      ),
      plan: fc.record(
        {
          contactEveryDays: fc.integer({ min: 1, max: 400 }),
          feedbackEveryDays: fc.integer({ min: 1, max: 400 }),
        },
        { requiredKeys: [] },
      ),
      notes: fc.string({ maxLength: 80 }),
      createdAt: isoDateArb,
      updatedAt: isoDateArb,
    },
    { requiredKeys: ['id', 'name', 'createdAt', 'updatedAt'] },
  ),
);

const contactId = idArb;

export const interactionRowArb = valid(
  InteractionSchema,
  fc.record(
    {
      id: idArb,
      contactId,
      at: isoDateArb,
      channel: fc.constantFrom(...CHANNELS),
      direction: fc.constantFrom('in', 'out'),
      personal: fc.boolean(),
      summary: text,
      source: fc.record(
        {
          site: fc.constantFrom('gmail', 'outlook', 'xing', 'linkedin', 'manual'),
          url: fc.webUrl(),
          threadId: text,
          subject: text,
        },
        { requiredKeys: ['site'] },
      ),
    },
    { requiredKeys: ['id', 'contactId', 'at', 'channel', 'direction', 'personal'] },
  ),
);

export const commitmentRowArb = valid(
  CommitmentSchema,
  fc.record(
    {
      id: idArb,
      contactId,
      text: cleanLine(),
      createdAt: isoDateArb,
      dueAt: isoDateArb,
      doneAt: isoDateArb,
    },
    { requiredKeys: ['id', 'contactId', 'text', 'createdAt', 'dueAt'] },
  ),
);

export const feedbackRowArb = valid(
  FeedbackSchema,
  fc.record(
    {
      id: idArb,
      contactId,
      at: isoDateArb,
      product: fc.integer({ min: 1, max: 5 }),
      service: fc.integer({ min: 1, max: 5 }),
      note: text,
      complaint: fc.boolean(),
      resolvedAt: isoDateArb,
    },
    { requiredKeys: ['id', 'contactId', 'at'] },
  ),
);

export const purchaseRowArb = valid(
  PurchaseSchema,
  fc.record(
    { id: idArb, contactId, at: isoDateArb, amount, description: text },
    { requiredKeys: ['id', 'contactId', 'at', 'amount'] },
  ),
);

export const followUpRowArb = valid(
  FollowUpSchema,
  fc.record(
    {
      id: idArb,
      contactId,
      dueAt: isoDateArb,
      note: text,
      doneAt: isoDateArb,
      snoozedUntil: isoDateArb,
    },
    { requiredKeys: ['id', 'contactId', 'dueAt'] },
  ),
);

export const settingsRowArb = fc
  .record(
    {
      contactEveryDays: fc.record({
        A: fc.integer({ min: 1, max: 60 }),
        B: fc.integer({ min: 1, max: 120 }),
        C: fc.integer({ min: 1, max: 400 }),
      }),
      afterPurchaseDays: fc.integer({ min: 0, max: 365 }),
      tierMode: fc.constantFrom('revenue', 'value', 'manual'),
      paretoA: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
      paretoB: fc.double({ min: 0.6, max: 1, noNaN: true }),
      locale: fc.constantFrom('de', 'en'),
      timeZone: fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York'),
      notificationTime: fc.constantFrom('08:30', '17:05', '00:00'),
    },
    { requiredKeys: [] },
  )
  // The two thresholds are checked together, against the defaults of the other.
  .filter((values) => SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...values }).success)
  .map((values) => ({ id: 'settings', values }));

/** Rows with unique ids per table (the database's primary key). */
const uniqueRows = <T extends { id: string }>(a: fc.Arbitrary<T>, maxLength: number) =>
  fc.uniqueArray(a, { selector: (r) => r.id, maxLength });

export const tablesArb = fc.record({
  contacts: uniqueRows(contactRowArb, 6),
  interactions: uniqueRows(interactionRowArb, 6),
  commitments: uniqueRows(commitmentRowArb, 4),
  feedback: uniqueRows(feedbackRowArb, 4),
  purchases: uniqueRows(purchaseRowArb, 4),
  followUps: uniqueRows(followUpRowArb, 4),
  settings: fc.array(settingsRowArb, { maxLength: 1 }),
  meta: fc.array(
    fc.record({
      key: fc.string({ minLength: 1, maxLength: 10 }),
      // JSON has no -0: what the database holds there is whatever JSON gives back.
      value: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
    }),
    {
      maxLength: 3,
    },
  ),
});
