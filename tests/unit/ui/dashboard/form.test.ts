import { describe, expect, it } from 'vitest';
import { ContactSchema, type Contact } from '@/lib/model';
import {
  EMPTY_CONTACT_FORM,
  checkContact,
  contactFieldOf,
  contactToForm,
  dayFromForm,
  formToPatch,
  mergeContactForms,
  parseAmount,
  parseYears,
  sameForm,
  type ContactForm,
} from '@/lib/ui/dashboard/form';
import { translate } from '@/lib/i18n';

const stamp = '2026-01-10T09:00:00.000Z';

const full: Contact = ContactSchema.parse({
  id: 'c-1',
  name: 'Jürgen Müller',
  emails: ['juergen@mueller-bau.de', 'jm@privat.de'],
  phones: ['+49 89 123'],
  company: 'Müller Bau GmbH',
  position: 'Geschäftsführer',
  profileUrls: ['https://www.xing.com/profile/Juergen_Mueller'],
  status: 'active',
  tierOverride: 'A',
  potential: 20000.5,
  annualRevenueEstimate: 12000,
  birthday: { day: 29, month: 2, year: 1964 },
  partner: { name: 'Sabine', birthday: { day: 3, month: 5 }, salutation: 'Frau' },
  close: true,
  expectedYears: 7.5,
  preferredChannels: ['phone', 'visit'],
  interests: ['Segeln', 'Oldtimer'],
  preferences: 'Kaffee schwarz',
  howWeMet: 'Messe 2019',
  address: 'Sie',
  avoid: { months: [8, 12], weekdays: [1], hours: { from: 8, to: 10 } },
  plan: { contactEveryDays: 21 },
  notes: 'Segelt im Juni.',
  createdAt: stamp,
  updatedAt: stamp,
});

describe('contact ↔ form', () => {
  it('round-trips every field the editor shows', () => {
    for (const locale of ['de', 'en'] as const) {
      const { patch, errors } = formToPatch(contactToForm(full, locale), locale);
      expect(errors).toEqual({});
      const back = ContactSchema.parse({ ...full, ...patch });
      expect(back).toEqual(full);
    }
  });

  it('shows amounts and years in the user’s notation', () => {
    expect(contactToForm(full, 'de').potential).toBe('20000,5');
    expect(contactToForm(full, 'en').potential).toBe('20000.5');
    expect(contactToForm(full, 'de').expectedYears).toBe('7,5');
    expect(contactToForm(full, 'en').expectedYears).toBe('7.5');
  });

  it('shows the relationship, the partner’s salutation and the expected years', () => {
    expect(contactToForm(full, 'de')).toMatchObject({
      close: true,
      partnerSalutation: 'Frau',
      expectedYears: '7,5',
    });
    const bare = ContactSchema.parse({ id: 'c-2', name: 'B', createdAt: stamp, updatedAt: stamp });
    expect(contactToForm(bare, 'de')).toMatchObject({
      close: false,
      partnerSalutation: '',
      expectedYears: '',
    });
    // Stored as false by an import or an older version: shown as not marked.
    expect(contactToForm({ ...bare, close: false }, 'de').close).toBe(false);
  });

  it('marks a personal relationship, and unmarking removes the key', () => {
    const form = { ...EMPTY_CONTACT_FORM, name: 'A' };
    expect(formToPatch({ ...form, close: true }, 'de').patch.close).toBe(true);
    const { patch } = formToPatch({ ...form, close: false }, 'de');
    expect('close' in patch).toBe(true);
    expect(patch.close).toBeUndefined();
    // And a contact saved so has no `close` at all.
    const saved = ContactSchema.parse({
      ...full,
      ...formToPatch(contactToForm({ ...full, close: false }, 'de'), 'de').patch,
    });
    expect(saved.close).toBeUndefined();
  });

  it('keeps the salutation with the partner, and leaves it out when not known', () => {
    const form = { ...EMPTY_CONTACT_FORM, name: 'A', partnerName: ' Tom ' };
    expect(formToPatch({ ...form, partnerSalutation: 'Herr' }, 'de').patch.partner).toEqual({
      name: 'Tom',
      salutation: 'Herr',
    });
    expect(formToPatch(form, 'de').patch.partner).toEqual({ name: 'Tom' });
    // Clearing the salutation of a stored partner removes it.
    const cleared = formToPatch({ ...contactToForm(full, 'de'), partnerSalutation: '' }, 'de');
    expect(cleared.patch.partner).toEqual({ name: 'Sabine', birthday: { day: 3, month: 5 } });
  });

  it('reads expected years with a decimal comma or point; empty means the setting', () => {
    const form = { ...EMPTY_CONTACT_FORM, name: 'A' };
    for (const [text, value] of [
      ['4', 4],
      [' 2,5 ', 2.5],
      ['2.5', 2.5],
      ['50', 50],
      ['', undefined],
    ] as const)
      for (const locale of ['de', 'en'] as const) {
        const { patch, errors } = formToPatch({ ...form, expectedYears: text }, locale);
        expect(errors, text).toEqual({});
        expect('expectedYears' in patch).toBe(true);
        expect(patch.expectedYears, text).toBe(value);
      }
  });

  it('empties fields the user cleared (undefined means "remove")', () => {
    const form: ContactForm = {
      ...contactToForm(full, 'de'),
      company: '  ',
      birthday: { day: '', month: '', year: '' },
      partnerName: '',
      partnerBirthday: { day: '', month: '', year: '' },
      avoidMonths: [],
      avoidWeekdays: [],
      avoidFrom: '',
      avoidTo: '',
      contactEveryDays: '',
      tierOverride: '',
      potential: '',
      interests: ' , ',
      partnerSalutation: '',
      close: false,
      expectedYears: ' ',
    };
    const { patch } = formToPatch(form, 'de');
    expect(patch).toMatchObject({ interests: [] });
    for (const k of [
      'company',
      'birthday',
      'partner',
      'avoid',
      'plan',
      'tierOverride',
      'potential',
      'close',
      'expectedYears',
    ] as const) {
      expect(k in patch, k).toBe(true);
      expect(patch[k], k).toBeUndefined();
    }
  });

  it('reads lists the way people type them', () => {
    const { patch } = formToPatch(
      {
        ...EMPTY_CONTACT_FORM,
        name: 'A',
        emails: ' a@b.de \n\n c@d.de ',
        interests: 'Segeln, Golf; Wein\nJazz',
      },
      'de',
    );
    expect(patch.emails).toEqual(['a@b.de', 'c@d.de']);
    expect(patch.interests).toEqual(['Segeln', 'Golf', 'Wein', 'Jazz']);
  });

  it('tells unsaved changes from none', () => {
    const form = contactToForm(full, 'de');
    expect(sameForm(form, contactToForm(full, 'de'))).toBe(true);
    expect(sameForm(form, { ...form, notes: 'anders' })).toBe(false);
  });
});

describe('validation messages next to the field', () => {
  const check = (patch: Partial<ContactForm>) =>
    checkContact(full, { ...contactToForm(full, 'de'), ...patch }, 'de').errors;

  it.each<[string, Partial<ContactForm>, string, string]>([
    ['31 April', { birthday: { day: '31', month: '4', year: '' } }, 'birthday', 'err.birthday'],
    [
      '29 February 2023',
      { birthday: { day: '29', month: '2', year: '2023' } },
      'birthday',
      'err.birthday',
    ],
    [
      'a day without month',
      { birthday: { day: '3', month: '', year: '' } },
      'birthday',
      'err.birthday',
    ],
    [
      "a partner's birthday that does not exist",
      { partnerBirthday: { day: '30', month: '2', year: '' } },
      'partnerBirthday',
      'err.birthday',
    ],
    ["a partner's birthday without a name", { partnerName: '' }, 'partnerName', 'err.partnerName'],
    ['no name', { name: '  ' }, 'name', 'err.name'],
    [
      "a partner's salutation without a name",
      { partnerName: '', partnerBirthday: { day: '', month: '', year: '' } },
      'partnerName',
      'err.partnerName',
    ],
    [
      'a salutation the model does not know',
      { partnerSalutation: 'Dr' as ContactForm['partnerSalutation'] },
      'partnerSalutation',
      'err.salutation',
    ],
    ['0 expected years', { expectedYears: '0' }, 'expectedYears', 'err.years'],
    ['0,0 expected years', { expectedYears: '0,0' }, 'expectedYears', 'err.years'],
    ['51 expected years', { expectedYears: '51' }, 'expectedYears', 'err.years'],
    ['50.5 expected years', { expectedYears: '50,5' }, 'expectedYears', 'err.years'],
    ['negative expected years', { expectedYears: '-3' }, 'expectedYears', 'err.years'],
    ['expected years that are no number', { expectedYears: 'lange' }, 'expectedYears', 'err.years'],
    ['expected years with a unit', { expectedYears: '5 Jahre' }, 'expectedYears', 'err.years'],
    ['a potential that is no number', { potential: 'viel' }, 'potential', 'err.amount'],
    ['a negative potential', { potential: '-5' }, 'potential', 'err.amount'],
    ['an interval of 0 days', { contactEveryDays: '0' }, 'contactEveryDays', 'err.interval'],
    ['an interval of 1.5 days', { feedbackEveryDays: '1,5' }, 'feedbackEveryDays', 'err.interval'],
    ['from after to', { avoidFrom: '18', avoidTo: '9' }, 'avoidHours', 'err.hours'],
    ['only "from"', { avoidFrom: '18', avoidTo: '' }, 'avoidHours', 'dash.err.hoursBoth'],
    ['hour 25', { avoidFrom: '8', avoidTo: '25' }, 'avoidHours', 'dash.err.hour'],
    [
      'a profile that is no web address',
      { profileUrls: 'https://www.xing.com/profile/Ok\nnicht eine url' },
      'profileUrls',
      'dash.err.line',
    ],
  ])('%s', (_label, patch, field, key) => {
    const errors = check(patch);
    expect(errors[field]?.key).toBe(key);
  });

  it('names the line of a bad e-mail, translated in both languages', () => {
    const errors = check({ emails: 'ok@example.com\nkaputt' });
    expect(errors.emails).toEqual({
      key: 'dash.err.line',
      params: { line: 2, message: 'err.email' },
    });
    const text = (l: 'de' | 'en') =>
      translate(l, errors.emails!.key, {
        ...errors.emails!.params,
        message: translate(l, 'err.email'),
      });
    expect(text('de')).toBe('Zeile 2: Keine gültige E-Mail-Adresse.');
    expect(text('en')).toBe('Line 2: Not a valid e-mail address.');
  });

  it('has German and English words for every message the contact form can show', () => {
    for (const key of [
      'err.birthday',
      'err.partnerName',
      'err.name',
      'err.amount',
      'err.interval',
      'err.hours',
      'err.years',
      'err.salutation',
      'dash.err.hoursBoth',
      'dash.err.hour',
      'dash.err.invalid',
      'dash.err.line',
    ]) {
      expect(translate('de', key)).not.toBe(key);
      expect(translate('en', key)).not.toBe(key);
    }
  });

  it('maps model paths to the fields that show them', () => {
    expect(contactFieldOf(['emails', 1])).toEqual({ field: 'emails', line: 2 });
    expect(contactFieldOf(['partner', 'birthday', 'day'])).toEqual({ field: 'partnerBirthday' });
    expect(contactFieldOf(['avoid', 'hours'])).toEqual({ field: 'avoidHours' });
    expect(contactFieldOf(['plan', 'feedbackEveryDays'])).toEqual({ field: 'feedbackEveryDays' });
    expect(contactFieldOf(['birthday', 'day'])).toEqual({ field: 'birthday' });
    expect(contactFieldOf(['partner', 'salutation'])).toEqual({ field: 'partnerSalutation' });
    expect(contactFieldOf(['partner', 'name'])).toEqual({ field: 'partnerName' });
    expect(contactFieldOf(['expectedYears'])).toEqual({ field: 'expectedYears' });
  });

  it('says what is wrong with expected years in both languages', () => {
    expect(translate('de', check({ expectedYears: '60' }).expectedYears!.key)).toBe(
      'Eine Zahl von Jahren über 0, höchstens 50.',
    );
    expect(translate('en', check({ expectedYears: '0' }).expectedYears!.key)).toBe(
      'A number of years above 0, at most 50.',
    );
  });

  it('accepts a valid contact with no messages', () => {
    expect(check({ birthday: { day: '30', month: '4', year: '' } })).toEqual({});
  });
});

describe('small parsers', () => {
  it.each<[string, 'de' | 'en', number | undefined | null]>([
    ['', 'de', undefined],
    ['12000', 'de', 12000],
    ['12.000', 'de', 12000],
    ['12.000,50', 'de', 12000.5],
    ['12,5', 'de', 12.5],
    ['1.500', 'de', 1500],
    ['1,500', 'en', 1500],
    ['1,500', 'de', 1.5],
    ['12,000.50', 'en', 12000.5],
    ['12.5', 'de', 12.5],
    ['€ 300', 'de', 300],
    ['300 EUR', 'en', 300],
    ['-250', 'de', -250],
    ['zwölf', 'de', null],
    ['1.2.3,4,5', 'de', null],
  ])('amount "%s" (%s) → %s', (text, locale, expected) => {
    const p = parseAmount(text, locale);
    if (expected === null) expect(p.ok).toBe(false);
    else expect(p).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string, string, unknown]>([
    ['', '', '', { ok: true, value: undefined }],
    ['18', '3', '', { ok: true, value: { day: 18, month: 3 } }],
    ['1', '12', '1970', { ok: true, value: { day: 1, month: 12, year: 1970 } }],
    ['32', '1', '', { ok: false }],
    ['1', '', '', { ok: false }],
    ['1', '1', '70', { ok: false }],
  ])('birthday %s.%s.%s', (day, month, year, expected) => {
    expect(dayFromForm({ day, month, year })).toEqual(expected);
  });

  it.each<[string, number | undefined | null]>([
    ['', undefined],
    ['  ', undefined],
    ['3', 3],
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['0,25', 0.25],
    ['0', 0],
    ['-1', null],
    ['1.000', 1],
    ['2,5,1', null],
    [',5', null],
    ['drei', null],
  ])('years "%s" → %s', (text, expected) => {
    const p = parseYears(text);
    if (expected === null) expect(p.ok).toBe(false);
    else expect(p).toEqual({ ok: true, value: expected });
  });
});

describe('merging my edits into a contact changed meanwhile (issue 15)', () => {
  const base = contactToForm(full, 'de');
  const edit = (changes: Partial<ContactForm>): ContactForm => ({ ...base, ...changes });

  it('a field I did not touch takes the stored value; mine stay', () => {
    const theirs = edit({ company: 'Neue Firma GmbH' });
    const mine = edit({ notes: 'aus dem Editor' });
    expect(mergeContactForms(base, mine, theirs)).toEqual({
      form: { ...base, company: 'Neue Firma GmbH', notes: 'aus dem Editor' },
      conflicts: [],
    });
  });

  it('an e-mail linked from the panel is kept when I changed the e-mails too', () => {
    const theirs = edit({ emails: `${base.emails}\nanna@privat.de` });
    const mine = edit({ emails: `${base.emails}\nanna@zweitfirma.de` });
    const merged = mergeContactForms(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.form.emails.split('\n')).toEqual([
      ...base.emails.split('\n'),
      'anna@zweitfirma.de',
      'anna@privat.de',
    ]);
  });

  it('an item the other side removed stays removed; one I removed too', () => {
    const [first, ...rest] = base.emails.split('\n');
    const theirs = edit({ emails: rest.join('\n'), avoidMonths: [8] });
    const mine = edit({ emails: `${base.emails}\nneu@x.de`, avoidMonths: [7, 8, 12] });
    const merged = mergeContactForms(base, mine, theirs);
    expect(merged.form.emails.split('\n')).not.toContain(first);
    expect(merged.form.emails.split('\n')).toContain('neu@x.de');
    // Months were 8 and 12: they dropped December, I added July.
    expect(merged.form.avoidMonths).toEqual([7, 8]);
  });

  it('a field both changed to different values is a conflict; the form keeps mine', () => {
    const theirs = edit({ notes: 'aus dem Panel', company: 'Neue Firma GmbH' });
    const mine = edit({ notes: 'aus dem Editor' });
    const merged = mergeContactForms(base, mine, theirs);
    expect(merged.conflicts).toEqual(['notes']);
    expect(merged.form.notes).toBe('aus dem Editor');
    expect(merged.form.company).toBe('Neue Firma GmbH');
  });

  it('the same change on both sides is no conflict', () => {
    const same = edit({ notes: 'gleich' });
    expect(mergeContactForms(base, same, same)).toEqual({ form: same, conflicts: [] });
  });
});
