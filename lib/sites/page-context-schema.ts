// zod schema of PageContext, for the boundaries (content script -> background message).
// Kept apart from the readers on purpose: readPage and the per-site read functions never import zod.
// Each schema is built inside a pure-annotated function call, so a bundle that imports
// lib/sites/index.ts for readPage alone drops the schemas and zod with them (checked by a test);
// content scripts import the per-site readers directly anyway.
import { z } from 'zod';
import { MAX_THREAD_MESSAGES, type PageContext } from './page-context';

export const SiteSchema = /* @__PURE__ */ (() =>
  z.enum(['gmail', 'outlook', 'xing', 'linkedin']))();
export const PageKindSchema = /* @__PURE__ */ (() => z.enum(['thread', 'profile']))();

export const PersonSchema = /* @__PURE__ */ (() =>
  z.object({
    name: z.string().min(1).optional(),
    email: z.string().min(3).optional(),
    profileUrl: z.url().optional(),
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
    people: z.array(PersonSchema),
    subject: z.string().optional(),
    threadId: z.string().optional(),
    headline: z.string().optional(),
    company: z.string().optional(),
    messages: z.array(ThreadMessageSchema).max(MAX_THREAD_MESSAGES).optional(),
  }))();

// The schema and the hand-written type must not drift apart: this fails to compile if they do.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.infer<typeof PageContextSchema>, PageContext> = true;
void schemaMatchesType;

export type { PageContext, Person, ThreadMessage } from './page-context';
