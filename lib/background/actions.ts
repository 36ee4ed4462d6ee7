// What the panel can ask the background to do. Every write goes through the repository (zod,
// transactions); errors come back as codes the panel translates.
import {
  DuplicateContactError,
  HISTORY_TABLES,
  NotFoundError,
  createContact,
  findByEmail,
  getHistory,
  removeRecord,
  saveConversation,
  saveRecord,
  updateContact,
  deleteContact,
  findSimilarContacts,
  type KundennahDB,
} from '../db';
import { errorInfo, type Channel } from '../model';
import type { BackgroundToPanel, Created, PanelRequest, ReplyError } from '../messaging';
import type { PageContext } from '../sites/page-context-schema';
import { loggedTodayIn } from './logged-today';

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
  context: PageContext | null;
  url: string | undefined;
}

async function loggedToday(
  db: KundennahDB,
  contactId: string,
  env: Pick<ActionEnv, 'now' | 'timeZone' | 'context' | 'url'>,
): Promise<boolean> {
  const history = await getHistory(db, contactId);
  return !!history && loggedTodayIn(history, env);
}

export async function handlePanelRequest(request: PanelRequest, env: ActionEnv): Promise<Reply> {
  const { db, now, context, url } = env;
  try {
    switch (request.action) {
      case 'log-contact': {
        if (!request.again && (await loggedToday(db, request.contactId, env)))
          return {
            ok: false,
            error: { code: 'logged-today', message: 'This conversation was logged today already.' },
          };
        const site = context?.site;
        // With an after-call note: the conversation, its feedback and the promise given, in one
        // transaction; undo takes back all of them.
        const note = request.note;
        const logged = await saveConversation(
          db,
          {
            contactId: request.contactId,
            channel: request.channel ?? channelOfSite(site),
            summary: note?.summary?.trim() || request.summary,
            source: site
              ? {
                  site,
                  url,
                  threadId: context?.threadId,
                  subject: context?.subject,
                }
              : { site: 'manual' },
            note,
          },
          now,
        );
        const also: Created[] = [];
        if (logged.feedback) also.push({ table: 'feedback', id: logged.feedback.id });
        if (logged.commitment) also.push({ table: 'commitments', id: logged.commitment.id });
        return {
          ok: true,
          created: { table: 'interactions', id: logged.interaction.id },
          ...(also.length ? { also } : {}),
        };
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
            for (const { table, id } of all.reverse()) {
              if (table === 'contacts') await deleteContact(db, id);
              else await removeRecord(db, table, id);
            }
          },
        );
        return { ok: true };
      }
    }
  } catch (e) {
    const reply = errorReply(e);
    if (reply.error?.existingIds?.length) {
      const found = await db.contacts.bulkGet(reply.error.existingIds);
      reply.error.existingNames = found.map((c) => c?.name ?? '');
    }
    return reply;
  }
}
