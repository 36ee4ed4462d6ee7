// Something to bring to every touch (the issue of that name): occasions matched to the contacts they
// fit, German-aware and explained; the next touch carrying an attached occasion; a question about
// an open concern otherwise; thanks for referrals and customer anniversaries. Sunday, 15 March 2026,
// 11:00 in Berlin, unless a row says otherwise.
import { describe, expect, it } from 'vitest';
import {
  buildAgenda,
  createContext,
  fitsText,
  listCandidates,
  matchOccasion,
  occasionOutcomes,
  referrerFigures,
  type Candidate,
  type MatchSubject,
  type SuggestionKind,
} from '@/lib/core';
import type { Contact, ContactHistory, Occasion, Settings, Tier } from '@/lib/model';
import { feedback, history, interaction, purchase, settings } from './fixtures';

const NOW = new Date('2026-03-15T10:00:00Z');
const ctx = (s: Partial<Settings> = {}) => createContext(settings(s), NOW);

function occasion(over: Partial<Occasion> = {}): Occasion {
  return {
    id: 'o-go-digital',
    kind: 'funding',
    title: 'Förderprogramm go-digital',
    keywords: [],
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...over,
  };
}

function subject(c: Partial<Contact>, tier: Tier = 'B', more: Partial<MatchSubject> = {}) {
  const h = history({ lastName: undefined, ...c } as Partial<Contact>);
  return { contact: h.contact, purchases: [], tier, lastTouchDay: '2026-03-10', ...more };
}

const concern = (text: string, notedAt = '2025-10-12', over = {}) => ({
  id: `k-${text}`,
  text,
  notedAt,
  ...over,
});

describe('matching an occasion: German-aware', () => {
  // keywords of the occasion · what the contact has · does it fit
  it.each<[string, string[], Partial<Contact>, boolean]>([
    [
      '"Digitalisierung" finds the interest "digital"',
      ['Digitalisierung'],
      { interests: ['digital'] },
      true,
    ],
    ['"digital" finds "Digitalisierung"', ['digital'], { interests: ['Digitalisierung'] }, true],
    [
      '"Fördermittel" finds "Förderprogramm" (compounds sharing their first part)',
      ['Fördermittel'],
      { concerns: [concern('Förderprogramm beantragen')] },
      true,
    ],
    [
      'ä = ae: "foerdermittel" finds "Fördermittel"',
      ['foerdermittel'],
      { interests: ['Fördermittel'] },
      true,
    ],
    ['ß = ss: "Strasse" finds "Straße"', ['Strassenbau'], { interests: ['Straßenbau'] }, true],
    [
      'case does not matter: "erp" finds "ERP-Auswahl"',
      ['erp'],
      { concerns: [concern('ERP-Auswahl bis Q3')] },
      true,
    ],
    [
      'a compound\'s head: "Umzug" finds "Praxisumzug"',
      ['Umzug'],
      { concerns: [concern('Praxisumzug im April')] },
      true,
    ],
    [
      'plural and singular: "Veranstaltungen" finds "Veranstaltung"',
      ['Veranstaltungen'],
      { interests: ['Veranstaltung'] },
      true,
    ],
    [
      'a short word only as a whole: "KI" finds "KI-Strategie"',
      ['KI'],
      { interests: ['KI-Strategie'] },
      true,
    ],
    ['…and not "Kinder"', ['KI'], { interests: ['Kinder'] }, false],
    ['"Marketing" is not "Marktanalyse"', ['Marketing'], { interests: ['Marktanalyse'] }, false],
    ['the title counts too', [], { interests: ['Digitalisierung'] }, true],
    [
      'a closed concern does not fit',
      ['Umzug'],
      { concerns: [concern('Praxisumzug', '2025-10-12', { closedAt: '2026-01-10' })] },
      false,
    ],
    [
      'a concern whose end has passed does not fit',
      ['Umzug'],
      { concerns: [concern('Praxisumzug', '2025-10-12', { until: '2026-03-01' })] },
      false,
    ],
    [
      'the company alone is too weak when only its first part is shared',
      ['Förderbank'],
      { company: 'Fördertechnik GmbH' },
      false,
    ],
    ['the position counts', ['Steuer'], { position: 'Steuerberaterin' }, true],
  ])('%s', (_, keywords, c, fits) => {
    const found = matchOccasion(occasion({ keywords }), [subject(c)], ctx());
    expect(found.length > 0).toBe(fits);
  });

  it('reads what they bought', () => {
    const s = subject({});
    s.purchases = [purchase('2025-11-20', 1200, { description: 'Beratung Fördermittelantrag' })];
    const [m] = matchOccasion(occasion({ keywords: ['Förderung'] }), [s], ctx());
    expect(m?.fits).toEqual([
      expect.objectContaining({ source: 'purchase', text: 'Beratung Fördermittelantrag' }),
    ]);
  });

  it('with keywords, what they bought is compared with the keywords only: a shared format is no fit', () => {
    const workshop = occasion({
      kind: 'product',
      title: 'Neu: Kompaktworkshop E-Rechnung',
      keywords: ['XRechnung', 'ZUGFeRD'],
    });
    const bought = subject({});
    bought.purchases = [purchase('2025-11-20', 900, { description: 'Workshop Prozesslandkarte' })];
    expect(matchOccasion(workshop, [bought], ctx())).toEqual([]);
    // Without keywords the title is all there is, and counts fully.
    expect(matchOccasion({ ...workshop, keywords: [] }, [bought], ctx())).toHaveLength(1);
    // A title word that names what moves them fits as any keyword does.
    const keen = subject({ interests: ['E-Rechnung'] });
    expect(matchOccasion(workshop, [keen], ctx())).toHaveLength(1);
    const funding = occasion({ title: 'Förderprogramm go-digital', keywords: ['Digitalisierung'] });
    const saving = subject({ concerns: [concern('Fördermittel für die Werkstatt')] });
    expect(matchOccasion(funding, [saving], ctx())).toHaveLength(1);
  });

  it('explains the fit in the contact’s own words, German and English', () => {
    const s = subject({
      interests: ['Digitalisierung'],
      concerns: [concern('ERP-Auswahl bis Q3', '2025-10-12')],
    });
    const [m] = matchOccasion(occasion({ keywords: ['digital', 'ERP'] }), [s], ctx());
    expect(fitsText(m?.fits ?? [], 'de')).toBe(
      'passt zu: ERP-Auswahl bis Q3 (Thema seit 12.10.2025), Digitalisierung (Interesse)',
    );
    expect(fitsText(m?.fits ?? [], 'en')).toBe(
      'fits ERP-Auswahl bis Q3 (concern since 12 Oct 2025), Digitalisierung (interest)',
    );
  });
});

describe('matching an occasion: who comes first', () => {
  const o = occasion({ keywords: ['Digitalisierung'] });
  const names = (subjects: ReturnType<typeof subject>[]) =>
    matchOccasion(o, subjects, ctx()).map((m) => m.name);

  it('an A customer before a C customer with the same fit', () => {
    expect(
      names([
        subject({ name: 'C-Kunde', interests: ['digital'] }, 'C'),
        subject({ name: 'A-Kunde', interests: ['digital'] }, 'A'),
      ]),
    ).toEqual(['A-Kunde', 'C-Kunde']);
  });

  it('someone we owe a touch before someone we just spoke to', () => {
    expect(
      names([
        subject({ name: 'Frisch', interests: ['digital'] }, 'B', { lastTouchDay: '2026-03-10' }),
        subject({ name: 'Überfällig', interests: ['digital'] }, 'B', {
          lastTouchDay: '2025-10-01',
        }),
      ]),
    ).toEqual(['Überfällig', 'Frisch']);
  });

  it('what moves them now weighs more than an interest, an interest more than the company', () => {
    expect(
      names([
        subject({ name: 'Firma', company: 'Digitalisierung AG' }),
        subject({ name: 'Interesse', interests: ['Digitalisierung'] }),
        subject({ name: 'Thema', concerns: [concern('Digitalisierung der Praxis')] }),
      ]),
    ).toEqual(['Thema', 'Interesse', 'Firma']);
  });

  it('leaves out lost contacts and those it was brought to; marks those it is attached to', () => {
    const lost = subject({ name: 'Verloren', status: 'lost', interests: ['digital'] });
    const brought = subject({ name: 'Gebracht', interests: ['digital'] });
    const planned = subject({
      name: 'Vorgemerkt',
      interests: ['digital'],
      plannedOccasions: [{ occasionId: o.id, at: '2026-03-02T09:00:00.000Z' }],
    });
    const found = matchOccasion(o, [lost, brought, planned], ctx(), new Set([brought.contact.id]));
    expect(found.map((m) => [m.name, m.planned])).toEqual([['Vorgemerkt', true]]);
  });

  it('says how overdue the relationship is', () => {
    const [m] = matchOccasion(
      o,
      [subject({ interests: ['digital'] }, 'B', { lastTouchDay: '2025-12-01' })],
      ctx(),
    );
    // B: every 45 days; 1 December + 45 = 15 January; 15 March is 59 days later.
    expect(m?.overdueDays).toBe(59);
  });
});

// ---------------------------------------------------------------------------------------------
// The next touch carries it

function candidates(
  h: ContactHistory,
  occasions: Occasion[],
  opts: { tier?: Tier; s?: Partial<Settings> } = {},
) {
  return listCandidates(h, opts.tier ?? 'B', settings(opts.s), NOW, occasions);
}
const find = (list: Candidate[], kind: SuggestionKind) => list.find((c) => c.kind === kind);

/** A B customer whose regular touch is due (last call 1 January, every 45 days). */
const due = (c: Partial<Contact> = {}, more: Partial<Omit<ContactHistory, 'contact'>> = {}) =>
  history(
    { interests: ['Segeln'], ...c },
    { interactions: [interaction('2026-01-01T10:00:00Z')], ...more },
  );

const planned = (id: string) => [{ occasionId: id, at: '2026-03-02T09:00:00.000Z' }];

describe('the next touch brings the attached occasion', () => {
  const o = occasion({ text: 'Bis zu 50 % Zuschuss für Beratung' });

  it('names it in the reasons and starts the talking points with it', () => {
    const c = find(
      candidates(due({ plannedOccasions: planned(o.id) }), [o], { s: { locale: 'de' } }),
      'cadence',
    );
    expect(c?.occasionId).toBe(o.id);
    expect(c?.reasons).toContain('Anlass: Förderprogramm go-digital');
    expect(c?.talkingPoints[0]).toBe(
      'Mitbringen: Förderprogramm go-digital – Bis zu 50 % Zuschuss für Beratung',
    );
  });

  it('an after-purchase check-in brings it too', () => {
    const h = due(
      { plannedOccasions: planned(o.id) },
      {
        interactions: [interaction('2026-03-01T10:00:00Z')],
        purchases: [purchase('2026-03-10', 800)],
      },
    );
    expect(find(candidates(h, [o]), 'after-purchase')?.occasionId).toBe(o.id);
  });

  it('the check-in after a purchase asks, it does not sell: no new product carried or offered', () => {
    const product = occasion({
      id: 'o-product',
      kind: 'product',
      title: 'Neu: Segeltörn-Planung als App',
      keywords: ['Segeln'],
    });
    const after = (plans: string[]) =>
      find(
        candidates(
          due(
            { plannedOccasions: plans.flatMap(planned) },
            {
              interactions: [interaction('2026-03-01T10:00:00Z')],
              purchases: [purchase('2026-03-10', 800)],
            },
          ),
          [product],
          { s: { locale: 'de' } },
        ),
        'after-purchase',
      );
    expect(after([product.id])?.occasionId).toBeUndefined();
    expect(after([])?.talkingPoints.join(' ')).not.toContain('Segeltörn');
    // The regular touch offers it.
    const c = find(candidates(due(), [product], { s: { locale: 'de' } }), 'cadence');
    expect(c?.talkingPoints.join(' ')).toContain('Könnte passen: „Neu: Segeltörn-Planung als App“');
  });

  it('a birthday offers only what is personal', () => {
    const funding = occasion({ keywords: ['Segeln'] });
    const birthday = (list: Occasion[]) =>
      find(
        candidates(
          due(
            { birthday: { month: 3, day: 17 } },
            {
              interactions: [interaction('2026-03-01T10:00:00Z')],
            },
          ),
          list,
          { s: { locale: 'de' } },
        ),
        'birthday',
      )?.talkingPoints.join(' ');
    expect(birthday([funding])).not.toContain('Könnte passen');
    const tip = occasion({ id: 'o-tip', kind: 'tip', title: 'Buchtipp: Segeln um Kap Hoorn' });
    expect(birthday([funding, tip])).toContain('Könnte passen: „Buchtipp: Segeln um Kap Hoorn“');
  });

  it('a birthday brings a tip, never a funding programme', () => {
    const birthday = { month: 3, day: 17 };
    const tip = occasion({ id: 'o-tip', kind: 'tip', title: 'Restauranttipp: Zur Linde' });
    const near = (plans: string[]) =>
      find(
        candidates(
          due(
            { birthday, plannedOccasions: plans.flatMap(planned) },
            { interactions: [interaction('2026-03-01T10:00:00Z')] },
          ),
          [o, tip],
        ),
        'birthday',
      );
    expect(near([o.id])?.occasionId).toBeUndefined();
    expect(near([o.id, tip.id])?.occasionId).toBe('o-tip');
  });

  it('a complaint or a promise carries nothing', () => {
    const h = due(
      { plannedOccasions: planned(o.id) },
      { feedback: [feedback('2026-03-12', { complaint: true })] },
    );
    expect(find(candidates(h, [o]), 'complaint')?.occasionId).toBeUndefined();
  });

  it('once brought, it is not suggested to the same person again', () => {
    const h = due(
      { plannedOccasions: planned(o.id) },
      {
        interactions: [
          interaction('2026-01-01T10:00:00Z', {
            brought: { kind: 'occasion', occasionId: o.id, text: o.title },
          }),
        ],
      },
    );
    const c = find(candidates(h, [o]), 'cadence');
    expect(c?.occasionId).toBeUndefined();
    expect(c?.reasons.join(' ')).not.toContain('go-digital');
  });

  it('an occasion past its validity is not brought', () => {
    const old = occasion({ validUntil: '2026-03-14' });
    expect(
      find(candidates(due({ plannedOccasions: planned(old.id) }), [old]), 'cadence')?.occasionId,
    ).toBeUndefined();
  });
});

describe('without an attached occasion: ask about what moves them, offer what fits', () => {
  it('asks how an open concern stands, the latest first', () => {
    const h = due({
      concerns: [
        concern('Praxisumzug im April', '2025-09-01'),
        concern('ERP-Auswahl bis Q3', '2025-10-12'),
      ],
    });
    const c = find(candidates(h, [], { s: { locale: 'de' } }), 'cadence');
    expect(c?.talkingPoints[0]).toBe(
      'Nach dem Stand fragen: ERP-Auswahl bis Q3 (notiert am 12.10.2025)',
    );
  });

  it('without a concern it picks up on an interest', () => {
    const c = find(candidates(due(), [], { s: { locale: 'de' } }), 'cadence');
    expect(c?.talkingPoints[0]).toBe('An ihre Interessen anknüpfen: Segeln');
    expect(c?.talkingPoints.filter((t) => t.includes('Segeln'))).toHaveLength(1);
  });

  it('offers a current occasion that fits, with why', () => {
    const regatta = occasion({
      id: 'o-regatta',
      kind: 'event',
      title: 'Einladung zur Kieler Woche',
      keywords: ['Segeln', 'Regatta'],
    });
    const c = find(candidates(due(), [regatta], { s: { locale: 'de' } }), 'cadence');
    expect(c?.talkingPoints[1]).toBe(
      'Könnte passen: „Einladung zur Kieler Woche“ – passt zu: Segeln (Interesse)',
    );
    expect(c?.occasionId).toBeUndefined();
  });

  it('does not offer one that fits nobody', () => {
    const other = occasion({ keywords: ['Steuerrecht'] });
    const c = find(candidates(due(), [other]), 'cadence');
    expect(c?.talkingPoints.join(' ')).not.toContain('Might fit');
  });

  it('shows lightly what was last brought', () => {
    const h = due(
      {},
      {
        interactions: [
          interaction('2026-01-01T10:00:00Z', {
            brought: { kind: 'tip', text: 'Restaurant Zur Linde' },
          }),
        ],
      },
    );
    const c = find(candidates(h, [], { s: { locale: 'de' } }), 'cadence');
    expect(c?.talkingPoints).toContain(
      'Zuletzt mitgebracht (01.01.2026): Tipp: Restaurant Zur Linde',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Referrals and loyalty

describe('a thank-you for a referral', () => {
  /** The referrer and one contact they recommended, with that contact's purchases. */
  function pair(tier: Tier, purchases: ReturnType<typeof purchase>[], referrerTouch?: string) {
    const referrer = history(
      { id: 'ref-1', name: 'Petra Empfehlerin' },
      { interactions: [interaction(referrerTouch ?? '2026-02-20T10:00:00Z')] },
    );
    const referred = history(
      { id: 'new-1', name: 'Karl Neukunde', referredBy: 'ref-1' },
      { purchases },
    );
    const s = settings({ locale: 'de', tierMode: 'manual' });
    referrer.contact.tierOverride = tier;
    return buildAgenda([referrer, referred], s, NOW).filter((i) => i.contactId === 'ref-1');
  }

  it.each<[string, Tier, string[], string | undefined, SuggestionKind | null, string | null]>([
    [
      'B: the first purchase of the one recommended → a letter',
      'B',
      ['2026-03-10'],
      undefined,
      'referral-thanks',
      'letter',
    ],
    ['A: a small gift', 'A', ['2026-03-10'], undefined, 'referral-thanks', 'gift'],
    ['C: a personal line', 'C', ['2026-03-10'], undefined, 'referral-thanks', 'email'],
    [
      'already spoken to since the purchase: thanked',
      'B',
      ['2026-03-10'],
      '2026-03-12T10:00:00Z',
      null,
      null,
    ],
    ['a first purchase 70 days ago is too long ago', 'B', ['2026-01-04'], undefined, null, null],
    ['no purchase yet, no thanks yet', 'B', [], undefined, null, null],
  ])('%s', (_, tier, days, touch, kind, channel) => {
    const items = pair(
      tier,
      days.map((d) => purchase(d, 3400)),
      touch,
    );
    const thanks = items.find((i) => i.suggestion.kind === 'referral-thanks');
    expect(thanks?.suggestion.kind ?? null).toBe(kind);
    expect(thanks?.suggestion.channel ?? null).toBe(channel);
  });

  it('says who, when and how: thanks, no offer', () => {
    const [thanks] = pair('B', [purchase('2026-03-10', 3400)]);
    expect(thanks?.suggestion.due).toBe('2026-03-10');
    expect(thanks?.suggestion.reasons).toEqual([
      'Empfehlung: Karl Neukunde hat am Di, 10.03.2026 zum ersten Mal gekauft (3.400\u00a0€) – seit 5 Tagen überfällig',
      'Danke sagen – kein Angebot: für B-Kunden ein handgeschriebener Brief',
    ]);
    expect(thanks?.suggestion.talkingPoints[0]).toBe(
      'Persönlich für das Vertrauen danken; bei diesem Kontakt nichts verkaufen',
    );
  });
});

describe('customer anniversaries (A and B)', () => {
  const anniversary = (
    tier: Tier,
    first: string,
    more: Partial<Omit<ContactHistory, 'contact'>> = {},
  ) =>
    find(
      candidates(
        history({}, { purchases: [purchase(first, 500), purchase('2025-06-01', 900)], ...more }),
        [],
        { tier, s: { locale: 'de' } },
      ),
      'anniversary',
    );

  it.each<[string, Tier, string, string | null, boolean]>([
    ['5 years on 18 March: due then, pressing 3 days ahead', 'B', '2021-03-18', '2026-03-18', true],
    ['10 years today', 'A', '2016-03-15', '2026-03-15', true],
    ['4 years: no anniversary', 'B', '2022-03-18', null, false],
    ['5 years, but in 8 days: not yet pressing', 'B', '2021-03-23', '2026-03-23', false],
    ['C customers get none', 'C', '2021-03-18', null, false],
  ])('%s', (_, tier, first, dueDay, pressing) => {
    const c = anniversary(tier, first);
    expect(c?.due ?? null).toBe(dueDay);
    if (c) expect(c.pressing).toBe(pressing);
  });

  it('counts from the first purchase above 0, not a refund', () => {
    const c = find(
      candidates(
        history({}, { purchases: [purchase('2021-03-01', -200), purchase('2021-03-18', 500)] }),
        [],
        { tier: 'B' },
      ),
      'anniversary',
    );
    expect(c?.due).toBe('2026-03-18');
  });

  it('thanks, no offer: a letter for B, a small gift for A', () => {
    const b = anniversary('B', '2021-03-18');
    expect(b?.channel).toBe('letter');
    expect(b?.reasons).toEqual([
      'Seit 5 Jahren Kunde in 3 Tagen (Mi, 18.03.2026) (erster Kauf am 18.03.2021)',
      'Danke sagen – kein Angebot: für B-Kunden ein handgeschriebener Brief',
    ]);
    expect(anniversary('A', '2021-03-18')?.channel).toBe('gift');
  });

  it('waits while a complaint is open', () => {
    const h = history(
      {},
      {
        purchases: [purchase('2021-03-15', 500)],
        feedback: [feedback('2026-03-12', { complaint: true })],
        interactions: [interaction('2026-03-01T10:00:00Z')],
      },
    );
    const kinds = buildAgenda([h], settings({ tierMode: 'manual' }), NOW).map(
      (i) => i.suggestion.kind,
    );
    h.contact.tierOverride = 'B';
    const again = buildAgenda([h], settings({ tierMode: 'manual' }), NOW).map(
      (i) => i.suggestion.kind,
    );
    expect(kinds).not.toContain('anniversary');
    expect(again).toEqual(['complaint']);
  });
});

describe('insights: referrers and what occasions brought', () => {
  it('referrers with what their referrals bought, most revenue first', () => {
    const petra = history({ id: 'r-petra', name: 'Petra' });
    const otto = history({ id: 'r-otto', name: 'Otto' });
    const a = history(
      { name: 'A', referredBy: 'r-petra' },
      { purchases: [purchase('2026-01-10', 10_000), purchase('2026-02-10', 4000)] },
    );
    const b = history({ name: 'B', referredBy: 'r-petra' });
    const c = history(
      { name: 'C', referredBy: 'r-otto' },
      { purchases: [purchase('2026-02-01', 500)] },
    );
    expect(referrerFigures([petra, otto, a, b, c], settings(), NOW)).toEqual([
      { contactId: 'r-petra', name: 'Petra', referred: 2, customers: 1, revenue: 14_000 },
      { contactId: 'r-otto', name: 'Otto', referred: 1, customers: 1, revenue: 500 },
    ]);
  });

  it('occasions: how often brought, and whether a purchase or a reply followed within 60 days', () => {
    const o = occasion();
    const brought = (at: string) =>
      interaction(at, { brought: { kind: 'occasion', occasionId: o.id, text: o.title } });
    const bought = history(
      {},
      { interactions: [brought('2026-01-10T10:00:00Z')], purchases: [purchase('2026-02-01', 900)] },
    );
    const answered = history(
      {},
      {
        interactions: [
          brought('2026-01-10T10:00:00Z'),
          interaction('2026-01-12T09:00:00Z', { direction: 'in', channel: 'email' }),
        ],
      },
    );
    const late = history(
      {},
      { interactions: [brought('2025-10-01T10:00:00Z')], purchases: [purchase('2026-01-15', 900)] },
    );
    const never = history();
    expect(occasionOutcomes([o], [bought, answered, late, never], settings(), NOW)).toEqual([
      { occasionId: o.id, title: o.title, brought: 3, followed: 2, purchases: 1, replies: 1 },
    ]);
  });
});
