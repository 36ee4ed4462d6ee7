// Typed, zod-checked messages between content scripts, the background, the panel and the pages.
// Named by direction (STYLE.md, Dark Reader). Every receiver parses what it gets; anything that does
// not parse is dropped.
import { z } from 'zod';
import {
  ERROR_CODES,
  AfterCallNoteSchema,
  ChannelSchema,
  CommitmentSchema,
  ContactSchema,
  InteractionSchema,
  TierSchema,
} from './model';
import { PageContextSchema } from './sites/page-context-schema';
import { SUGGESTION_KINDS } from './core/kinds';

export const PANEL_PORT_NAME = 'kundennah-panel';

// ---- content script -> background (runtime.sendMessage) --------------------------------------
export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  /** What the tab shows now (null: no thread or profile). The background knows the sender tab. */
  z.object({ type: z.literal('content:context'), context: PageContextSchema.nullable() }),
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
export const PageToBackgroundSchema = z.discriminatedUnion('type', [
  /** The page wrote to the database: derived rows, badge and open panels follow. */
  z.object({
    type: z.literal('page:data-changed'),
    contactIds: z.array(z.string()),
    tables: z.array(z.string()),
  }),
  /** A page is about to show derived rows: make sure they are today's (answers when they are). */
  z.object({ type: z.literal('page:ensure-fresh') }),
]);
export type PageToBackground = z.infer<typeof PageToBackgroundSchema>;

export const RuntimeMessageSchema = z.union([ContentToBackgroundSchema, PageToBackgroundSchema]);
export type RuntimeMessage = z.infer<typeof RuntimeMessageSchema>;

// ---- panel <-> background (runtime Port) ------------------------------------------------------
export const PersonOnPageSchema = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  profileUrl: z.string().optional(),
});

export const SuggestionSchema = z.object({
  kind: z.enum(SUGGESTION_KINDS),
  channel: ChannelSchema,
  due: z.string(),
  reasons: z.array(z.string()),
  talkingPoints: z.array(z.string()),
});

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
});
export type ContactCard = z.infer<typeof ContactCardSchema>;

export const PanelPersonSchema = z.object({
  fromPage: PersonOnPageSchema,
  card: ContactCardSchema.nullable(),
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
});
export type PanelView = z.infer<typeof PanelViewSchema>;

/** A record a request created (undo removes it). */
export const CreatedSchema = z.object({
  table: z.enum(['interactions', 'commitments', 'feedback', 'contacts']),
  id: z.string(),
});
export type Created = z.infer<typeof CreatedSchema>;

export const PanelRequestSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('log-contact'),
    contactId: z.string(),
    channel: ChannelSchema.optional(),
    summary: z.string().max(500).optional(),
    /** The after-call note: feedback and a promise besides the logged conversation. */
    note: AfterCallNoteSchema.optional(),
    /** Log even though this thread was logged today already. */
    again: z.boolean().optional(),
  }),
  z.object({
    action: z.literal('add-person'),
    person: PersonOnPageSchema.extend({
      name: z.string(),
      company: z.string().optional(),
      headline: z.string().optional(),
    }),
    /** Create although similar contacts exist (the user looked at them and said "new person"). */
    force: z.boolean().optional(),
  }),
  z.object({
    action: z.literal('link-person'),
    contactId: z.string(),
    person: PersonOnPageSchema,
  }),
  z.object({
    action: z.literal('add-commitment'),
    contactId: z.string(),
    text: z.string(),
    dueAt: z.string(),
  }),
  z.object({
    action: z.literal('add-feedback'),
    contactId: z.string(),
    product: z.number().int().min(1).max(5).optional(),
    service: z.number().int().min(1).max(5).optional(),
    note: z.string().optional(),
    complaint: z.boolean(),
  }),
  z.object({
    action: z.literal('undo'),
    /** What a previous reply created: removed again, all in one transaction. */
    created: CreatedSchema,
    also: z.array(CreatedSchema).optional(),
  }),
]);
export type PanelRequest = z.infer<typeof PanelRequestSchema>;

export const PanelToBackgroundSchema = z.discriminatedUnion('type', [
  /** First message on a new port; the side panel names no tab and gets the active one. */
  z.object({ type: z.literal('panel:hello') }),
  z.object({ type: z.literal('panel:request'), id: z.string(), request: PanelRequestSchema }),
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
    /** Further records the same request created (an after-call note's feedback and promise). */
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
