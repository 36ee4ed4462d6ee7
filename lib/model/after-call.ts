// The after-call note and the settled complaint (issue "Rules v2", 3): what the user can say in
// fifteen seconds after a conversation, and which records it becomes. Every field is optional; the
// mapping to records is pure and lives here so that the popup and the panel store the same thing.
import { z } from 'zod';
import { IsoDaySchema } from './schemas';
import type { Feedback } from './schemas';

/**
 * The labelled satisfaction scale, best first, with the rating each answer is stored as (5 is
 * best, ≤ 2 counts as low satisfaction). The UI never shows the numbers: a German reader takes 1
 * for the best school grade, and a delighted customer rated "1" became a complaint call.
 */
export const SATISFACTION = [
  { rating: 5, key: 'very-satisfied' },
  { rating: 4, key: 'satisfied' },
  { rating: 3, key: 'so-so' },
  { rating: 2, key: 'dissatisfied' },
  { rating: 1, key: 'very-dissatisfied' },
] as const;
export type SatisfactionKey = (typeof SATISFACTION)[number]['key'];

const rating = z.number().int().min(1, { error: 'err.rating' }).max(5, { error: 'err.rating' });
const text = (max: number) => z.string().trim().max(max).optional();

export const AfterCallNoteSchema = z.object({
  /** What it was about: the logged conversation's summary. */
  summary: text(500),
  /** Satisfaction with the work (the core product) and with the advice, 5 = very satisfied. */
  product: rating.optional(),
  service: rating.optional(),
  /** Seed 003's two questions: "Wie können wir Sie noch besser unterstützen?" … */
  support: text(1000),
  /** … and "Was sollten wir verbessern?" */
  improve: text(1000),
  complaint: z.boolean().optional(),
  /** Price pressure or a discount request. */
  pricePressure: z.boolean().optional(),
  wish: text(500),
  /** "Neues Thema?": something that moves the customer now, noted as a concern of the contact. */
  concern: text(300),
  /** A promise given in the conversation: becomes an open commitment. */
  promise: z
    .object({
      text: z.string().trim().min(1, { error: 'err.text' }).max(500),
      dueAt: IsoDaySchema,
    })
    .optional(),
});
export type AfterCallNote = z.infer<typeof AfterCallNoteSchema>;

/** A complaint settled: what was agreed, and the goodwill gesture (Kulanz) made, if any. */
export const SettlementSchema = z.object({
  resolution: text(1000),
  goodwill: text(500),
});
export type Settlement = z.infer<typeof SettlementSchema>;

/** The feedback fields a note fills. */
export type NoteFeedback = Pick<
  Feedback,
  'product' | 'service' | 'support' | 'improve' | 'complaint' | 'pricePressure' | 'wish' | 'note'
>;

const filled = (s: string | undefined): string | undefined => s?.trim() || undefined;

/**
 * The feedback record a note stands for, or null when the note says nothing a feedback holds (a
 * summary alone is the conversation, not feedback). The feedback keeps what the call was about as
 * its note: the complaint it may start says why.
 */
export function feedbackOfNote(note: AfterCallNote | undefined): NoteFeedback | null {
  if (!note) return null;
  const fields = {
    product: note.product,
    service: note.service,
    support: filled(note.support),
    improve: filled(note.improve),
    wish: filled(note.wish),
    pricePressure: note.pricePressure ? true : undefined,
  };
  const any = Object.values(fields).some((v) => v !== undefined) || note.complaint === true;
  if (!any) return null;
  return { ...fields, complaint: note.complaint === true, note: filled(note.summary) };
}

/** Does the note hold anything at all? */
export function noteIsEmpty(note: AfterCallNote | undefined): boolean {
  return (
    !filled(note?.summary) && !feedbackOfNote(note) && !note?.promise && !filled(note?.concern)
  );
}
