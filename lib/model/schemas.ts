import { z } from 'zod';
import { daysInMonth, isIsoDate, isIsoDay } from './dates';
import { normalizeProfileUrl } from './profile-url';

// Messages are i18n keys (see lib/i18n, prefix "err."): the UI shows them next to the field in the
// user's language; `describeIssues` turns them into English for logs and thrown errors.

export const CHANNELS = [
  'email',
  'phone',
  'meeting',
  'visit',
  'xing',
  'linkedin',
  'letter',
  'gift',
  'event',
  'other',
] as const;
export const ChannelSchema = z.enum(CHANNELS, { error: 'err.channel' });
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * The channels a conversation is logged on from the panel's chips (E-Mail · Telefon · Treffen ·
 * Besuch · XING · LinkedIn), in the order of CHANNELS: a letter, a gift or an event is recorded in
 * the dashboard, and "other" is no way of talking.
 */
export const LOG_CHANNELS: readonly Channel[] = CHANNELS.filter(
  (c) => c !== 'letter' && c !== 'gift' && c !== 'event' && c !== 'other',
);

/**
 * The channels a person can prefer to be reached on (the editor's and the panel's choice): every
 * way of reaching someone, in the order of CHANNELS; a gift, an event or "other" reaches nobody.
 */
export const PREFERABLE_CHANNELS: readonly Channel[] = CHANNELS.filter(
  (c) => c !== 'gift' && c !== 'event' && c !== 'other',
);

export const TIERS = ['A', 'B', 'C'] as const;
export const TierSchema = z.enum(TIERS, { error: 'err.tier' });
export type Tier = z.infer<typeof TierSchema>;

export const LOST_REASONS = [
  'price',
  'quality',
  'service',
  'contact-left',
  'competitor',
  'no-need',
  'moved',
  'other',
  'unknown',
] as const;
export const LostReasonSchema = z.enum(LOST_REASONS, { error: 'err.lostReason' });
export type LostReason = z.infer<typeof LostReasonSchema>;

export const STATUSES = ['prospect', 'active', 'lost'] as const;
export const StatusSchema = z.enum(STATUSES, { error: 'err.status' });
export type Status = z.infer<typeof StatusSchema>;

export const SOURCE_SITES = ['gmail', 'outlook', 'xing', 'linkedin', 'manual'] as const;

export const IdSchema = z.string({ error: 'err.id' }).min(1, { error: 'err.id' });

/** A new primary key: a random UUID, never a counter, so that records from two devices can meet. */
export const newId = (): string => crypto.randomUUID();

/** ISO calendar day or instant. */
export const IsoDateSchema = z
  .string({ error: 'err.date' })
  .trim()
  .refine(isIsoDate, { error: 'err.date' });

/** ISO calendar day only (`YYYY-MM-DD`). */
export const IsoDaySchema = z
  .string({ error: 'err.day' })
  .trim()
  .refine(isIsoDay, { error: 'err.day' });

/** Optional free text: trimmed, and an empty string means "not set". */
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const EmailSchema = z
  .string({ error: 'err.email' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'err.email' }));

export const ProfileUrlSchema = z.string({ error: 'err.url' }).transform((raw, ctx) => {
  const url = normalizeProfileUrl(raw);
  if (!url) {
    ctx.issues.push({ code: 'custom', message: 'err.url', input: raw });
    return z.NEVER;
  }
  return url;
});

/** A birthday or anniversary: month 1-12, a day that exists in that month (29 Feb without a year
 * or in a leap year), an optional year. */
export const DayOfYearSchema = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1000).max(9999).optional(),
  })
  .refine((d) => d.day <= daysInMonth(d.year ?? 2000, d.month), {
    error: 'err.birthday',
    path: ['day'],
  });
export type DayOfYear = z.infer<typeof DayOfYearSchema>;

const dedupe = <T>(items: T[]): T[] => [...new Set(items)];

/** Keywords and interests: trimmed, empty ones dropped, each once. */
const wordList = z
  .array(z.string().trim())
  .default([])
  .transform((items) => dedupe(items.filter((w) => w !== '')));

/**
 * What moves the customer right now ("ERP-Auswahl bis Q3", "Praxisumzug im April"): noted on a day,
 * open until the user closes it or its optional end has passed.
 */
export const ConcernSchema = z
  .object({
    id: IdSchema,
    text: z.string({ error: 'err.text' }).trim().min(1, { error: 'err.text' }),
    notedAt: IsoDaySchema,
    until: IsoDaySchema.optional(),
    closedAt: IsoDaySchema.optional(),
  })
  .refine((c) => !c.until || c.until >= c.notedAt, { error: 'err.concernUntil', path: ['until'] });
export type Concern = z.infer<typeof ConcernSchema>;

/** An occasion the user chose to bring to this contact's next touch ("Vormerken"). */
export const PlannedOccasionSchema = z.object({ occasionId: IdSchema, at: IsoDateSchema });
export type PlannedOccasion = z.infer<typeof PlannedOccasionSchema>;

export const ContactSchema = z.object({
  id: IdSchema,
  name: z.string({ error: 'err.name' }).trim().min(1, { error: 'err.name' }),
  emails: z.array(EmailSchema).default([]).transform(dedupe),
  phones: z
    .array(z.string().trim().min(1, { error: 'err.phone' }))
    .default([])
    .transform(dedupe),
  company: optionalText,
  position: optionalText,
  headline: optionalText,
  profileUrls: z.array(ProfileUrlSchema).default([]).transform(dedupe),
  status: StatusSchema.default('active'),
  lost: z
    .object({
      at: IsoDateSchema,
      reason: LostReasonSchema,
      note: optionalText,
      exitConversationAt: IsoDateSchema.optional(),
      learned: optionalText,
    })
    .optional(),
  tierOverride: TierSchema.optional(),
  potential: z.number({ error: 'err.amount' }).finite().min(0, { error: 'err.amount' }).optional(),
  annualRevenueEstimate: z
    .number({ error: 'err.amount' })
    .finite()
    .min(0, { error: 'err.amount' })
    .optional(),
  birthday: DayOfYearSchema.optional(),
  partner: z
    .object({
      name: z.string().trim().min(1, { error: 'err.partnerName' }),
      birthday: DayOfYearSchema.optional(),
      /** How the partner is addressed: "Geburtstag der Partnerin" or "des Partners". */
      salutation: z.enum(['Frau', 'Herr'], { error: 'err.salutation' }).optional(),
    })
    .optional(),
  /** A personal relationship: birthdays are suggested even without a recent touch of ours. */
  close: z.boolean().optional(),
  /** Expected remaining years of the relationship: the horizon of this contact's customer value. */
  expectedYears: z
    .number({ error: 'err.years' })
    .finite()
    .gt(0, { error: 'err.years' })
    .max(50, { error: 'err.years' })
    .optional(),
  preferredChannels: z.array(ChannelSchema).default([]).transform(dedupe),
  interests: z.array(z.string().trim().min(1)).default([]).transform(dedupe),
  /** Current concerns, oldest first (optional: contacts stored before they existed have none). */
  concerns: z.array(ConcernSchema).optional(),
  /** The contact who recommended this one ("Empfohlen von"). */
  referredBy: IdSchema.optional(),
  /**
   * The team space the contact and its history are shared in (docs/sync.md "Spaces and people");
   * absent: the user's own. Only a sync account's spaces are offered.
   */
  space: z
    .string()
    .regex(/^[a-z][a-z0-9_$()+\-/]{0,237}$/)
    .optional(),
  /** Occasions to bring to the next touch, in the order they were attached. */
  plannedOccasions: z.array(PlannedOccasionSchema).optional(),
  preferences: optionalText,
  howWeMet: optionalText,
  address: z.enum(['Sie', 'Du'], { error: 'err.address' }).optional(),
  /**
   * A new position taken over from the person's XING or LinkedIn profile (issue 14, 2): when, and
   * what the profile said. A congratulation is suggested after it (lib/core, `congratulation`).
   */
  jobChange: z
    .object({ at: IsoDateSchema, headline: optionalText, company: optionalText })
    .optional(),
  /**
   * A profile's headline and company the user said are not the person's current position ("Nein,
   * stimmt nicht"): the same page values are not offered again.
   */
  positionDeclined: z
    .object({ at: IsoDateSchema, headline: optionalText, company: optionalText })
    .optional(),
  /**
   * Names a page showed without any address or profile link, and whether the user said they are
   * this contact (issue 14, 3): a confirmed name shows this contact's card on such pages, a denied
   * one is not asked about again.
   */
  pageNames: z
    .array(
      z.object({
        name: z.string().trim().min(1, { error: 'err.name' }),
        same: z.boolean(),
        at: IsoDateSchema,
      }),
    )
    .optional(),
  avoid: z
    .object({
      months: z.array(z.number().int().min(1).max(12)).optional(),
      weekdays: z.array(z.number().int().min(1).max(7)).optional(),
      hours: z
        .object({ from: z.number().int().min(0).max(24), to: z.number().int().min(0).max(24) })
        .refine((h) => h.from < h.to, { error: 'err.hours' })
        .optional(),
    })
    .optional(),
  plan: z
    .object({
      contactEveryDays: z.number().int().min(1, { error: 'err.interval' }).optional(),
      feedbackEveryDays: z.number().int().min(1, { error: 'err.interval' }).optional(),
    })
    .optional(),
  notes: optionalText,
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type Contact = z.infer<typeof ContactSchema>;
export type ContactInput = z.input<typeof ContactSchema>;

/**
 * What a touch gave without selling (seed 002, "Eine Hand wäscht die andere"): an occasion brought,
 * a tip, a contact passed on, a favour, a small gift or card of thanks.
 */
export const BROUGHT_KINDS = ['occasion', 'tip', 'contact', 'favour', 'gift'] as const;
export type BroughtKind = (typeof BROUGHT_KINDS)[number];
export const BroughtSchema = z.object({
  kind: z.enum(BROUGHT_KINDS, { error: 'err.broughtKind' }),
  /** The occasion brought (kind 'occasion'). */
  occasionId: IdSchema.optional(),
  text: optionalText,
});
export type Brought = z.infer<typeof BroughtSchema>;

export const InteractionSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  at: IsoDateSchema,
  channel: ChannelSchema,
  direction: z.enum(['in', 'out'], { error: 'err.direction' }),
  personal: z.boolean(),
  summary: optionalText,
  source: z
    .object({
      site: z.enum(SOURCE_SITES),
      url: z.string().optional(),
      threadId: z.string().optional(),
      subject: z.string().optional(),
      /**
       * The message of the thread this interaction is (taken over from the page): the app's
       * message id, else `<threadId>@<instant>`. The same message is never stored twice.
       */
      messageId: z.string().max(300).optional(),
    })
    .optional(),
  brought: BroughtSchema.optional(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

export const CommitmentSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  text: z.string().trim().min(1, { error: 'err.text' }),
  createdAt: IsoDateSchema,
  dueAt: IsoDateSchema,
  doneAt: IsoDateSchema.optional(),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

const rating = z.number().int().min(1, { error: 'err.rating' }).max(5, { error: 'err.rating' });
export const FeedbackSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  at: IsoDateSchema,
  product: rating.optional(),
  service: rating.optional(),
  note: optionalText,
  complaint: z.boolean().default(false),
  resolvedAt: IsoDateSchema.optional(),
  /** The customer pressed on price or asked for a discount (an early warning when it repeats). */
  pricePressure: z.boolean().optional(),
  /** Seed 003's two questions, as the customer answered them. */
  support: optionalText /* "Wie können wir Sie noch besser unterstützen?" */,
  improve: optionalText /* "Was sollten wir verbessern?" */,
  /** A wish the customer voiced. */
  wish: optionalText,
  /** A settled complaint: what was agreed, and the goodwill gesture (Kulanz) made, if any. */
  resolution: optionalText,
  goodwill: optionalText,
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const PurchaseSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  at: IsoDateSchema,
  // Refunds are negative amounts (PRODUCT.md "Tiers").
  amount: z.number({ error: 'err.amount' }).finite({ error: 'err.amount' }),
  description: optionalText,
});
export type Purchase = z.infer<typeof PurchaseSchema>;

export const FollowUpSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  dueAt: IsoDateSchema,
  note: z.string().trim().default(''),
  doneAt: IsoDateSchema.optional(),
  snoozedUntil: IsoDateSchema.optional(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/**
 * Occasions ("Themen & Anlässe"): something worth bringing to customers — a tip or article, a new
 * product or service, a funding programme, an event invitation, a seasonal topic.
 */
export const OCCASION_KINDS = ['tip', 'product', 'funding', 'event', 'season', 'other'] as const;
export type OccasionKind = (typeof OCCASION_KINDS)[number];

export const OccasionSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(OCCASION_KINDS, { error: 'err.occasionKind' }).default('tip'),
    title: z.string({ error: 'err.title' }).trim().min(1, { error: 'err.title' }),
    text: optionalText,
    /** What it is about; the title's words count too. */
    keywords: wordList,
    validFrom: IsoDaySchema.optional(),
    validUntil: IsoDaySchema.optional(),
    createdAt: IsoDateSchema,
    updatedAt: IsoDateSchema,
  })
  .refine((o) => !o.validFrom || !o.validUntil || o.validFrom <= o.validUntil, {
    error: 'err.validity',
    path: ['validUntil'],
  });
export type Occasion = z.infer<typeof OccasionSchema>;
export type OccasionInput = z.input<typeof OccasionSchema>;

const perTier = (a: number, b: number, c: number) =>
  z
    .object({
      A: z.number().int().min(1, { error: 'err.interval' }),
      B: z.number().int().min(1, { error: 'err.interval' }),
      C: z.number().int().min(1, { error: 'err.interval' }),
    })
    .default({ A: a, B: b, C: c });

export const PANEL_MODES = ['injected', 'sidepanel'] as const;
export type PanelMode = (typeof PANEL_MODES)[number];

export const SettingsSchema = z
  .object({
    contactEveryDays: perTier(14, 45, 120),
    feedbackEveryDays: perTier(90, 180, 365),
    afterPurchaseDays: z.number().int().min(0).max(365).default(3),
    birthdayLookaheadDays: z.number().int().min(0).max(365).default(7),
    tierMode: z.enum(['revenue', 'value', 'manual']).default('revenue'),
    paretoA: z.number().gt(0).lt(1).default(0.8),
    paretoB: z.number().gt(0).max(1).default(0.95),
    valueHorizonYears: z.number().gt(0).max(50).default(3),
    locale: z.enum(['de', 'en']).default('de'),
    /** The user's working days (ISO 1 = Monday … 7 = Sunday): where moved touches land. */
    workingDays: z
      .array(z.number().int().min(1).max(7))
      .min(1, { error: 'err.workingDays' })
      .default([1, 2, 3, 4, 5])
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    /** Public holidays of this region count as days off ('DE-BY', 'AT', 'CH-ZH'; none by default). */
    holidayRegion: z
      .string()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,4}){0,2}$/, { error: 'err.holidayRegion' })
      .optional(),
    timeZone: z
      .string()
      .refine(
        (tz) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        },
        { error: 'err.timeZone' },
      )
      .optional(),
    // Beyond the core's contract: how the app behaves.
    /** Daily reminder time `HH:MM`; absent = off. */
    notificationTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'err.time' })
      .optional(),
    /** Where the panel shows per site; LinkedIn defaults to the browser's side panel. */
    panelMode: z
      .object({
        gmail: z.enum(PANEL_MODES).default('injected'),
        outlook: z.enum(PANEL_MODES).default('injected'),
        xing: z.enum(PANEL_MODES).default('injected'),
        linkedin: z.enum(PANEL_MODES).default('sidepanel'),
      })
      .default({ gmail: 'injected', outlook: 'injected', xing: 'injected', linkedin: 'sidepanel' }),
  })
  .refine((s) => s.paretoA < s.paretoB, { error: 'err.pareto', path: ['paretoB'] });
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Settings that belong to this browser, not to the user (docs/sync.md "What travels"): when the
 * daily reminder rings and where the panel shows fit one screen and one working day, not every
 * device of the user. Every other setting is the user's and travels with sync.
 */
export const DEVICE_SETTINGS = [
  'notificationTime',
  'panelMode',
] as const satisfies readonly (keyof Settings)[];
export type DeviceSetting = (typeof DEVICE_SETTINGS)[number];

export const isDeviceSetting = (key: string): key is DeviceSetting =>
  (DEVICE_SETTINGS as readonly string[]).includes(key);

/** Stored settings split into the user's (they travel with sync) and this browser's. */
export function splitSettings(values: Partial<Settings>): {
  user: Partial<Settings>;
  device: Partial<Settings>;
} {
  const user: Record<string, unknown> = {};
  const device: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values))
    (isDeviceSetting(key) ? device : user)[key] = value;
  return { user: user as Partial<Settings>, device: device as Partial<Settings> };
}

/**
 * The settings table's one row: only what the user changed (lib/db/settings.ts). Each value is
 * stored as the model parses it, with defaults filled in below it: a partial `panelMode` (one site
 * only) would otherwise leave the other sites without a panel. Keys the user never set stay absent
 * (they follow the defaults and the browser's language); keys of a newer version are kept as they
 * are.
 */
export const SettingsRowSchema = z
  .object({ id: IdSchema, values: z.record(z.string(), z.unknown()) })
  .loose()
  .transform((row, ctx) => {
    const merged = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...row.values });
    if (!merged.success) {
      for (const i of merged.error.issues)
        ctx.addIssue({
          code: 'custom',
          message: i.message,
          path: ['values', ...i.path.filter((p): p is string | number => typeof p !== 'symbol')],
        });
      return z.NEVER;
    }
    const parsed = merged.data as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row.values))
      values[key] = key in parsed ? parsed[key] : value;
    return { ...row, values };
  });

export interface ContactHistory {
  contact: Contact;
  interactions: Interaction[];
  commitments: Commitment[];
  feedback: Feedback[];
  purchases: Purchase[];
  followUps: FollowUp[];
  /**
   * The contacts this one recommended (their `referredBy` is this contact), with their purchases:
   * what the thank-you for a referral and the referral figures read. Optional: without it the
   * contact has no referrals.
   */
  referred?: ReferredHistory[];
}

/** A contact this one recommended, as far as referrals read it. */
export interface ReferredHistory {
  contact: Contact;
  purchases: Purchase[];
}

/** A contact's history with nothing attached but, optionally, its purchases (what tiers read). */
export function historyOf(contact: Contact, purchases: Purchase[] = []): ContactHistory {
  return { contact, interactions: [], commitments: [], feedback: [], purchases, followUps: [] };
}
