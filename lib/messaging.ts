// Typed, zod-checked messages between content scripts, the background, the panel and the pages.
// Named by direction (STYLE.md, Dark Reader). Every receiver parses what it gets; anything that does
// not parse is dropped.
import { z } from 'zod';
import {
  BROUGHT_KINDS,
  ERROR_CODES,
  OCCASION_KINDS,
  AfterCallNoteSchema,
  ChannelSchema,
  CommitmentSchema,
  ConcernSchema,
  ContactSchema,
  InteractionSchema,
  TierSchema,
  type BroughtKind,
} from './model';
import {
  MAX_EMAIL_CHARS,
  MAX_NAME_CHARS,
  MAX_URL_CHARS,
  PageContextSchema,
  ThreadMessageSchema,
} from './sites/page-context-schema';
import { PANEL_KEY_PATTERN } from './panel-key';
import { SUGGESTION_KINDS } from './core/kinds';
import { ADVICE_FACTS } from './core/page-facts';

export const PANEL_PORT_NAME = 'kundennah-panel';

/**
 * Bounds of what another context may make the background hold or look at (issue 15, point 3): a
 * page context as JSON (50 people with long names and addresses fit many times over; room is left
 * for more fields), the ids and table names of a change message, an id, a text from the panel.
 */
export const MAX_CONTEXT_CHARS = 64 * 1024;
const MAX_CHANGED_IDS = 100_000;
const Id = z.string().max(200);
const Text = z.string().max(10_000);

// ---- content script -> background (runtime.sendMessage) --------------------------------------
/** The most selectors a diagnosis may name, and the most version markers. */
export const DIAGNOSIS_MAX_COUNTS = 400;
export const DIAGNOSIS_MAX_VERSIONS = 12;

/**
 * What a site's reader matched on a thread or profile where it found nobody for a while
 * (lib/content/diagnose.ts): our own selector strings with how many elements each matched, and the
 * app's build tokens. Bounded so that no text of the page fits in: a version is one short token.
 */
export const DiagnosisSchema = z.object({
  counts: z
    .record(z.string().min(1).max(300), z.number().int().min(0).max(1_000_000))
    .refine((r) => Object.keys(r).length <= DIAGNOSIS_MAX_COUNTS, 'too many selectors'),
  versions: z
    .record(z.string().min(1).max(200), z.string().regex(/^[\w.-]{1,80}$/))
    .refine((r) => Object.keys(r).length <= DIAGNOSIS_MAX_VERSIONS, 'too many markers'),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  /**
   * What the tab shows now (null: no thread or profile). The background knows the sender tab.
   * `unreadable`: a thread or profile is open and nobody on it could be read for a while.
   */
  z
    .object({
      type: z.literal('content:context'),
      context: PageContextSchema.nullable(),
      unreadable: DiagnosisSchema.optional(),
    })
    .refine((m) => JSON.stringify(m.context).length <= MAX_CONTEXT_CHARS, {
      message: 'page context too large',
    }),
  /** The key of the panel document just loaded in this tab's panel iframe (lib/panel-key.ts). */
  z.object({ type: z.literal('content:panel-key'), key: z.string().regex(PANEL_KEY_PATTERN) }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

/** The background's answer to `content:context`: where this site's panel shows. */
export const ContentReplySchema = z.object({ panel: z.enum(['injected', 'sidepanel', 'off']) });
export type ContentReply = z.infer<typeof ContentReplySchema>;

// ---- background -> content script (tabs.sendMessage) ------------------------------------------
// Only commands without data: content scripts never receive customer data.
export const BackgroundToContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bg:toggle-panel') }),
  z.object({ type: z.literal('bg:recheck') }),
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContentSchema>;

// ---- extension pages (popup, dashboard) -> background -----------------------------------------
/** What the sync page asks of sync, which runs in the background (lib/background/sync.ts). */
export const SyncRequestSchema = z.discriminatedUnion('action', [
  /** How sync stands: account (no password), last sync, failure, what waits. */
  z.object({ action: z.literal('status') }),
  /** Sync now, and answer when done. */
  z.object({ action: z.literal('now') }),
  /** Sync in a moment (the popup opened), answer at once. */
  z.object({ action: z.literal('soon') }),
  /** Turn sync on with this account (the page asked for the server's permission first). */
  z.object({
    action: z.literal('on'),
    server: z.string().max(MAX_URL_CHARS),
    username: z.string().min(1).max(200),
    password: z.string().max(1000),
    space: z.string().max(238),
    teams: z.array(z.string().max(238)).max(50).optional(),
  }),
  /** Turn sync off on this device (the data stays). */
  z.object({ action: z.literal('off') }),
  /** The user has read that spaces were lost: stop telling. */
  z.object({ action: z.literal('seen-lost') }),
]);
export type SyncRequest = z.infer<typeof SyncRequestSchema>;

export const PageToBackgroundSchema = z.discriminatedUnion('type', [
  /** The page wrote to the database: derived rows, badge and open panels follow. */
  z.object({
    type: z.literal('page:data-changed'),
    contactIds: z.array(Id).max(MAX_CHANGED_IDS),
    tables: z.array(z.string().max(50)).max(50),
  }),
  /** A page is about to show derived rows: make sure they are today's (answers when they are). */
  z.object({ type: z.literal('page:ensure-fresh') }),
  z.object({ type: z.literal('page:sync'), request: SyncRequestSchema }),
  /** A team space's member names: read them, or (with `names`) set them. */
  z.object({
    type: z.literal('page:space-members'),
    space: z.string().max(238),
    names: z.array(z.string().min(1).max(200)).max(500).optional(),
  }),
]);
export type PageToBackground = z.infer<typeof PageToBackgroundSchema>;

export const RuntimeMessageSchema = z.union([ContentToBackgroundSchema, PageToBackgroundSchema]);
export type RuntimeMessage = z.infer<typeof RuntimeMessageSchema>;

// ---- panel <-> background (runtime Port) ------------------------------------------------------
export const PersonOnPageSchema = z.object({
  name: z.string().max(MAX_NAME_CHARS).optional(),
  email: z.string().max(MAX_EMAIL_CHARS).optional(),
  profileUrl: z.string().max(MAX_URL_CHARS).optional(),
});

export const SuggestionSchema = z.object({
  kind: z.enum(SUGGESTION_KINDS),
  channel: ChannelSchema,
  due: z.string(),
  reasons: z.array(z.string()),
  talkingPoints: z.array(z.string()),
  /** The occasion this touch brings (attached with "Vormerken"). */
  occasionId: z.string().optional(),
});

/** An occasion as the card shows it: what it is, and (for one that fits) why it fits. */
export const CardOccasionSchema = z.object({
  id: z.string(),
  kind: z.enum(OCCASION_KINDS),
  title: z.string(),
  text: z.string().optional(),
});
export type CardOccasion = z.infer<typeof CardOccasionSchema>;

/**
 * What a touch gave without selling, as the panel's "+ Tip/favour" records it: every kind of
 * `BROUGHT_KINDS` but an occasion (occasions are attached and brought with the next touch).
 */
export const GIVEN_KINDS = ['tip', 'contact', 'favour', 'gift'] as const satisfies readonly Exclude<
  BroughtKind,
  'occasion'
>[];
export type GivenKind = (typeof GIVEN_KINDS)[number];

/** One of today's agenda items of a contact (the panel lists them all: one conversation). */
export const TodayItemSchema = z.object({
  kind: z.enum(SUGGESTION_KINDS),
  channel: ChannelSchema,
  due: z.string(),
  reasons: z.array(z.string()),
});
export type TodayItem = z.infer<typeof TodayItemSchema>;

export const ContactCardSchema = z.object({
  contact: ContactSchema,
  tier: TierSchema,
  tierReason: z.string(),
  suggestion: SuggestionSchema.nullable(),
  lastPersonal: InteractionSchema.nullable(),
  openCommitments: z.array(CommitmentSchema),
  risks: z.array(z.object({ kind: z.string(), text: z.string() })),
  reliability: z.string().nullable(),
  /** An interaction from this thread was already logged today (asks before logging again). */
  loggedToday: z.boolean(),
  /** Every item of today's agenda for this person, in the agenda order. */
  today: z.array(TodayItemSchema),
  /** What moves them now: the open concerns, noted last first (closed and expired ones left out). */
  concerns: z.array(ConcernSchema),
  /** The contact who recommended this one, when that contact is known. */
  referredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /**
   * The contacts this one recommended (null: none): how many, how many of them bought, and what
   * they bought.
   */
  referrals: z
    .object({
      count: z.number().int(),
      customers: z.number().int(),
      revenueCents: z.number().int(),
    })
    .nullable(),
  /** The latest touch that brought something (an occasion, a tip, a favour …). */
  lastBrought: z
    .object({ at: z.string(), kind: z.enum(BROUGHT_KINDS), text: z.string().optional() })
    .nullable(),
  /**
   * The open thread's messages for this person (Gmail, Outlook): our latest and their latest, each
   * with whether it is stored already, and since when their message waits for our answer (the day,
   * by the core's `reply` rule; null when nothing waits).
   */
  thread: z
    .object({
      ours: z.object({ message: ThreadMessageSchema, stored: z.boolean() }).nullable(),
      theirs: z.object({ message: ThreadMessageSchema, stored: z.boolean() }).nullable(),
      waitingSince: z.string().nullable(),
    })
    .optional(),
  /** Occasions attached to the next touch and not brought yet (not expired). */
  planned: z.array(CardOccasionSchema),
  /** Current occasions that fit this person best, not attached nor brought (at most 3). */
  fitting: z.array(CardOccasionSchema.extend({ fits: z.string() })),
  /**
   * On the person's own XING or LinkedIn profile: the position the profile shows when it differs
   * from the stored one (issue 14, 2), with its words ("Leiterin Controlling bei Muster AG").
   */
  positionChange: z
    .object({
      headline: z.string().optional(),
      company: z.string().optional(),
      /** A new job (replaces what was stored), not only a gap filled. */
      replaces: z.boolean(),
      text: z.string(),
    })
    .nullable()
    .optional(),
  /** The facts the advice needs that an A or B contact lacks, in the order the card asks. */
  missing: z.array(z.enum(ADVICE_FACTS)).optional(),
});
export type ContactCard = z.infer<typeof ContactCardSchema>;

export const PanelPersonSchema = z.object({
  fromPage: PersonOnPageSchema,
  card: ContactCardSchema.nullable(),
  /**
   * A person named on the page without any address: the contacts of the same name, to confirm
   * ("Ist das Ihr Kontakt Lukas Becker (Müller GmbH)?").
   */
  sameName: z
    .array(z.object({ id: z.string(), name: z.string(), company: z.string().optional() }))
    .optional(),
  /** For an unknown person: existing contacts they might be (link instead of duplicating). */
  similar: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      company: z.string().optional(),
      reason: z.string(),
    }),
  ),
});
export type PanelPerson = z.infer<typeof PanelPersonSchema>;

export const PanelViewSchema = z.object({
  locale: z.enum(['de', 'en']),
  timeZone: z.string(),
  context: PageContextSchema.nullable(),
  /** The channel a contact logged on this page goes on (e-mail on Gmail, XING on XING …). */
  logChannel: ChannelSchema,
  people: z.array(PanelPersonSchema),
  /** The page is a thread or profile whose people could not be read: what the reader matched. */
  unreadable: DiagnosisSchema.optional(),
});
export type PanelView = z.infer<typeof PanelViewSchema>;

/** The contact fields the panel's page actions write (and undo restores). */
export const CONTACT_FIELDS_FROM_PAGE = [
  'position',
  'headline',
  'company',
  'jobChange',
  'positionDeclined',
  'birthday',
  'preferredChannels',
  'interests',
  'address',
  'pageNames',
] as const;
export type ContactFieldFromPage = (typeof CONTACT_FIELDS_FROM_PAGE)[number];

/**
 * A record a request created (undo removes it): a row of a table, or something kept on the contact
 * itself — a concern noted, an occasion attached (its id) — named with the contact it is on.
 */
export const CreatedSchema = z.discriminatedUnion('table', [
  z.object({
    table: z.enum(['interactions', 'commitments', 'feedback', 'contacts']),
    id: Id,
  }),
  z.object({ table: z.literal('concerns'), id: Id, contactId: Id }),
  z.object({ table: z.literal('plannedOccasions'), id: Id, contactId: Id }),
  /**
   * Fields of a contact changed from the panel (a position taken over, facts filled in, a page
   * name confirmed): their values before (null: not set), restored by undo.
   */
  z.object({
    table: z.literal('contactFields'),
    id: Id,
    before: z.partialRecord(z.enum(CONTACT_FIELDS_FROM_PAGE), z.unknown()),
  }),
]);
export type Created = z.infer<typeof CreatedSchema>;

/**
 * The id of one write the user asked for: the same on every retry of it, so that the background
 * stores it once (lib/db/requests.ts). A panel makes a fresh one per click.
 */
const RequestIdField = { requestId: z.string().min(1).max(100).optional() };

export const PanelRequestSchema = z.discriminatedUnion('action', [
  z.object({
    ...RequestIdField,
    action: z.literal('log-contact'),
    contactId: Id,
    channel: ChannelSchema.optional(),
    summary: z.string().max(500).optional(),
    /** The after-call note: feedback and a promise besides the logged conversation. */
    note: AfterCallNoteSchema.optional(),
    /** Log even though this thread was logged today already. */
    again: z.boolean().optional(),
    /** The attached occasion brought in this conversation (recorded as brought). */
    broughtOccasionId: Id.min(1).optional(),
  }),
  z.object({
    ...RequestIdField,
    /** Take over a message of the open thread (our answer or theirs) with its real date. */
    action: z.literal('log-message'),
    contactId: Id,
    message: ThreadMessageSchema,
  }),
  z.object({
    ...RequestIdField,
    /** "+ Tip/favour": something given without selling, as a personal touch of ours. */
    action: z.literal('log-given'),
    contactId: Id,
    kind: z.enum(GIVEN_KINDS),
    /** Checked again when written (a clear message for an empty text). */
    text: z.string().max(1000),
    channel: ChannelSchema.optional(),
  }),
  z.object({
    ...RequestIdField,
    /** "Vormerken": attach an occasion to this contact's next touch. */
    action: z.literal('attach-occasion'),
    contactId: Id,
    occasionId: Id.min(1),
  }),
  z.object({
    ...RequestIdField,
    action: z.literal('add-person'),
    person: PersonOnPageSchema.extend({
      name: z.string().max(MAX_NAME_CHARS),
      company: z.string().max(MAX_NAME_CHARS).optional(),
      headline: Text.optional(),
    }),
    /** Create although similar contacts exist (the user looked at them and said "new person"). */
    force: z.boolean().optional(),
  }),
  z.object({
    ...RequestIdField,
    action: z.literal('link-person'),
    contactId: Id,
    person: PersonOnPageSchema,
  }),
  z.object({
    ...RequestIdField,
    action: z.literal('add-commitment'),
    contactId: Id,
    text: Text,
    dueAt: z.string().max(40),
  }),
  z.object({
    ...RequestIdField,
    action: z.literal('add-feedback'),
    contactId: Id,
    product: z.number().int().min(1).max(5).optional(),
    service: z.number().int().min(1).max(5).optional(),
    note: Text.optional(),
    complaint: z.boolean(),
  }),
  z.object({
    ...RequestIdField,
    /** "Übernehmen": the position the person's profile shows becomes the stored one. */
    action: z.literal('take-position'),
    contactId: Id,
    headline: z.string().max(500).optional(),
    company: z.string().max(500).optional(),
  }),
  z.object({
    ...RequestIdField,
    /** "Nein, stimmt nicht": these profile values are not offered again for this contact. */
    action: z.literal('decline-position'),
    contactId: Id,
    headline: z.string().max(500).optional(),
    company: z.string().max(500).optional(),
  }),
  z.object({
    ...RequestIdField,
    /** The facts the advice needs, filled in on the card (only those given are written). */
    action: z.literal('fill-facts'),
    contactId: Id,
    /** Checked against the calendar when written (a clear message for 31 February). */
    birthday: z
      .object({ month: z.number().int(), day: z.number().int(), year: z.number().int().optional() })
      .optional(),
    preferredChannels: z.array(ChannelSchema).optional(),
    interests: z.array(z.string().max(200)).max(50).optional(),
    address: z.enum(['Sie', 'Du']).optional(),
  }),
  z.object({
    ...RequestIdField,
    /** A name shown on the page without any address is (or is not) this contact. */
    action: z.literal('confirm-name'),
    contactId: Id,
    name: z.string().min(1).max(300),
    same: z.boolean(),
  }),
  z.object({
    ...RequestIdField,
    action: z.literal('undo'),
    /** What a previous reply created: removed again, all in one transaction. */
    created: CreatedSchema,
    also: z.array(CreatedSchema).max(20).optional(),
  }),
]);
export type PanelRequest = z.infer<typeof PanelRequestSchema>;

export const PanelToBackgroundSchema = z.discriminatedUnion('type', [
  /** First message on a new port; the side panel names no tab and gets the active one. */
  z.object({ type: z.literal('panel:hello') }),
  z.object({
    type: z.literal('panel:request'),
    id: Id,
    request: PanelRequestSchema,
    /** The key the content script gave this panel frame (absent in the browser's side panel). */
    key: z.string().max(100).optional(),
    /** The panel saw itself visible and uncovered when the user acted (IntersectionObserver v2). */
    visible: z.boolean().optional(),
  }),
]);
export type PanelToBackground = z.infer<typeof PanelToBackgroundSchema>;

export const ReplyErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** English, for logs; the panel shows `translateError` of the whole object. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z
    .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
    .optional(),
  existingIds: z.array(z.string()).optional(),
  existingNames: z.array(z.string()).optional(),
});
export type ReplyError = z.infer<typeof ReplyErrorSchema>;

export const BackgroundToPanelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bg:view'), view: PanelViewSchema }),
  /** Something the panel should tell the user (e.g. the keyboard shortcut logged a contact). */
  z.object({ type: z.literal('bg:notice'), text: z.string() }),
  z.object({
    type: z.literal('bg:reply'),
    id: z.string(),
    ok: z.boolean(),
    created: CreatedSchema.optional(),
    /** Further records the same request created (an after-call note's feedback, promise, concern). */
    also: z.array(CreatedSchema).optional(),
    error: ReplyErrorSchema.optional(),
  }),
]);
export type BackgroundToPanel = z.infer<typeof BackgroundToPanelSchema>;

/** Parse a message or return null (never throw on what another context sent). */
export function parseMessage<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}
