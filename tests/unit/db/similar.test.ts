import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KundennahDB } from '@/lib/db';
import { createContact, findSimilarContacts, getSettings, recomputeAll } from '@/lib/db';
import { openFreshDb } from '../../support/db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: KundennahDB;
beforeEach(async () => {
  db = await openFreshDb();
  await createContact(
    db,
    {
      name: 'Dr. Jürgen Müller',
      company: 'Müller Hausbau GmbH',
      emails: ['j.mueller@mueller-hausbau.de'],
    },
    now,
  );
  await createContact(db, { name: 'Jürgen Müller', company: 'Schmidt AG' }, now);
  await createContact(
    db,
    { name: 'Sabine Köhler', profileUrls: ['https://www.xing.com/profile/Sabine_Koehler'] },
    now,
  );
  await recomputeAll(db, await getSettings(db, 'de'), now);
});
afterEach(async () => db.delete());

describe('similar contacts through the indexes', () => {
  it('finds a similar name at the same company, not the namesake elsewhere', async () => {
    const found = await findSimilarContacts(db, {
      name: 'Juergen Mueller',
      company: 'Mueller Hausbau',
    });
    expect(found.map((f) => f.contact.company)).toEqual(['Müller Hausbau GmbH']);
    expect(found[0]?.match.reasons).toEqual(['name-company']);
  });

  it('finds the same e-mail and the same profile whatever the name', async () => {
    expect(
      (
        await findSimilarContacts(db, { name: 'J. M.', emails: ['J.Mueller@mueller-hausbau.de'] })
      )[0]?.match.reasons,
    ).toContain('email');
    expect(
      (
        await findSimilarContacts(db, {
          name: 'S. K.',
          profileUrls: ['https://xing.com/profile/Sabine_Koehler/cv'],
        })
      )[0]?.contact.name,
    ).toBe('Sabine Köhler');
  });

  it('finds nobody for a stranger', async () => {
    expect(
      await findSimilarContacts(db, {
        name: 'Lena Fischer',
        company: 'Fischer Grafik',
        emails: ['lena@fischer.de'],
      }),
    ).toEqual([]);
  });
});
