// The dated fixtures and what readPage must return for each (tests/fixtures/README.md describes them
// in prose). A new capture of a changed site adds a row here; old rows stay while their fallback matters.
import type { PageContext } from '@/lib/sites';

export interface FixtureCase {
  file: string;
  url: string;
  expected: PageContext | null;
}

/** A message's instant from the app's local date (the readers read dates in the user's zone). */
export const local = (y: number, mo: number, d: number, h: number, mi: number): string =>
  new Date(y, mo - 1, d, h, mi).toISOString();
const inc = (at: string, from?: string, id?: string) => ({
  at,
  direction: 'in' as const,
  ...(from ? { from } : {}),
  ...(id ? { id } : {}),
});
const out = (at: string, id?: string) => ({ at, direction: 'out' as const, ...(id ? { id } : {}) });

const anna = { name: 'Anna Schmidt', email: 'anna.schmidt@schmidt-partner.de' };
const jonas = { name: 'Jonas Weber', email: 'jonas.weber@schmidt-partner.de' };

export const FIXTURES: FixtureCase[] = [
  {
    file: 'gmail/2026-11-thread-single.html',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
    expected: {
      site: 'gmail',
      kind: 'thread',
      people: [{ name: 'Jürgen Müller', email: 'juergen.mueller@mueller-hausbau.de' }],
      subject: 'Angebot Relaunch Website',
      threadId: '19a8f3c2d4e5b607',
      messages: [
        inc(local(2026, 11, 19, 9, 14), 'juergen.mueller@mueller-hausbau.de', '192ab4b3620f24a7'),
      ],
    },
  },
  {
    file: 'gmail/2026-11-thread-long-cc.html',
    url: 'https://mail.google.com/mail/u/0/#label/Kunden/FMfcgzQcqtXvlDVnphwbnChjvpShfKTg',
    expected: {
      site: 'gmail',
      kind: 'thread',
      people: [
        anna,
        { name: 'Sabine Köhler', email: 'sabine.koehler@koehler-events.de' },
        jonas,
        { name: 'Lena Fischer', email: 'lena.fischer@fischer-grafik.de' },
      ],
      subject: 'Re: Workshop Q1 – Termine und Agenda',
      threadId: '19a91b2c3d4e5f60',
      messages: [
        // Collapsed, the "3 older messages" bunch hides the rest; the user's own two are 'out'.
        inc(local(2026, 11, 2, 10, 5), anna.email, '19c0efd0c6b520fc'),
        out(local(2026, 11, 12, 18, 40), '1955dd95f6a54786'),
        inc(local(2026, 11, 13, 8, 12), 'sabine.koehler@koehler-events.de', '190b2278ff55c2ee'),
        out(local(2026, 11, 13, 11, 30), '19d84278d18ced3c'),
        inc(local(2026, 11, 20, 15, 47), anna.email, '19164aa3f1d0bd17'),
      ],
    },
  },
  {
    file: 'gmail/2026-11-thread-name-only.html',
    url: 'https://mail.google.com/mail/u/0/#search/kanzlei/FMfcgzQcqlBNLnQGPpHgnkvLwZNtKJnD',
    expected: {
      site: 'gmail',
      kind: 'thread',
      people: [
        { name: 'Kanzlei Berger & Partner' },
        { name: 'Dr. Petra Berger', email: 'p.berger@kanzlei-berger.de' },
      ],
      subject: 'Mandatsvereinbarung',
      threadId: '19a6d1e2f3a4b5c6',
      messages: [
        // The sender shown by name only: incoming, no address.
        inc(local(2026, 11, 10, 14, 0), undefined, '19b126eed2983034'),
        inc(local(2026, 11, 10, 14, 0), undefined, '19e2c86c914a976a'),
        inc(local(2026, 11, 11, 9, 30), 'p.berger@kanzlei-berger.de', '19837f4b0d9d77b2'),
      ],
    },
  },
  {
    file: 'gmail/2026-11-thread-de.html',
    url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQcqkwsjddGbjzPHNfgLWkJqDnD',
    expected: {
      site: 'gmail',
      kind: 'thread',
      people: [
        { name: 'Björn Schäfer', email: 'bjoern.schaefer@schaefer-druck.de' },
        { name: 'Lena Fischer', email: 'lena.fischer@schaefer-druck.de' },
      ],
      subject: 'Rückfrage zur Rechnung Nr. 2026-114',
      threadId: '19a5e4d3c2b1a098',
      messages: [
        // German dates ("Mo., 16. Nov. 2026, 10:22"); the user's answer the same afternoon.
        inc(local(2026, 11, 16, 10, 22), 'bjoern.schaefer@schaefer-druck.de', '19ae4a90917ee834'),
        out(local(2026, 11, 16, 14, 5), '19b982e7a1b2c1c7'),
      ],
    },
  },
  {
    file: 'gmail/2026-11-inbox.html',
    url: 'https://mail.google.com/mail/u/0/#inbox',
    expected: null,
  },
  {
    file: 'outlook/2026-11-reading-pane.html',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb%2B3mQfhX0%3D',
    expected: {
      site: 'outlook',
      kind: 'thread',
      people: [anna, jonas],
      subject: 'Re: Workshop Q1 Termine',
      threadId: 'AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb+3mQfhX0=',
      messages: [
        // Collapsed headers name the sender only; Outlook shows no message ids.
        inc(local(2026, 11, 2, 10, 5)),
        out(local(2026, 11, 12, 18, 40)),
        inc(local(2026, 11, 20, 15, 47), anna.email),
      ],
    },
  },
  {
    file: 'outlook/2026-11-live-message.html',
    url: 'https://outlook.live.com/mail/0/deeplink/read/AQMkADAwATM0MDAAMS1hYzE2LTVkMzQtMDACLTAwCgBGAAADb7VTYxNr9UeN8hJl6oPqTwcA%2FhW1QqZ7lUKH8wUbRjQVAgAAAgEMAAAA%2FhW1QqZ7lUKH8wUbRjQVAgAAADlEn8kAAAA%3D?popoutv2=1',
    expected: {
      site: 'outlook',
      kind: 'thread',
      people: [
        { name: 'Sabine Köhler', email: 'sabine.koehler@koehler-events.de' },
        { name: 'Lena Fischer', email: 'lena.fischer@koehler-events.de' },
        { name: 'Jürgen Müller', email: 'juergen.mueller@mueller-hausbau.de' },
      ],
      subject: 'Rückfrage zum Sommerfest',
      threadId:
        'AQMkADAwATM0MDAAMS1hYzE2LTVkMzQtMDACLTAwCgBGAAADb7VTYxNr9UeN8hJl6oPqTwcA/hW1QqZ7lUKH8wUbRjQVAgAAAgEMAAAA/hW1QqZ7lUKH8wUbRjQVAgAAADlEn8kAAAA=',
      messages: [inc(local(2026, 11, 22, 9, 12), 'sabine.koehler@koehler-events.de')],
    },
  },
  {
    file: 'xing/2026-11-profile.html',
    url: 'https://www.xing.com/profile/Sabine_Koehler?sc_o=da980_e&sc_o_PropActionOrigin=search',
    expected: {
      site: 'xing',
      kind: 'profile',
      people: [
        { name: 'Sabine Köhler', profileUrl: 'https://www.xing.com/profile/Sabine_Koehler' },
      ],
      headline: 'Geschäftsführerin, Köhler Events GmbH',
      company: 'Köhler Events GmbH',
    },
  },
  {
    file: 'xing/2026-11-profile-cv.html',
    url: 'https://www.xing.com/profile/Sabine_Koehler/cv',
    expected: {
      site: 'xing',
      kind: 'profile',
      people: [
        { name: 'Sabine Köhler', profileUrl: 'https://www.xing.com/profile/Sabine_Koehler' },
      ],
      company: 'Köhler Events GmbH',
    },
  },
  {
    file: 'xing/2026-11-search.html',
    url: 'https://www.xing.com/search/members?keywords=K%C3%B6hler%20Events',
    expected: null,
  },
  {
    file: 'linkedin/2026-11-profile.html',
    url: 'https://www.linkedin.com/in/jonas-weber-7b3a91152/',
    expected: {
      site: 'linkedin',
      kind: 'profile',
      people: [
        { name: 'Jonas Weber', profileUrl: 'https://www.linkedin.com/in/jonas-weber-7b3a91152' },
      ],
      headline: 'Senior Consultant Digitalisierung | Prozesse, Daten, Menschen',
      company: 'Schmidt & Partner Beratung GmbH',
    },
  },
  {
    file: 'linkedin/2026-11-details-experience.html',
    url: 'https://www.linkedin.com/in/jonas-weber-7b3a91152/details/experience/',
    expected: {
      site: 'linkedin',
      kind: 'profile',
      people: [
        { name: 'Jonas Weber', profileUrl: 'https://www.linkedin.com/in/jonas-weber-7b3a91152' },
      ],
      company: 'Schmidt & Partner Beratung GmbH',
    },
  },
  {
    file: 'linkedin/2026-11-profile-public-de.html',
    url: 'https://de.linkedin.com/in/jonas-weber-7b3a91152?trk=people-guest_people_search-card',
    expected: {
      site: 'linkedin',
      kind: 'profile',
      people: [
        { name: 'Jonas Weber', profileUrl: 'https://www.linkedin.com/in/jonas-weber-7b3a91152' },
      ],
      headline: 'Senior Consultant Digitalisierung | Prozesse, Daten, Menschen',
      company: 'Schmidt & Partner Beratung GmbH',
    },
  },
  {
    file: 'linkedin/2026-11-feed.html',
    url: 'https://www.linkedin.com/feed/',
    expected: null,
  },
];

export const fixture = (file: string): FixtureCase => {
  const found = FIXTURES.find((f) => f.file === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return found;
};
