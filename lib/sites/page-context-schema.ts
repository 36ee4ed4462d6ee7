// zod schema of PageContext, for the boundaries (content script -> background message).
// Kept apart from the readers on purpose: readPage and the per-site read functions never import zod.
// Each schema is built inside a pure-annotated function call, so a bundle that imports
// lib/sites/index.ts for readPage alone drops the schemas and zod with them (checked by a test);
// content scripts import the per-site readers directly anyway.
import { z } from 'zod';
import { MAX_PEOPLE, MAX_THREAD_MESSAGES, type PageContext } from './page-context';

export const SiteSchema = /* @__PURE__ */ (() =>
  z.enum(['gmail', 'outlook', 'xing', 'linkedin']))();
export const PageKindSchema = /* @__PURE__ */ (() => z.enum(['thread', 'profile']))();

// Bounds (issue 15, point 3): what a page shows is never this long; a page that claims more is
// refused rather than stored and looked up. The content script sends at most MAX_PEOPLE people.
export const MAX_NAME_CHARS = 300;
/** RFC 5321 allows 254 characters in an address. */
export const MAX_EMAIL_CHARS = 320;
export const MAX_URL_CHARS = 2048;
const MAX_TEXT_CHARS = 2000;

export const PersonSchema = /* @__PURE__ */ (() =>
  z.object({
    name: z.string().min(1).max(MAX_NAME_CHARS).optional(),
    email: z.string().min(3).max(MAX_EMAIL_CHARS).optional(),
    profileUrl: z.url().max(MAX_URL_CHARS).optional(),
  }))();

export const ThreadMessageSchema = /* @__PURE__ */ (() =>
  z.object({
    at: z.iso.datetime(),
    direction: z.enum(['in', 'out']),
    id: z.string().min(1).max(200).optional(),
    from: z.string().min(3).max(320).optional(),
  }))();

export const PageContextSchema = /* @__PURE__ */ (() =>
  z.object({
    site: SiteSchema,
    kind: PageKindSchema,
    people: z.array(PersonSchema).max(MAX_PEOPLE),
    subject: z.string().max(MAX_TEXT_CHARS).optional(),
    threadId: z.string().max(MAX_NAME_CHARS).optional(),
    headline: z.string().max(MAX_TEXT_CHARS).optional(),
    company: z.string().max(MAX_NAME_CHARS).optional(),
    messages: z.array(ThreadMessageSchema).max(MAX_THREAD_MESSAGES).optional(),
  }))();

// The schema and the hand-written type must not drift apart: this fails to compile if they do.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.infer<typeof PageContextSchema>, PageContext> = true;
void schemaMatchesType;

export type { PageContext, Person, ThreadMessage } from './page-context';
