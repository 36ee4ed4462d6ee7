// What the panel can ask the background to do. Every write goes through the repository (zod,
// transactions); errors come back as codes the panel translates.
import { z } from 'zod';
import {
  DuplicateContactError,
  HISTORY_TABLES,
  NotFoundError,
  attachOccasion,
  createContact,
  detachOccasion,
  findByEmail,
  getHistory,
  removeRecord,
  saveConversation,
  saveRecord,
  updateContact,
  deleteContact,
  findSimilarContacts,
  removeConcern,
  writeOnce,
  type KundennahDB,
  type LoggedConversation,
} from '../db';
import { translate, type Locale } from '../i18n';
import { errorInfo, validate, type Brought, type Channel, type Interaction } from '../model';
import {
  GIVEN_KINDS,
  type BackgroundToPanel,
  type Created,
  type PanelRequest,
  type ReplyError,
} from '../messaging';
import type { PageContext } from '../sites/page-context-schema';
import { loggedTodayIn } from './logged-today';
import { handlePageFact, isPageFactRequest, restoreFields } from './page-facts';

type Reply = Omit<Extract<BackgroundToPanel, { type: 'bg:reply' }>, 'type' | 'id'>;

/** The channel a contact logged from a page goes on (PRODUCT.md: the channel comes from the site). */
export function channelOfSite(site: PageContext['site'] | undefined): Channel {
  switch (site) {
    case 'xing':
      return 'xing';
    case 'linkedin':
      return 'linkedin';
    default:
      return 'email';
  }
}

/** A failed request as the panel gets it: the error's code and parameters (it translates them). */
export function errorReply(e: unknown): Reply {
  const info = errorInfo(e);
  const error: ReplyError = { ...info, message: info.message ?? '' };
  if (e instanceof DuplicateContactError) error.existingIds = e.existingIds;
  return { ok: false, error };
}

export interface ActionEnv {
  db: KundennahDB;
  now: Date;
  timeZone: string;
  /** The user's language: the words a touch is summed up in when the user typed none (German). */
  locale?: Locale;
  context: PageContext | null;
  url: string | undefined;
}

/** Something given without selling, as the panel's form sends it: a kind and a few words. */
const GivenSchema = z.object({
  kind: z.enum(GIVEN_KINDS, { error: 'err.broughtKind' }),
  text: z.string().trim().min(1, { error: 'err.text' }).max(300),
});

/** Where a touch logged from this page came from: the thread, its link and subject. */
function sourceOf(env: ActionEnv): Interaction['source'] {
  const site = env.context?.site;
  return site
    ? { site, url: env.url, threadId: env.context?.threadId, subject: env.context?.subject }
    : { site: 'manual' };
}

/** The records a logged conversation made besides the touch (its undo removes them too). */
function alsoOf(logged: LoggedConversation, contactId: string): Created[] {
  const also: Created[] = [];
  if (logged.feedback) also.push({ table: 'feedback', id: logged.feedback.id });
  if (logged.commitment) also.push({ table: 'commitments', id: logged.commitment.id });
  if (logged.concern) also.push({ table: 'concerns', id: logged.concern.id, contactId });
  return also;
}

async function loggedToday(
  db: KundennahDB,
  contactId: string,
  env: Pick<ActionEnv, 'now' | 'timeZone' | 'context' | 'url'>,
): Promise<boolean> {
  const history = await getHistory(db, contactId);
  return !!history && loggedTodayIn(history, env);
}

/**
 * Carry out a panel request. Its check and its write are one transaction, stored with the request's
 * id (lib/db/requests.ts): a retry after a lost reply gets the first reply and writes nothing, and a
 * double click cannot log the same conversation twice.
 */
export async function handlePanelRequest(request: PanelRequest, env: ActionEnv): Promise<Reply> {
  const { db, now } = env;
  try {
    return await writeOnce(db, request.requestId, now, () => perform(request, env));
  } catch (e) {
    const reply = errorReply(e);
    if (reply.error?.existingIds?.length) {
      const found = await db.contacts.bulkGet(reply.error.existingIds);
      reply.error.existingNames = found.map((c) => c?.name ?? '');
    }
    return reply;
  }
}

async function perform(request: PanelRequest, env: ActionEnv): Promise<Reply> {
  const { db, now, context } = env;
  // Keeping the contact fresh from the page (issue 14, 2 and 3): lib/background/page-facts.ts.
  if (isPageFactRequest(request)) return { ok: true, created: await handlePageFact(request, db, now) };
  switch (request.action) {
    case 'log-contact': {
      if (!request.again && (await loggedToday(db, request.contactId, env)))
        return {
          ok: false,
          error: { code: 'logged-today', message: 'This conversation was logged today already.' },
        };
      // With an after-call note: the conversation, its feedback, the promise given and the
      // concern noted, in one transaction; undo takes back all of them.
      const note = request.note;
      let brought: Brought | undefined;
      if (request.broughtOccasionId) {
        const occasion = await db.occasions.get(request.broughtOccasionId);
        if (!occasion) throw new NotFoundError('Occasion', request.broughtOccasionId);
        brought = { kind: 'occasion', occasionId: occasion.id, text: occasion.title };
      }
      const logged = await saveConversation(
        db,
        {
          contactId: request.contactId,
          channel: request.channel ?? channelOfSite(context?.site),
          summary: note?.summary?.trim() || request.summary,
          source: sourceOf(env),
          note,
          ...(brought ? { brought } : {}),
          timeZone: env.timeZone,
        },
        now,
      );
      const also = alsoOf(logged, request.contactId);
      return {
        ok: true,
        created: { table: 'interactions', id: logged.interaction.id },
        ...(also.length ? { also } : {}),
      };
    }
    case 'log-given': {
      // A tip, a contact passed on, a favour, a small gift: a personal touch of ours that sells
      // nothing (seed 002, "Eine Hand wäscht die andere"), summed up in the user's words.
      const given = validate(GivenSchema, { kind: request.kind, text: request.text }, 'given');
      const locale = env.locale ?? 'de';
      const logged = await saveConversation(
        db,
        {
          contactId: request.contactId,
          channel: request.channel ?? channelOfSite(context?.site),
          summary: `${translate(locale, `brought.${given.kind}`)}: ${given.text}`,
          source: sourceOf(env),
          brought: { kind: given.kind, text: given.text },
          timeZone: env.timeZone,
        },
        now,
      );
      return { ok: true, created: { table: 'interactions', id: logged.interaction.id } };
    }
    case 'attach-occasion': {
      if (!(await db.contacts.get(request.contactId)))
        throw new NotFoundError('Contact', request.contactId);
      const attached = await attachOccasion(db, request.occasionId, [request.contactId], now);
      // Attached already: nothing changed, nothing to undo.
      return attached.length
        ? {
            ok: true,
            created: {
              table: 'plannedOccasions',
              id: request.occasionId,
              contactId: request.contactId,
            },
          }
        : { ok: true };
    }
    case 'add-person': {
      const p = request.person;
      // Never a silent duplicate (PRODUCT.md): an e-mail or profile match is always refused (by
      // createContact); a similar name at the same company only until the user says "new person".
      if (!request.force) {
        const similar = await findSimilarContacts(db, {
          name: p.name,
          emails: p.email ? [p.email] : [],
          profileUrls: p.profileUrl ? [p.profileUrl] : [],
          company: p.company,
        });
        if (similar.length) throw new DuplicateContactError(similar.map((m) => m.contact.id));
      }
      const contact = await createContact(
        db,
        {
          name: p.name,
          emails: p.email ? [p.email] : [],
          profileUrls: p.profileUrl ? [p.profileUrl] : [],
          company: p.company,
          headline: p.headline,
          status: 'active',
        },
        now,
      );
      return { ok: true, created: { table: 'contacts', id: contact.id } };
    }
    case 'link-person': {
      const history = await getHistory(db, request.contactId);
      if (!history) throw new NotFoundError('Contact', request.contactId);
      const c = history.contact;
      const email = request.person.email?.trim().toLowerCase();
      if (email && (await findByEmail(db, email)).some((o) => o.id !== c.id))
        throw new DuplicateContactError((await findByEmail(db, email)).map((o) => o.id));
      await updateContact(
        db,
        c.id,
        {
          emails: email ? [...c.emails, email] : c.emails,
          profileUrls: request.person.profileUrl
            ? [...c.profileUrls, request.person.profileUrl]
            : c.profileUrls,
        },
        now,
      );
      return { ok: true };
    }
    case 'add-commitment': {
      const row = await saveRecord(db, 'commitments', {
        contactId: request.contactId,
        text: request.text,
        createdAt: now.toISOString(),
        dueAt: request.dueAt,
      });
      return { ok: true, created: { table: 'commitments', id: row.id } };
    }
    case 'add-feedback': {
      const row = await saveRecord(db, 'feedback', {
        contactId: request.contactId,
        at: now.toISOString(),
        product: request.product,
        service: request.service,
        note: request.note,
        complaint: request.complaint,
      });
      return { ok: true, created: { table: 'feedback', id: row.id } };
    }
    case 'undo': {
      const all = [request.created, ...(request.also ?? [])];
      await db.transaction(
        'rw',
        [db.contacts, db.dismissals, ...HISTORY_TABLES.map((t) => db[t])],
        async () => {
          for (const created of all.reverse()) {
            if (created.table === 'contacts') await deleteContact(db, created.id);
            else if (created.table === 'concerns')
              await removeConcern(db, created.contactId, created.id, now);
            else if (created.table === 'plannedOccasions')
              await detachOccasion(db, created.id, [created.contactId], now);
            else if (created.table === 'contactFields')
              await restoreFields(db, created.id, created.before, now);
            else await removeRecord(db, created.table, created.id);
          }
        },
      );
      return { ok: true };
    }
  }
}
