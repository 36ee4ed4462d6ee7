// PRODUCT.md "The rules, precisely", as revised (issue: rules v2): each sentence of the revision as
// a table whose rows read like the rule. Sunday, 15 March 2026, 11:00 in Berlin, unless a row says
// otherwise.
import { describe, expect, it } from 'vitest';
import {
  buildAgenda,
  listCandidates,
  suggestNextTouch,
  type Candidate,
  type SuggestionKind,
} from '@/lib/core';
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

const NOW = new Date('2026-03-15T10:00:00Z');

function candidates(
  h: ContactHistory,
  opts: { tier?: Tier; now?: Date; s?: Partial<Settings> } = {},
): Candidate[] {
  return listCandidates(h, opts.tier ?? 'B', settings(opts.s), opts.now ?? NOW);
}
const find = (h: ContactHistory, kind: SuggestionKind, opts = {}) =>
  candidates(h, opts).find((c) => c.kind === kind);
const kinds = (h: ContactHistory, opts = {}) => candidates(h, opts).map((c) => c.kind);

const mail = (at: string, over: Parameters<typeof interaction>[1] = {}) =>
  interaction(at, { channel: 'email', direction: 'in', ...over });

describe('touches of ours: what resets the contact clock', () => {
  // B interval 45 days: a touch on 1 March makes the cadence due on 15 April; none since
  // 1 January 2026 makes it due on 15 February (overdue).
  it.each<[string, ContactHistory['interactions'], string]>([
    [
      'an outgoing personal e-mail is a touch of ours',
      [mail('2026-03-01', { direction: 'out' })],
      '2026-04-15',
    ],
    [
      'a call is a touch whoever called',
      [interaction('2026-03-01', { direction: 'in' })],
      '2026-04-15',
    ],
    [
      'a meeting is a touch whoever asked for it',
      [interaction('2026-03-01', { channel: 'meeting', direction: 'in' })],
      '2026-04-15',
    ],
    [
      'a visit, an event and a gift count too',
      [interaction('2026-03-01', { channel: 'gift', direction: 'in' })],
      '2026-04-15',
    ],
    [
      'an incoming personal e-mail alone is no touch: the customer chased us',
      [interaction('2026-01-01'), mail('2026-03-01')],
      '2026-02-15',
    ],
    [
      'an incoming XING message alone is no touch',
      [interaction('2026-01-01'), mail('2026-03-01', { channel: 'xing' })],
      '2026-02-15',
    ],
    [
      'an incoming letter alone is no touch',
      [interaction('2026-01-01'), mail('2026-03-01', { channel: 'letter' })],
      '2026-02-15',
    ],
    [
      'a newsletter is never a touch',
      [interaction('2026-01-01'), mail('2026-03-01', { direction: 'out', personal: false })],
      '2026-02-15',
    ],
  ])('%s', (_rule, interactions, due) => {
    expect(find(history({}, { interactions }), 'cadence')?.due).toBe(due);
  });

  it('a low rating is settled by a touch of ours, not by the customer writing again', () => {
    const low = feedback('2026-03-10', { product: 2 });
    expect(
      find(history({}, { feedback: [low], interactions: [mail('2026-03-12')] }), 'complaint'),
    ).toBeDefined();
    expect(
      find(
        history({}, { feedback: [low], interactions: [interaction('2026-03-12')] }),
        'complaint',
      ),
    ).toBeUndefined();
  });

  it('an after-purchase check-in is settled by a touch of ours, not by the customer writing', () => {
    const bought = purchase('2026-03-10', 900);
    expect(
      find(
        history({}, { purchases: [bought], interactions: [mail('2026-03-11')] }),
        'after-purchase',
      ),
    ).toBeDefined();
    expect(
      find(
        history({}, { purchases: [bought], interactions: [interaction('2026-03-11')] }),
        'after-purchase',
      ),
    ).toBeUndefined();
  });
});

describe('reply: a customer message that waits for our answer', () => {
  it.each<[string, ContactHistory['interactions'], string | null]>([
    ['an e-mail of today, nothing since → due today', [mail('2026-03-15T08:00:00Z')], '2026-03-15'],
    ['an e-mail of 30 days ago still counts', [mail('2026-02-13')], '2026-02-13'],
    ['one of 31 days ago no longer does', [mail('2026-02-12')], null],
    [
      'answered by our e-mail after it → none',
      [mail('2026-03-10'), mail('2026-03-11', { direction: 'out' })],
      null,
    ],
    ['answered by a call after it → none', [mail('2026-03-10'), interaction('2026-03-11')], null],
    [
      'our call before it does not answer it',
      [interaction('2026-03-09'), mail('2026-03-10')],
      '2026-03-10',
    ],
    [
      'the latest message counts',
      [mail('2026-03-01'), mail('2026-03-12', { channel: 'linkedin' })],
      '2026-03-12',
    ],
    [
      'an incoming call is a conversation, nothing waits',
      [interaction('2026-03-10', { direction: 'in' })],
      null,
    ],
    ['a newsletter reply is not personal', [mail('2026-03-10', { personal: false })], null],
  ])('%s', (_rule, interactions, due) => {
    expect(find(history({}, { interactions }), 'reply')?.due ?? null).toBe(due);
  });

  it('equal timestamps: the later id is the latest', () => {
    const h = history(
      {},
      {
        interactions: [
          interaction('2026-03-10T09:00:00.000Z', { id: 'b-ours' }),
          mail('2026-03-10T09:00:00.000Z', { id: 'a-theirs' }),
        ],
      },
    );
    expect(find(h, 'reply')).toBeUndefined();
  });

  it.each<[string, 'email' | 'xing' | 'linkedin' | 'letter' | 'other', string]>([
    ['answered on the channel it came in on: XING', 'xing', 'xing'],
    ['LinkedIn', 'linkedin', 'linkedin'],
    ['a letter', 'letter', 'letter'],
    ['"other" is answered by e-mail', 'other', 'email'],
  ])('%s', (_rule, channel, answer) => {
    const h = history(
      { preferredChannels: ['phone'] },
      { interactions: [mail('2026-03-12', { channel })] },
    );
    expect(find(h, 'reply')?.channel).toBe(answer);
  });

  it('comes right after a complaint in priority', () => {
    const h = history(
      {},
      {
        interactions: [mail('2026-03-12')],
        feedback: [feedback('2026-03-01', { complaint: true })],
        purchases: [purchase('2026-03-11', 500)],
      },
    );
    expect(kinds(h).slice(0, 3)).toEqual(['complaint', 'reply', 'after-purchase']);
    expect(
      suggestNextTouch(
        history(
          {},
          { interactions: [mail('2026-03-12')], purchases: [purchase('2026-03-11', 500)] },
        ),
        'B',
        settings(),
        NOW,
      )?.kind,
    ).toBe('reply');
  });

  it('says how long the customer has waited and on which channel, with the subject', () => {
    const h = history(
      { name: 'Lukas Becker' },
      {
        interactions: [
          mail('2026-03-12', { source: { site: 'gmail', subject: 'Angebot Website' } }),
        ],
      },
    );
    expect(find(h, 'reply', { s: { locale: 'de' } })?.reasons[0]).toBe(
      'E-Mail von Lukas Becker vom Do, 12.03.2026 („Angebot Website“) – wartet seit 3 Tagen auf Ihre Antwort',
    );
  });
});

describe('prospects', () => {
  it.each<[string, Partial<Contact>, ContactHistory['interactions'], string | null]>([
    [
      'a prospect never touched gets no cadence (imports must not all fall due at once)',
      { status: 'prospect' },
      [],
      null,
    ],
    [
      'a prospect with a plan of its own gets it from the day it was added',
      { status: 'prospect', plan: { contactEveryDays: 30 } },
      [],
      '2025-01-31',
    ],
    [
      'a prospect we touched gets the cadence from that touch',
      { status: 'prospect' },
      [interaction('2026-03-01')],
      '2026-06-29',
    ],
    [
      'a customer never touched gets it from the day it was added',
      { status: 'active' },
      [],
      '2025-05-01',
    ],
  ])('%s', (_rule, c, interactions, due) => {
    expect(find(history(c, { interactions }), 'cadence', { tier: 'C' })?.due ?? null).toBe(due);
  });

  it('a prospect is never asked for feedback', () => {
    expect(
      kinds(history({ status: 'prospect' }, { interactions: [interaction('2025-01-10')] })),
    ).not.toContain('feedback');
    expect(
      kinds(history({ status: 'active' }, { interactions: [interaction('2025-01-10')] })),
    ).toContain('feedback');
  });
});

describe('birthdays only where there is a relationship', () => {
  const birthday = { month: 3, day: 18 };
  it.each<[string, Partial<Contact>, ContactHistory['interactions'], boolean]>([
    [
      'a touch of ours within the last year → a birthday touch',
      {},
      [interaction('2025-03-16')],
      true,
    ],
    ['a touch of ours today counts', {}, [interaction('2026-03-15T07:00:00Z')], true],
    ['the last touch 365 days ago is too long ago', {}, [interaction('2025-03-15')], false],
    ['no touch of ours at all → none (a wish from a stranger is not credible)', {}, [], false],
    ['only the customer wrote: still no relationship', {}, [mail('2026-03-01')], false],
    [
      'marked as a personal relationship → a birthday touch without any touch',
      { close: true },
      [],
      true,
    ],
  ])('%s', (_rule, c, interactions, expected) => {
    const h = history({ birthday, partner: { name: 'Renate', birthday }, ...c }, { interactions });
    expect(!!find(h, 'birthday')).toBe(expected);
    expect(!!find(h, 'partner-birthday')).toBe(expected);
  });
});

describe('working days: a moved date lands on a day the user works', () => {
  const avoid = (weekdays: number[]) => ({ avoid: { weekdays } });
  // Cadence B 45 days after the touch; the touch day is chosen to make the due day the row's.
  const dueOn = (day: string) => {
    const d = new Date(`${day}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 45);
    return [interaction(d.toISOString().slice(0, 10))];
  };
  it.each<[string, Partial<Contact>, string, Partial<Settings>, string]>([
    [
      'due Friday 20 March, Fridays and Saturdays avoided → Monday 23, not Sunday',
      avoid([5, 6]),
      '2026-03-20',
      {},
      '2026-03-23',
    ],
    [
      'due Saturday 21 March, Saturdays avoided, Sundays off → Monday',
      avoid([6]),
      '2026-03-21',
      {},
      '2026-03-23',
    ],
    [
      'a Saturday worker: due Friday, Fridays avoided → Saturday',
      avoid([5]),
      '2026-03-20',
      { workingDays: [1, 2, 3, 4, 5, 6] },
      '2026-03-21',
    ],
    [
      'due Wednesday 3 June, Wednesdays avoided, Thursday is Fronleichnam in Bavaria → Friday',
      avoid([3]),
      '2026-06-03',
      { holidayRegion: 'DE-BY' },
      '2026-06-05',
    ],
    [
      'the same in Lower Saxony, where Fronleichnam is a working day → Thursday',
      avoid([3]),
      '2026-06-03',
      { holidayRegion: 'DE-NI' },
      '2026-06-04',
    ],
    [
      'not moved by the avoid rules: a Sunday due date stays (only moved dates land on working days)',
      {},
      '2026-03-22',
      {},
      '2026-03-22',
    ],
  ])('%s', (_rule, c, day, s, due) => {
    // Seen a few days before the due day (the touch it counts from lies in the past then).
    const now = new Date(`${day}T10:00:00Z`);
    now.setUTCDate(now.getUTCDate() - 5);
    expect(find(history(c, { interactions: dueOn(day) }), 'cadence', { s, now })?.due).toBe(due);
  });

  it('the move and the days passed over are said in the reasons', () => {
    const c = find(history(avoid([5, 6]), { interactions: dueOn('2026-03-20') }), 'cadence', {
      s: { locale: 'de' },
    });
    expect(c?.reasons).toContain(
      'Verschoben von Fr, 20.03.2026 auf Mo, 23.03.2026, weil zu meiden: Freitage und Samstage – nicht an Ihren freien Tagen: Sonntage',
    );
  });

  it('a holiday passed over is named', () => {
    const c = find(history(avoid([3]), { interactions: dueOn('2026-06-03') }), 'cadence', {
      s: { locale: 'de', holidayRegion: 'DE-BY' },
      now: new Date('2026-05-29T10:00:00Z'),
    });
    expect(c?.reasons.join(' ')).toContain('nicht an Ihren freien Tagen: Fronleichnam');
  });

  it('a birthday keeps its day on a Sunday, and the reason says to wish them that day', () => {
    const c = find(history({ birthday: { month: 3, day: 22 }, close: true }), 'birthday', {
      s: { locale: 'de' },
    });
    expect(c?.due).toBe('2026-03-22');
    expect(c?.reasons.join(' ')).toContain('vorher gratuliert man nicht');
    const weekday = find(history({ birthday: { month: 3, day: 18 }, close: true }), 'birthday', {
      s: { locale: 'de' },
    });
    expect(weekday?.reasons.join(' ')).not.toContain('vorher gratuliert man nicht');
  });
});

describe("the agenda's gates", () => {
  const complaint = feedback('2026-03-01', { complaint: true });
  const agendaKinds = (h: ContactHistory) =>
    buildAgenda([h], settings(), NOW).map((i) => i.suggestion.kind);

  it('while a complaint is open, business as usual waits', () => {
    const h = history(
      { birthday: { month: 3, day: 18 }, close: true, createdAt: '2024-01-01' },
      {
        feedback: [complaint],
        purchases: [purchase('2026-03-10', 800)],
        followUps: [followUp('2026-03-14')],
      },
    );
    expect(kinds(h)).toEqual(
      expect.arrayContaining(['complaint', 'after-purchase', 'birthday', 'cadence', 'feedback']),
    );
    expect(agendaKinds(h)).toEqual(['complaint', 'follow-up']);
  });

  it('a promise and a reply do not wait for the complaint', () => {
    const h = history(
      {},
      {
        feedback: [complaint],
        interactions: [mail('2026-03-12')],
      },
    );
    expect(agendaKinds(h)).toEqual(['complaint', 'reply']);
  });

  it('feedback due with the regular contact is asked in that conversation, not separately', () => {
    const h = history({ createdAt: '2024-01-01' }, { interactions: [interaction('2025-06-01')] });
    expect(kinds(h)).toEqual(expect.arrayContaining(['cadence', 'feedback']));
    expect(agendaKinds(h)).toEqual(['cadence']);
    const cadence = buildAgenda([h], settings({ locale: 'de' }), NOW)[0]!.suggestion;
    expect(cadence.talkingPoints.join('\n')).toContain('Feedback ist auch fällig');
    expect(cadence.talkingPoints.join('\n')).toContain('Was sollten wir verbessern?');
  });

  it('feedback alone stays on the agenda', () => {
    const h = history(
      { createdAt: '2024-01-01' },
      { interactions: [interaction('2026-03-01')], feedback: [feedback('2025-01-01')] },
    );
    expect(agendaKinds(h)).toEqual(['feedback']);
  });
});

describe('after a purchase, call when a phone number is known', () => {
  it.each<[string, Partial<Contact>, Tier, string]>([
    ['a C customer with a phone number → phone', { phones: ['+49 30 1234'] }, 'C', 'phone'],
    ['a C customer without one → personal e-mail', {}, 'C', 'email'],
    [
      'a preferred channel still wins',
      { phones: ['+49 30 1234'], preferredChannels: ['visit'] },
      'C',
      'visit',
    ],
  ])('%s', (_rule, c, tier, channel) => {
    const h = history(c, { purchases: [purchase('2026-03-12', 300)] });
    expect(find(h, 'after-purchase', { tier })?.channel).toBe(channel);
  });
});

describe('words a German customer-care consultant would sign', () => {
  it('an overdue promise: call today, apologise, name a date you will keep', () => {
    const h = history(
      {},
      { commitments: [commitment('2026-03-12', { text: 'Angebot schicken' })] },
    );
    expect(find(h, 'commitment', { s: { locale: 'de' } })?.talkingPoints[0]).toBe(
      'Heute anrufen, sich entschuldigen und einen neuen Termin nennen, den Sie sicher halten',
    );
  });

  it('a promise still ahead: call before it passes if it cannot be kept', () => {
    const h = history(
      {},
      { commitments: [commitment('2026-03-17', { text: 'Angebot schicken' })] },
    );
    expect(find(h, 'commitment', { s: { locale: 'de' } })?.talkingPoints[0]).toMatch(
      /^Ist der Termin nicht zu halten: vorher anrufen/,
    );
  });

  it('the feedback conversation carries the rules of a good conversation', () => {
    const h = history({ createdAt: '2024-01-01' }, { interactions: [interaction('2026-03-10')] });
    const tp = find(h, 'feedback', { s: { locale: 'de' } })?.talkingPoints.join('\n') ?? '';
    for (const rule of [
      'kein Auftritt',
      'Nach Fakten fragen',
      'Beim Wesentlichen bleiben',
      'ohne es zu bewerten',
      'nicht um zu verkaufen',
    ])
      expect(tp).toContain(rule);
  });
});
