import { describe, expect, it } from 'vitest';
import { listCandidates, suggestNextTouch, type Candidate, type SuggestionKind } from '@/lib/core';
import type { Contact, ContactHistory, Settings, Tier } from '@/lib/model';
import {
  commitment,
  feedback,
  followUp,
  history,
  interaction,
  purchase,
  settings,
} from './fixtures';

// Sunday, 15 March 2026, 11:00 in Berlin (CET). Every test below is pinned to it unless it says so.
const NOW = new Date('2026-03-15T10:00:00Z');

function candidate(
  h: ContactHistory,
  kind: SuggestionKind,
  opts: { tier?: Tier; now?: Date; s?: Partial<Settings> } = {},
): Candidate | undefined {
  return listCandidates(h, opts.tier ?? 'B', settings(opts.s), opts.now ?? NOW).find(
    (c) => c.kind === kind,
  );
}

const due = (c: Candidate | undefined) => (c ? { due: c.due, pressing: c.pressing } : null);

describe('birthday and partner birthday', () => {
  it.each([
    ['birthday today → pressing, due today', { month: 3, day: 15 }, NOW, '2026-03-15', true],
    ['birthday in 7 days → pressing', { month: 3, day: 22 }, NOW, '2026-03-22', true],
    ['birthday in 8 days → not pressing', { month: 3, day: 23 }, NOW, '2026-03-23', false],
    ['birthday yesterday → next year', { month: 3, day: 14 }, NOW, '2027-03-14', false],
    [
      'across the year end: 2 January seen on 28 December → pressing',
      { month: 1, day: 2 },
      new Date('2026-12-28T10:00:00Z'),
      '2027-01-02',
      true,
    ],
    [
      '29 February in a non-leap year → 28 February',
      { month: 2, day: 29, year: 1980 },
      new Date('2026-02-25T10:00:00Z'),
      '2026-02-28',
      true,
    ],
    [
      '29 February in a leap year stays',
      { month: 2, day: 29 },
      new Date('2028-02-25T10:00:00Z'),
      '2028-02-29',
      true,
    ],
    [
      'today in Berlin although still yesterday in UTC',
      { month: 3, day: 16 },
      new Date('2026-03-15T23:30:00Z'),
      '2026-03-16',
      true,
    ],
  ])('%s', (_rule, birthday, now, day, pressing) => {
    // A personal relationship (see "birthdays only with a relationship" below).
    expect(due(candidate(history({ birthday, close: true }), 'birthday', { now }))).toEqual({
      due: day,
      pressing,
    });
  });

  it.each([
    ['partner birthday in 7 days → pressing', 22, true],
    ['partner birthday in 8 days → not pressing', 23, false],
  ])('%s', (_rule, day, pressing) => {
    const h = history({ close: true, partner: { name: 'Anna', birthday: { month: 3, day } } });
    expect(candidate(h, 'partner-birthday')?.pressing).toBe(pressing);
  });

  it('no partner birthday without a partner birthday', () => {
    expect(candidate(history({ partner: { name: 'Anna' } }), 'partner-birthday')).toBeUndefined();
  });

  it('the look-ahead is a setting: 0 days → tomorrow is not pressing', () => {
    const h = history({ birthday: { month: 3, day: 16 }, close: true });
    expect(candidate(h, 'birthday', { s: { birthdayLookaheadDays: 0 } })?.pressing).toBe(false);
  });
});

describe('commitment (a promise we made)', () => {
  it.each([
    ['due in 2 days → pressing', '2026-03-17', '2026-03-17', true],
    ['due in 3 days → not pressing', '2026-03-18', '2026-03-18', false],
    ['overdue → pressing', '2026-03-10', '2026-03-10', true],
    [
      'a due instant late in the UTC evening is the next day in Berlin',
      '2026-03-16T23:30:00Z',
      '2026-03-17',
      true,
    ],
    [
      '…and two days later that is in 3 days → not pressing',
      '2026-03-17T23:30:00Z',
      '2026-03-18',
      false,
    ],
  ])('%s', (_rule, dueAt, day, pressing) => {
    expect(due(candidate(history({}, { commitments: [commitment(dueAt)] }), 'commitment'))).toEqual(
      {
        due: day,
        pressing,
      },
    );
  });

  it('the open commitment with the earliest dueAt counts; done ones never, whatever the doneAt date', () => {
    const h = history(
      {},
      {
        commitments: [
          commitment('2026-03-05', { doneAt: '2026-04-01' }),
          commitment('2026-03-20'),
          commitment('2026-03-19'),
        ],
      },
    );
    expect(candidate(h, 'commitment')?.due).toBe('2026-03-19');
  });

  it('commitments keep their day even on a day to avoid', () => {
    const h = history({ avoid: { weekdays: [2] } }, { commitments: [commitment('2026-03-17')] });
    expect(candidate(h, 'commitment')?.due).toBe('2026-03-17');
  });
});

describe('cadence: personal contact clock', () => {
  it.each<[string, Partial<Contact>, ReturnType<typeof interaction>[], Tier, string]>([
    [
      'a personal e-mail resets the clock',
      {},
      [interaction('2026-03-10', { channel: 'email' })],
      'B',
      '2026-04-24',
    ],
    [
      'a newsletter (personal = false) does not reset the clock',
      {},
      [interaction('2026-01-01'), interaction('2026-03-10', { channel: 'email', personal: false })],
      'B',
      '2026-02-15',
    ],
    [
      'an incoming call counts too (either direction)',
      {},
      [interaction('2026-03-10', { direction: 'in' })],
      'B',
      '2026-04-24',
    ],
    [
      'without personal contact: after createdAt',
      { createdAt: '2026-02-01' },
      [],
      'A',
      '2026-02-15',
    ],
    ['the interval is per tier (C: 120 days)', {}, [interaction('2026-03-10')], 'C', '2026-07-08'],
    [
      'plan.contactEveryDays overrides the tier',
      { plan: { contactEveryDays: 30 } },
      [interaction('2026-03-10')],
      'A',
      '2026-04-09',
    ],
    [
      'interactions after now are ignored',
      { createdAt: '2026-01-01' },
      [interaction('2026-03-16'), interaction('2026-03-15T12:00:00Z')],
      'A',
      '2026-01-15',
    ],
    [
      'a late-evening UTC instant is the next day in Berlin',
      {},
      [interaction('2026-03-10T23:30:00Z')],
      'B',
      '2026-04-25',
    ],
  ])('%s', (_rule, c, interactions, tier, day) => {
    expect(candidate(history(c, { interactions }), 'cadence', { tier })?.due).toBe(day);
  });

  it('the intervals come from the settings', () => {
    const h = history({}, { interactions: [interaction('2026-03-10')] });
    const s = { contactEveryDays: { A: 7, B: 10, C: 20 } };
    expect(candidate(h, 'cadence', { s })?.due).toBe('2026-03-20');
  });

  it('an avoided month (today) moves an overdue cadence to the 1st of next month', () => {
    const h = history({ avoid: { months: [3] } }, { interactions: [interaction('2026-01-01')] });
    const c = candidate(h, 'cadence');
    expect(due(c)).toEqual({ due: '2026-04-01', pressing: false });
    expect(c?.reasons.some((r) => r.includes('moved to Wed 1 Apr 2026'))).toBe(true);
  });
});

describe('feedback', () => {
  it.each<[string, Partial<Contact>, ReturnType<typeof feedback>[], Tier, string]>([
    [
      'due the tier interval after the latest feedback',
      {},
      [feedback('2025-12-01')],
      'B',
      '2026-05-30',
    ],
    ['without feedback: after createdAt', { createdAt: '2025-01-01' }, [], 'A', '2025-04-01'],
    [
      'plan.feedbackEveryDays overrides the tier',
      { plan: { feedbackEveryDays: 30 } },
      [feedback('2026-03-01')],
      'C',
      '2026-03-31',
    ],
    [
      'feedback after now is ignored',
      { createdAt: '2025-01-01' },
      [feedback('2026-03-20')],
      'C',
      '2026-01-01',
    ],
  ])('%s', (_rule, c, fb, tier, day) => {
    expect(candidate(history(c, { feedback: fb }), 'feedback', { tier })?.due).toBe(day);
  });
});

describe('complaint and low satisfaction', () => {
  it.each<[string, Partial<Omit<ContactHistory, 'contact'>>, string | null]>([
    [
      'an open complaint is due on its day and stays open whatever happened since',
      {
        feedback: [feedback('2026-03-01', { complaint: true })],
        interactions: [interaction('2026-03-05')],
      },
      '2026-03-01',
    ],
    [
      'the earliest of several open complaints',
      {
        feedback: [
          feedback('2026-03-08', { complaint: true }),
          feedback('2026-02-20', { complaint: true }),
          feedback('2026-02-01', { complaint: true, resolvedAt: '2026-02-02' }),
        ],
      },
      '2026-02-20',
    ],
    [
      'a resolved complaint is no candidate',
      { feedback: [feedback('2026-03-01', { complaint: true, resolvedAt: '2026-03-02' })] },
      null,
    ],
    [
      'a rating of 2 with nobody talking to them since',
      { feedback: [feedback('2026-03-01', { product: 2, service: 4 })] },
      '2026-03-01',
    ],
    [
      'a rating of 3 is no complaint',
      { feedback: [feedback('2026-03-01', { product: 3, service: 3 })] },
      null,
    ],
    [
      'a rating of 1 followed by a personal call is handled',
      {
        feedback: [feedback('2026-03-01', { service: 1 })],
        interactions: [interaction('2026-03-02')],
      },
      null,
    ],
    [
      'a rating of 1 followed only by a newsletter is not',
      {
        feedback: [feedback('2026-03-01', { service: 1 })],
        interactions: [interaction('2026-03-02', { personal: false })],
      },
      '2026-03-01',
    ],
    [
      'a low rating with resolvedAt is done',
      { feedback: [feedback('2026-03-01', { product: 1, resolvedAt: '2026-03-03' })] },
      null,
    ],
    [
      'only the latest feedback counts',
      {
        feedback: [feedback('2026-02-01', { product: 1 }), feedback('2026-03-01', { product: 5 })],
      },
      null,
    ],
    [
      'feedback dated after now is ignored',
      { feedback: [feedback('2026-03-16', { product: 1, complaint: true })] },
      null,
    ],
    [
      'equal timestamps: an interaction with a larger id came after the feedback',
      {
        feedback: [feedback('2026-03-10T10:00:00Z', { id: 'f5', product: 1 })],
        interactions: [interaction('2026-03-10T10:00:00Z', { id: 'i9' })],
      },
      null,
    ],
    [
      'equal timestamps: an interaction with a smaller id came before it',
      {
        feedback: [feedback('2026-03-10T10:00:00Z', { id: 'f5', product: 1 })],
        interactions: [interaction('2026-03-10T10:00:00Z', { id: 'a1' })],
      },
      '2026-03-10',
    ],
    [
      'a date-only feedback is the start of its day: a call later that day came after it',
      {
        feedback: [feedback('2026-03-10', { product: 1 })],
        interactions: [interaction('2026-03-10T08:00:00Z')],
      },
      null,
    ],
  ])('%s', (_rule, rest, day) => {
    const c = candidate(history({}, rest), 'complaint');
    expect(c ? c.due : null).toBe(day);
    if (c) expect(c.pressing).toBe(true);
  });
});

describe('after-purchase check-in', () => {
  it.each<
    [string, Partial<Omit<ContactHistory, 'contact'>>, { due: string; pressing: boolean } | null]
  >([
    [
      'a purchase 2 days ago → due tomorrow, not pressing',
      { purchases: [purchase('2026-03-13', 900)] },
      { due: '2026-03-16', pressing: false },
    ],
    [
      'a purchase 3 days ago → due today, pressing',
      { purchases: [purchase('2026-03-12', 900)] },
      { due: '2026-03-15', pressing: true },
    ],
    [
      'a purchase 30 days ago still counts',
      { purchases: [purchase('2026-02-13', 900)] },
      { due: '2026-02-16', pressing: true },
    ],
    ['a purchase 31 days ago does not', { purchases: [purchase('2026-02-12', 900)] }, null],
    [
      'a refund (amount ≤ 0) is no reason to call',
      { purchases: [purchase('2026-03-12', -900)] },
      null,
    ],
    [
      'a personal contact after the purchase settles it',
      {
        purchases: [purchase('2026-03-12', 900)],
        interactions: [interaction('2026-03-13', { channel: 'email' })],
      },
      null,
    ],
    [
      'a newsletter after the purchase does not',
      {
        purchases: [purchase('2026-03-12', 900)],
        interactions: [interaction('2026-03-13', { personal: false })],
      },
      { due: '2026-03-15', pressing: true },
    ],
    [
      'the latest purchase counts',
      {
        purchases: [
          purchase('2026-03-01', 900),
          purchase('2026-03-13', 50),
          purchase('2026-03-14', 0),
        ],
      },
      { due: '2026-03-16', pressing: false },
    ],
    [
      'a purchase later today (after now) is ignored',
      { purchases: [purchase('2026-03-15T18:00:00Z', 900)] },
      null,
    ],
  ])('%s', (_rule, rest, expected) => {
    expect(due(candidate(history({}, rest), 'after-purchase'))).toEqual(expected);
  });

  it('after-purchase respects times to avoid (a Sunday check-in moves to Monday)', () => {
    const h = history({ avoid: { weekdays: [7] } }, { purchases: [purchase('2026-03-19', 900)] });
    const now = new Date('2026-03-19T12:00:00Z'); // Thursday; due Sunday 22nd
    expect(candidate(h, 'after-purchase', { now })?.due).toBe('2026-03-23');
  });
});

describe('follow-up', () => {
  it('the open follow-up with the earliest snoozedUntil ?? dueAt counts', () => {
    const h = history(
      {},
      {
        followUps: [
          followUp('2026-03-10', { snoozedUntil: '2026-03-20' }),
          followUp('2026-03-18'),
          followUp('2026-03-01', { doneAt: '2026-03-02' }),
        ],
      },
    );
    expect(due(candidate(h, 'follow-up'))).toEqual({ due: '2026-03-18', pressing: false });
  });

  it('a follow-up due on an avoided weekday moves', () => {
    const h = history({ avoid: { weekdays: [3] } }, { followUps: [followUp('2026-03-18')] });
    expect(candidate(h, 'follow-up')?.due).toBe('2026-03-19');
  });
});

describe('lost contacts: only the exit conversation', () => {
  const lost = (over: Partial<Contact> = {}) =>
    history(
      {
        status: 'lost',
        lost: { at: '2026-03-08', reason: 'price' },
        birthday: { month: 3, day: 15 },
        ...over,
      },
      { commitments: [commitment('2026-03-10')], purchases: [purchase('2026-03-12', 100)] },
    );

  it.each([
    [
      'lost 7 days ago without exit conversation → due today, pressing',
      lost(),
      { due: '2026-03-15', pressing: true },
    ],
    [
      'lost 6 days ago → due tomorrow, not pressing',
      lost({ lost: { at: '2026-03-09', reason: 'price' } }),
      { due: '2026-03-16', pressing: false },
    ],
    [
      'without lost.at: 7 days after the updatedAt day',
      lost({ lost: undefined, updatedAt: '2026-03-01T22:00:00Z' }),
      { due: '2026-03-08', pressing: true },
    ],
    [
      'an exit conversation held: nothing',
      lost({ lost: { at: '2026-03-08', reason: 'price', exitConversationAt: '2026-03-20' } }),
      null,
    ],
  ])('%s', (_rule, h, expected) => {
    expect(due(candidate(h, 'exit-conversation'))).toEqual(expected);
    expect(
      listCandidates(h, 'A', settings(), NOW).every((c) => c.kind === 'exit-conversation'),
    ).toBe(true);
  });

  it('a lost contact without exit conversation gets no suggestion other than it; with one, none', () => {
    expect(suggestNextTouch(lost(), 'A', settings(), NOW)?.kind).toBe('exit-conversation');
    expect(
      suggestNextTouch(
        lost({ lost: { at: '2026-03-08', reason: 'price', exitConversationAt: '2026-03-09' } }),
        'A',
        settings(),
        NOW,
      ),
    ).toBeNull();
  });
});

describe('next personal touch (suggestNextTouch)', () => {
  it.each<[string, ContactHistory, SuggestionKind]>([
    [
      'the pressing candidate of highest priority wins: birthday in 5 days over an overdue cadence',
      history({ birthday: { month: 3, day: 20 } }, { interactions: [interaction('2025-06-01')] }),
      'birthday',
    ],
    [
      'a promise due in 2 days beats an open complaint',
      history(
        {},
        {
          commitments: [commitment('2026-03-17')],
          feedback: [feedback('2026-03-01', { complaint: true })],
        },
      ),
      'commitment',
    ],
    [
      'an open complaint beats an after-purchase check-in',
      history(
        {},
        {
          purchases: [purchase('2026-03-10', 500)],
          feedback: [feedback('2026-03-01', { complaint: true })],
        },
      ),
      'complaint',
    ],
    [
      'nothing pressing: the candidate due first (cadence in 10 days before a birthday in 20)',
      history(
        { birthday: { month: 4, day: 4 } },
        { interactions: [interaction('2026-03-12')], feedback: [feedback('2026-03-12')] },
      ),
      'cadence',
    ],
    [
      'nothing pressing, a promise in 3 days is still first',
      history(
        {},
        {
          interactions: [interaction('2026-03-12')],
          feedback: [feedback('2026-03-12')],
          commitments: [commitment('2026-03-18')],
        },
      ),
      'commitment',
    ],
    [
      'equal due dates, nothing pressing: the higher priority (cadence before feedback)',
      history(
        {},
        { interactions: [interaction('2026-03-12')], feedback: [feedback('2026-03-11')] },
      ),
      'cadence',
    ],
    [
      'both pressing: the higher priority (cadence before feedback)',
      history(
        {},
        { interactions: [interaction('2026-01-01')], feedback: [feedback('2025-01-01')] },
      ),
      'cadence',
    ],
  ])('%s', (_rule, h, kind) => {
    // Tier B with a 13-day contact and a 14-day feedback interval: cadence and feedback due dates
    // are easy to place next to each other.
    const s = {
      contactEveryDays: { A: 14, B: 13, C: 120 },
      feedbackEveryDays: { A: 90, B: 14, C: 365 },
    };
    expect(suggestNextTouch(h, 'B', settings(s), NOW)?.kind).toBe(kind);
  });

  it('returns exactly the contract fields', () => {
    const s = suggestNextTouch(history({ birthday: { month: 3, day: 15 } }), 'A', settings(), NOW);
    expect(Object.keys(s ?? {}).sort()).toEqual([
      'channel',
      'due',
      'kind',
      'reasons',
      'talkingPoints',
    ]);
  });
});

describe('channel (PRODUCT.md "Channel")', () => {
  const xing = 'https://www.xing.com/profile/Juergen_Mueller';
  const linkedin = 'https://de.linkedin.com/in/juergen-mueller';
  it.each<[string, SuggestionKind, Partial<Contact>, Tier, string]>([
    [
      'a complaint is a phone call, whatever they prefer',
      'complaint',
      { preferredChannels: ['email'] },
      'C',
      'phone',
    ],
    [
      'an exit conversation is a phone call',
      'exit-conversation',
      {
        preferredChannels: ['letter'],
        status: 'lost',
        lost: { at: '2026-03-01', reason: 'price' },
      },
      'C',
      'phone',
    ],
    [
      'birthday: the first preferred channel that is not e-mail',
      'birthday',
      { preferredChannels: ['email', 'event', 'xing', 'phone'] },
      'C',
      'xing',
    ],
    [
      'birthday: no such preference, a XING profile → XING',
      'birthday',
      { preferredChannels: ['email'], profileUrls: [linkedin, xing] },
      'C',
      'xing',
    ],
    [
      'birthday: a LinkedIn profile only → LinkedIn',
      'birthday',
      { profileUrls: [linkedin] },
      'C',
      'linkedin',
    ],
    [
      'birthday: a XING company page is no profile → phone',
      'birthday',
      { profileUrls: ['https://www.xing.com/pages/acme'] },
      'C',
      'phone',
    ],
    ['birthday: nothing known → phone, never a standard e-mail', 'birthday', {}, 'C', 'phone'],
    [
      'cadence: the first preferred channel that is not event/other',
      'cadence',
      { preferredChannels: ['event', 'other', 'email', 'phone'] },
      'A',
      'email',
    ],
    ['cadence without preference: A → phone', 'cadence', {}, 'A', 'phone'],
    ['cadence without preference: B → phone', 'cadence', {}, 'B', 'phone'],
    ['cadence without preference: C → personal e-mail', 'cadence', {}, 'C', 'email'],
    [
      'only mass channels preferred: by closeness',
      'feedback',
      { preferredChannels: ['event', 'other'] },
      'C',
      'email',
    ],
  ])('%s', (_rule, kind, c, tier, channel) => {
    const h = history(
      { birthday: { month: 3, day: 20 }, close: true, ...c },
      { feedback: [feedback('2026-03-01', { complaint: true })] },
    );
    expect(candidate(h, kind, { tier })?.channel).toBe(channel);
  });
});

describe('reasons and talking points', () => {
  const rich = () =>
    history(
      {
        name: 'Jürgen Müller',
        address: 'Sie',
        interests: ['Segeln', 'Jazz'],
        preferences: 'Espresso, keine Termine vor 10 Uhr',
        partner: { name: 'Anna', birthday: { month: 3, day: 18 }, salutation: 'Frau' },
        avoid: { hours: { from: 0, to: 10 } },
      },
      {
        commitments: [
          commitment('2026-03-12', { text: 'Angebot schicken' }),
          commitment('2026-03-30', { text: 'Referenz nennen' }),
        ],
        interactions: [
          interaction('2026-03-02', { summary: 'Neuer Laden in Köln', channel: 'meeting' }),
        ],
      },
    );

  it('a promise overdue by 3 days says so, in German and English', () => {
    const de = candidate(rich(), 'commitment', { s: { locale: 'de' } });
    expect(de?.reasons[0]).toBe(
      'Versprechen an Jürgen Müller seit 3 Tagen überfällig: Angebot schicken',
    );
    expect(de?.reasons).toContain('1 weiteres offenes Versprechen');
    const en = candidate(rich(), 'commitment');
    expect(en?.reasons[0]).toBe('Promise to Jürgen Müller overdue by 3 days: Angebot schicken');
  });

  it('avoid.hours becomes advice in the reasons', () => {
    expect(candidate(rich(), 'commitment')?.reasons).toContain('Time of day: not before 10:00');
    expect(candidate(rich(), 'commitment', { s: { locale: 'de' } })?.reasons).toContain(
      'Uhrzeit: nicht vor 10 Uhr',
    );
  });

  it('talking points: what to pick up on (interests without a concern), form of address, last conversation, open promises, preferences', () => {
    const tp = candidate(rich(), 'cadence')?.talkingPoints ?? [];
    expect(tp).toEqual([
      'Pick up on what interests them: Segeln, Jazz',
      'Address: Sie (formal)',
      'Last talked about (meeting, Mon 2 Mar 2026): Neuer Laden in Köln',
      'Open promise: Angebot schicken (due Thu 12 Mar 2026)',
      'Open promise: Referenz nennen (due Mon 30 Mar 2026)',
      'Preferences: Espresso, keine Termine vor 10 Uhr',
    ]);
  });

  it('a partner birthday names the partner', () => {
    const c = candidate(rich(), 'partner-birthday', { s: { locale: 'de' } });
    expect(c?.reasons[0]).toBe('Geburtstag der Partnerin Anna in 3 Tagen (Mi, 18.03.2026)');
    expect(c?.talkingPoints[0]).toBe('Partnerin: Anna – Glückwünsche zum Geburtstag ausrichten');
  });

  it('a feedback touch carries a conversation guide in the form of address', () => {
    const du = history({ address: 'Du', createdAt: '2025-01-01' });
    const tp = candidate(du, 'feedback', { s: { locale: 'de' } })?.talkingPoints.join('\n') ?? '';
    expect(tp).toContain('80 %');
    expect(tp).toContain('„Warum ist dir das wichtig?“');
    expect(tp).toContain('„Danke“');
    const en =
      candidate(history({ createdAt: '2025-01-01' }), 'feedback')?.talkingPoints.join('\n') ?? '';
    expect(en).toMatch(/open questions/);
    expect(en).toMatch(/80%/);
    expect(en).toMatch(/why rather than how/);
  });

  it('an exit conversation carries a guide too', () => {
    const h = history({
      status: 'lost',
      lost: { at: '2026-03-01', reason: 'competitor', note: 'zu teuer' },
    });
    const c = candidate(h, 'exit-conversation');
    expect(c?.reasons[0]).toBe(
      'Lost on Sun 1 Mar 2026 (reason: competitor) with no exit conversation yet – overdue by 7 days: call and learn why',
    );
    expect(c?.talkingPoints.join('\n')).toMatch(/understand, not to sell/);
  });

  it('a cadence reason names the last personal contact and why the newsletter does not count', () => {
    const h = history(
      {},
      {
        interactions: [
          interaction('2026-01-20', { channel: 'phone' }),
          interaction('2026-03-01', { channel: 'email', personal: false }),
        ],
      },
    );
    expect(candidate(h, 'cadence', { tier: 'A' })?.reasons).toEqual([
      'Personal contact overdue by 40 days: the last one was 54 days ago (phone, Tue 20 Jan 2026); tier A plans one every 14 days',
      'Not personal, so it does not count: the e-mail of Sun 1 Mar 2026 (newsletter or mass mailing)',
    ]);
  });

  it('an open complaint holds back anything promotional', () => {
    const h = history(
      {},
      { feedback: [feedback('2026-03-10', { complaint: true, note: 'Rechnung falsch' })] },
    );
    const c = candidate(h, 'complaint', { s: { locale: 'de' } });
    expect(c?.reasons).toEqual([
      'Offene Beschwerde vom Di, 10.03.2026 (vor 5 Tagen): Rechnung falsch',
      'Anrufen und in Ordnung bringen; bis dahin nichts Werbliches schicken',
    ]);
  });
});
