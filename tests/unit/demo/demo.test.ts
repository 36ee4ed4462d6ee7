import { describe, expect, it } from 'vitest';
import { buildAgenda } from '@/lib/core';
import { flattenHistories, generateDemo, generateDemoData } from '@/lib/demo';
import {
  CommitmentSchema,
  ContactSchema,
  FeedbackSchema,
  FollowUpSchema,
  InteractionSchema,
  OccasionSchema,
  PurchaseSchema,
  DEFAULT_SETTINGS,
  canonicalProfileUrl,
  type ContactHistory,
} from '@/lib/model';
import {
  UUID_V4,
  addDays,
  dayIn,
  daysBetween,
  expectCanonical,
  nextBirthday,
  paretoTiers,
  recordDay,
  unitKey,
  unitRevenue,
} from '../../support/data-checks';

const TZ = 'Europe/Berlin';
const NOW = new Date('2026-03-10T09:00:00Z');

/** Moments that stress the calendar: year end, a leap day in the look-ahead, just after midnight
 * in Berlin (still the day before in UTC), a summer day. */
const MOMENTS = [
  '2026-03-10T09:00:00Z',
  '2026-12-29T16:00:00Z',
  '2028-02-27T10:00:00Z',
  '2027-06-15T22:30:00Z',
  '2025-08-01T05:00:00Z',
].map((s) => new Date(s));

function demo(now = NOW, seed?: number): ContactHistory[] {
  return generateDemoData({ now, seed, timeZone: TZ });
}

describe.each(MOMENTS.map((now) => [now.toISOString(), now] as const))(
  'demo data at %s',
  (_label, now) => {
    const histories = demo(now);
    const flat = flattenHistories(histories);
    const today = dayIn(now, TZ);

    it('passes the model schemas, every record already in canonical form', () => {
      const problems: string[] = [];
      const check = (schema: Parameters<typeof expectCanonical>[0], records: unknown[]) => {
        for (const r of records) {
          const problem = expectCanonical(schema, r);
          if (problem) problems.push(problem);
        }
      };
      check(ContactSchema, flat.contacts);
      check(InteractionSchema, flat.interactions);
      check(CommitmentSchema, flat.commitments);
      check(FeedbackSchema, flat.feedback);
      check(PurchaseSchema, flat.purchases);
      check(FollowUpSchema, flat.followUps);
      expect(problems).toEqual([]);
    });

    it('has about 40 contacts, prospects among them, with UUID v4 ids unique across all tables', () => {
      expect(flat.contacts.length).toBeGreaterThanOrEqual(38);
      expect(flat.contacts.length).toBeLessThanOrEqual(42);
      expect(flat.contacts.filter((c) => c.status === 'prospect').length).toBeGreaterThanOrEqual(3);
      const ids = [
        ...flat.contacts,
        ...flat.interactions,
        ...flat.commitments,
        ...flat.feedback,
        ...flat.purchases,
        ...flat.followUps,
      ].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(UUID_V4);
      for (const h of histories) {
        const own = [h.interactions, h.commitments, h.feedback, h.purchases, h.followUps].flat();
        for (const r of own) expect(r.contactId).toBe(h.contact.id);
      }
    });

    it('dates nothing after now and nothing before the contact was created', () => {
      const nowIso = now.toISOString();
      const late: string[] = [];
      const early: string[] = [];
      const instant = (what: string, value: string | undefined, created: string) => {
        if (value === undefined) return;
        if (value.length === 10 ? value > today : value > nowIso) late.push(`${what} ${value}`);
        if (value.slice(0, 10) < created.slice(0, 10)) early.push(`${what} ${value}`);
      };
      for (const h of histories) {
        const c = h.contact;
        instant('createdAt', c.createdAt, c.createdAt);
        instant('updatedAt', c.updatedAt, c.createdAt);
        instant('lost.at', c.lost?.at, c.createdAt);
        instant('exit', c.lost?.exitConversationAt, c.createdAt);
        for (const i of h.interactions) instant('interaction', i.at, c.createdAt);
        for (const p of h.purchases) instant('purchase', p.at, c.createdAt);
        for (const f of h.feedback) {
          instant('feedback', f.at, c.createdAt);
          instant('resolved', f.resolvedAt, c.createdAt);
        }
        for (const k of h.commitments) {
          instant('promise made', k.createdAt, c.createdAt);
          instant('promise kept', k.doneAt, c.createdAt);
        }
        for (const f of h.followUps) instant('follow-up done', f.doneAt, c.createdAt);
      }
      expect(late).toEqual([]);
      expect(early).toEqual([]);
    });

    it('keeps two years of history: personal contacts and newsletters that are not personal', () => {
      const first = flat.interactions.map((i) => i.at).sort()[0]!;
      expect(daysBetween(first, today)).toBeLessThanOrEqual(731);
      expect(daysBetween(first, today)).toBeGreaterThan(650);
      const mass = flat.interactions.filter((i) => !i.personal);
      expect(mass.length).toBeGreaterThan(100);
      for (const m of mass) {
        expect(m.channel).toBe('email');
        expect(m.summary).toMatch(/Newsletter|Serienmail/);
      }
      const channels = new Set(flat.interactions.filter((i) => i.personal).map((i) => i.channel));
      for (const c of ['phone', 'visit', 'email', 'xing', 'linkedin', 'gift', 'event', 'meeting']) {
        expect(channels).toContain(c);
      }
      for (const i of flat.interactions) expect(i.summary?.length ?? 0).toBeGreaterThan(10);
    });

    it('has exactly one open complaint, with a low rating; other feedback mostly good', () => {
      const open = flat.feedback.filter((f) => f.complaint && !f.resolvedAt);
      expect(open).toHaveLength(1);
      expect(Math.min(open[0]!.product ?? 5, open[0]!.service ?? 5)).toBeLessThanOrEqual(2);
      const good = flat.feedback.filter((f) => Math.min(f.product ?? 5, f.service ?? 5) >= 4);
      expect(good.length / flat.feedback.length).toBeGreaterThan(0.7);
    });

    it('has exactly two lost customers, one of them without an exit conversation', () => {
      const lost = flat.contacts.filter((c) => c.status === 'lost');
      expect(lost).toHaveLength(2);
      expect(lost.map((c) => c.lost?.reason).sort()).toEqual(['competitor', 'price']);
      const withExit = lost.filter((c) => c.lost?.exitConversationAt);
      expect(withExit).toHaveLength(1);
      expect(withExit[0]!.lost?.learned).toBeTruthy();
      expect(lost.filter((c) => !c.lost?.exitConversationAt)).toHaveLength(1);
      for (const c of flat.contacts) if (c.status !== 'lost') expect(c.lost).toBeUndefined();
    });

    it('lost customers have no contacts or purchases after they left, except the exit call', () => {
      for (const h of histories.filter((x) => x.contact.status === 'lost')) {
        const lostDay = h.contact.lost!.at;
        const after = h.interactions.filter((i) => recordDay(i.at, TZ) > lostDay);
        expect(after.map((i) => i.at)).toEqual(
          h.contact.lost!.exitConversationAt ? [h.contact.lost!.exitConversationAt] : [],
        );
        expect(h.purchases.filter((p) => p.at > lostDay)).toEqual([]);
      }
    });

    it('has open promises: exactly one overdue, one due tomorrow; others kept on time or late', () => {
      const open = flat.commitments.filter((c) => !c.doneAt);
      expect(open.filter((c) => c.dueAt < today)).toHaveLength(1);
      expect(open.filter((c) => c.dueAt === addDays(today, 1))).toHaveLength(1);
      const done = flat.commitments.filter((c) => c.doneAt);
      const onTime = done.filter((c) => recordDay(c.doneAt!, TZ) <= c.dueAt);
      expect(onTime.length).toBeGreaterThanOrEqual(2);
      expect(done.length - onTime.length).toBeGreaterThanOrEqual(2);
    });

    it('shows birthdays in the next 7 days, a partner birthday among them, and a 29 February', () => {
      const within = (b: { month: number; day: number } | undefined) =>
        b !== undefined && nextBirthday(b, today) <= addDays(today, 7);
      expect(flat.contacts.filter((c) => within(c.birthday)).length).toBeGreaterThanOrEqual(2);
      expect(
        flat.contacts.filter((c) => within(c.partner?.birthday)).length,
      ).toBeGreaterThanOrEqual(1);
      expect(flat.contacts.some((c) => c.birthday?.month === 2 && c.birthday.day === 29)).toBe(
        true,
      );
      const birthdays = flat.contacts.flatMap((c) => (c.birthday ? [c.birthday] : []));
      expect(birthdays.some((b) => b.year !== undefined)).toBe(true);
      expect(birthdays.some((b) => b.year === undefined)).toBe(true);
      const thisYear = Number(today.slice(0, 4));
      for (const b of birthdays) {
        if (b.year !== undefined) {
          expect(thisYear - b.year).toBeGreaterThan(20);
          expect(thisYear - b.year).toBeLessThan(80);
        }
      }
    });

    it('has a snoozed follow-up and an open one', () => {
      const open = flat.followUps.filter((f) => !f.doneAt);
      expect(open.filter((f) => f.snoozedUntil && f.snoozedUntil > today)).toHaveLength(1);
      expect(open.filter((f) => !f.snoozedUntil).length).toBeGreaterThanOrEqual(1);
    });

    it('splits revenue A/B/C: a few large units bring about 80 %', () => {
      const units = unitRevenue(histories, today);
      const tiers = paretoTiers(units);
      const total = units.reduce((s, u) => s + u.revenue, 0);
      const a = units.filter((u) => tiers.get(u.unit) === 'A');
      const b = units.filter((u) => tiers.get(u.unit) === 'B');
      const c = units.filter((u) => tiers.get(u.unit) === 'C' && u.revenue > 0);
      expect(a.map((u) => u.unit).sort()).toEqual([
        'company:brandt & söhne maschinenbau kg',
        'company:müller bau gmbh',
        'company:nordlicht versicherungsmakler ag',
      ]);
      const aShare = a.reduce((s, u) => s + u.revenue, 0) / total;
      expect(aShare).toBeGreaterThanOrEqual(0.8);
      expect(aShare).toBeLessThan(0.85);
      expect(b.length).toBeGreaterThanOrEqual(4);
      expect(c.length).toBeGreaterThanOrEqual(10);
      // A small customer with high potential.
      const promising = histories.filter((h) => {
        const unit = units.find((u) => u.unit === unitKey(h));
        return (
          unit &&
          tiers.get(unit.unit) === 'C' &&
          (h.contact.potential ?? 0) >= 10 * Math.max(unit.revenue, 1)
        );
      });
      expect(promising.length).toBeGreaterThanOrEqual(1);
    });

    it('has people sharing a company, sole proprietors with partners, unique e-mails', () => {
      const byCompany = new Map<string, number>();
      for (const c of flat.contacts) {
        if (c.company) byCompany.set(c.company, (byCompany.get(c.company) ?? 0) + 1);
      }
      const shared = [...byCompany.values()].filter((n) => n >= 2);
      expect(shared.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...byCompany.values())).toBeGreaterThanOrEqual(3);
      const soloWithPartner = flat.contacts.filter(
        (c) => c.partner && c.company && byCompany.get(c.company) === 1,
      );
      expect(soloWithPartner.length).toBeGreaterThanOrEqual(3);
      const forms = ['GmbH', 'AG', 'KG', 'e.K.', 'Praxis', 'Kanzlei'];
      for (const f of forms) {
        expect([...byCompany.keys()].some((n) => n.toLowerCase().includes(f.toLowerCase()))).toBe(
          true,
        );
      }

      const emails = flat.contacts.flatMap((c) => c.emails);
      expect(new Set(emails).size).toBe(emails.length);
      for (const e of emails) expect(e).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.de$/);
      expect(emails).toContain('a.mueller@mueller-bau.de');
      expect(flat.contacts.some((c) => c.name.startsWith('Dr. '))).toBe(true);
      expect(flat.contacts.some((c) => /[äöüß]/.test(c.name))).toBe(true);
    });

    it('has canonical XING and LinkedIn profile URLs for many', () => {
      const urls = flat.contacts.flatMap((c) => c.profileUrls);
      expect(new Set(urls).size).toBe(urls.length);
      const xing = urls.filter((u) => u.startsWith('https://www.xing.com/'));
      const linkedin = urls.filter((u) => u.startsWith('https://www.linkedin.com/'));
      expect(xing.length).toBeGreaterThanOrEqual(10);
      expect(linkedin.length).toBeGreaterThanOrEqual(10);
      for (const u of xing)
        expect(u).toMatch(/^https:\/\/www\.xing\.com\/profile\/[A-Za-z-]+_[A-Za-z-]+$/);
      for (const u of linkedin) {
        expect(u).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z-]+-[0-9a-f]{6}$/);
      }
      for (const u of urls) expect(canonicalProfileUrl(u)).toBe(u);
      for (const p of flat.contacts.flatMap((c) => c.phones))
        expect(p).toMatch(/^\+49 \d{2,3} \d{7,8}$/);
    });

    it('records soft facts: preferences, channels, Sie/Du, times to avoid, plan overrides, notes', () => {
      const c = flat.contacts;
      expect(c.map((x) => x.preferences)).toContain('trinkt nur grünen Tee');
      expect(c.some((x) => x.preferences?.includes('keine Anrufe vor 10 Uhr'))).toBe(true);
      expect(c.some((x) => x.avoid?.months?.includes(12))).toBe(true);
      expect(c.some((x) => x.avoid?.weekdays?.length)).toBe(true);
      expect(c.some((x) => x.avoid?.hours)).toBe(true);
      const plans = c.filter((x) => x.plan);
      expect(plans.length).toBeGreaterThanOrEqual(1);
      expect(plans.length).toBeLessThanOrEqual(3);
      expect(c.some((x) => x.address === 'Sie')).toBe(true);
      expect(c.some((x) => x.address === 'Du')).toBe(true);
      expect(c.filter((x) => x.howWeMet).length).toBeGreaterThanOrEqual(5);
      expect(c.filter((x) => x.notes).length).toBeGreaterThanOrEqual(5);
      expect(c.every((x) => x.preferredChannels.length > 0 && x.interests.length > 0)).toBe(true);
    });

    it('asks for feedback routinely: only a few contacts are due for it', () => {
      const tiers = paretoTiers(unitRevenue(histories, today));
      const every = { A: 90, B: 180, C: 365 };
      const due = histories.filter((h) => {
        if (h.contact.status !== 'active') return false;
        const interval = h.contact.plan?.feedbackEveryDays ?? every[tiers.get(unitKey(h)) ?? 'C'];
        const last = h.feedback.at(-1)?.at ?? h.contact.createdAt;
        return daysBetween(recordDay(last, TZ), today) >= interval;
      });
      expect(due.length).toBeGreaterThanOrEqual(1);
      expect(due.length).toBeLessThanOrEqual(4);
    });

    it('lets revenue fall by half for one firm only (an early warning), person by person', () => {
      const from = addDays(today, -364);
      const before = addDays(today, -729);
      const falling = new Set<string>();
      for (const h of histories) {
        if (h.contact.status !== 'active') continue;
        const sum = (lo: string, hi: string) =>
          h.purchases.filter((p) => p.at >= lo && p.at < hi).reduce((s, p) => s + p.amount, 0);
        const recent = sum(from, addDays(today, 1));
        const earlier = sum(before, from);
        if (earlier > 0 && recent * 2 < earlier) falling.add(h.contact.company ?? h.contact.id);
      }
      expect([...falling]).toEqual(['Kanzlei Schäfer & Partner Rechtsanwälte']);
    });

    it('puts visits and meetings on working days', () => {
      const weekday = (iso: string) => new Date(`${recordDay(iso, TZ)}T12:00:00Z`).getUTCDay();
      const onWeekend = flat.interactions.filter(
        (i) => (i.channel === 'visit' || i.channel === 'meeting') && [0, 6].includes(weekday(i.at)),
      );
      expect(onWeekend).toEqual([]);
      for (const p of flat.purchases) expect([0, 6]).not.toContain(weekday(p.at));
    });

    it('makes the timeline believable: contact frequency follows the tier, some are overdue', () => {
      const tiers = paretoTiers(unitRevenue(histories, today));
      const perYear: Record<'A' | 'B' | 'C', number[]> = { A: [], B: [], C: [] };
      const overdue: Record<'A' | 'B' | 'C', number> = { A: 0, B: 0, C: 0 };
      const interval = { A: 14, B: 45, C: 120 };
      for (const h of histories) {
        if (h.contact.status !== 'active') continue;
        const tier = tiers.get(unitKey(h)) ?? 'C';
        const personal = h.interactions.filter((i) => i.personal);
        const span = Math.min(730, daysBetween(h.contact.createdAt, today));
        perYear[tier].push((personal.length * 365) / span);
        const last = personal.at(-1);
        const silent = last ? daysBetween(last.at, today) : span;
        if (silent > (h.contact.plan?.contactEveryDays ?? interval[tier])) overdue[tier]++;
      }
      const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(avg(perYear.A)).toBeGreaterThan(avg(perYear.B));
      expect(avg(perYear.B)).toBeGreaterThan(avg(perYear.C));
      expect(overdue.A).toBeGreaterThanOrEqual(1);
      expect(overdue.B).toBeGreaterThanOrEqual(1);
      expect(overdue.C).toBeGreaterThanOrEqual(1);
      // Not everybody is overdue either.
      expect(overdue.A + overdue.B + overdue.C).toBeLessThan(histories.length / 2);
    });
  },
);

describe('demo data is deterministic', () => {
  it('gives the same data for the same seed and now', () => {
    expect(demo(NOW, 7)).toEqual(demo(NOW, 7));
    expect(demo(NOW)).toEqual(demo(NOW));
  });

  it('gives other ids and timings for another seed, the same story', () => {
    const a = flattenHistories(demo(NOW, 1));
    const b = flattenHistories(demo(NOW, 2));
    expect(a.contacts[0]!.id).not.toBe(b.contacts[0]!.id);
    expect(a.contacts.map((c) => c.name)).toEqual(b.contacts.map((c) => c.name));
    expect(a.commitments.map((c) => [c.text, c.dueAt, c.doneAt !== undefined])).toEqual(
      b.commitments.map((c) => [c.text, c.dueAt, c.doneAt !== undefined]),
    );
  });

  it('moves with now: the same story a month later', () => {
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const a = flattenHistories(demo(NOW));
    const b = flattenHistories(demo(later));
    const overdue = (f: typeof a, now: Date) =>
      f.commitments.filter((c) => !c.doneAt && c.dueAt < dayIn(now, TZ)).map((c) => c.text);
    expect(overdue(b, later)).toEqual(overdue(a, NOW));
  });

  it('uses the runtime time zone when none is given', () => {
    expect(generateDemoData({ now: NOW })).toHaveLength(demo().length);
  });
});

describe('demo data: something to bring', () => {
  it.each(MOMENTS.map((now) => [now.toISOString(), now] as const))(
    'at %s the agenda thanks a referrer and celebrates an anniversary; a touch brings an occasion',
    (_label, now) => {
      const { histories, occasions } = generateDemo({ now, timeZone: TZ });
      for (const o of occasions) expect(expectCanonical(OccasionSchema, o)).toBeNull();
      const settings = { ...DEFAULT_SETTINGS, timeZone: TZ };
      const agenda = buildAgenda(histories, settings, now, occasions);
      const kinds = agenda.map((i) => i.suggestion.kind);
      expect(kinds).toContain('referral-thanks');
      expect(kinds).toContain('anniversary');
      const carried = agenda.filter((i) => i.suggestion.occasionId);
      expect(carried.length).toBeGreaterThan(0);
      for (const i of carried)
        expect(occasions.map((o) => o.id)).toContain(i.suggestion.occasionId);
      // Concerns are asked about, and at least one touch offers an occasion that fits.
      const points = agenda.flatMap((i) => i.suggestion.talkingPoints);
      expect(points.some((p) => p.startsWith('Nach dem Stand fragen:'))).toBe(true);
      expect(points.some((p) => p.startsWith('Könnte passen:'))).toBe(true);
    },
  );
});
