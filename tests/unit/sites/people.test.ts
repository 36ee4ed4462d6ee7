import { describe, expect, it } from 'vitest';
import { splitAddress, findEmail } from '@/lib/sites/dom';
import { addressOnEveryMessage, emptyMe, participants, type Me } from '@/lib/sites/people';
import type { Person } from '@/lib/sites';

const me = (emails: string[] = [], names: string[] = []): Me => ({
  ...emptyMe(),
  emails: new Set(emails),
  names: new Set(names),
});

describe('participants', () => {
  const anna = { name: 'Anna Schmidt', email: 'anna@schmidt.example' };
  const max = { name: 'Max Muster', email: 'max@muster.example' };

  it.each<[string, Person[], Me, Person[]]>([
    ['the signed-in user is never a participant', [anna, max], me(['max@muster.example']), [anna]],
    [
      'de-duplicated by e-mail, case-insensitively, first appearance wins the position',
      [anna, { email: 'jonas@x.example' }, { name: 'A. Schmidt', email: 'ANNA@schmidt.example' }],
      me(),
      [anna, { email: 'jonas@x.example' }],
    ],
    [
      'a later mention fills in a missing name',
      [{ email: 'anna@schmidt.example' }, anna],
      me(),
      [{ email: 'anna@schmidt.example', name: 'Anna Schmidt' }],
    ],
    [
      'a name-only mention takes the address of a later mention with the same name',
      [{ name: 'Anna Schmidt' }, { name: 'Jonas' }, anna],
      me(),
      [anna, { name: 'Jonas' }],
    ],
    [
      'a name-only sender stays a person',
      [{ name: 'Kanzlei Berger' }],
      me(),
      [{ name: 'Kanzlei Berger' }],
    ],
    [
      'the user recognised by name (no address known) drops out',
      [{ name: 'Max Muster' }, anna, { name: 'max muster', email: 'max@elsewhere.example' }],
      me([], ['max muster']),
      [anna],
    ],
    [
      "the user's own messages teach their name: name-only mentions of them drop out",
      [{ name: 'Max Muster' }, max, anna],
      me(['max@muster.example']),
      [anna],
    ],
    [
      'addresses are lower-cased',
      [{ name: 'Björn', email: 'Bjoern@Example.DE' }],
      me(),
      [{ name: 'Björn', email: 'bjoern@example.de' }],
    ],
    ['empty candidates are skipped', [{}, { name: '' }, anna], me(), [anna]],
  ])('%s', (_rule, candidates, user, expected) => {
    expect(participants(candidates, user)).toEqual(expected);
  });
});

describe('addressOnEveryMessage', () => {
  const a = { email: 'a@x.example' };
  const b = { email: 'b@x.example' };
  const c = { email: 'c@x.example' };
  it.each<[string, Person[][], string | null]>([
    [
      'one address common to all messages is the user',
      [
        [a, b],
        [c, b],
        [b, a],
      ],
      'b@x.example',
    ],
    [
      'two people writing back and forth: undecidable',
      [
        [a, b],
        [b, a],
      ],
      null,
    ],
    ['a single message decides nothing', [[a, b]], null],
    [
      'no common address',
      [
        [a, c],
        [b, c],
        [a, b],
      ],
      null,
    ],
    ['collapsed messages (one address) are skipped', [[a, b], [c], [c, b], [a]], 'b@x.example'],
  ])('%s', (_rule, messages, expected) => {
    expect(addressOnEveryMessage(messages)).toBe(expected);
  });
});

describe('splitAddress', () => {
  it.each<[string, Person]>([
    [
      'Anna Schmidt <anna@schmidt.example>',
      { name: 'Anna Schmidt', email: 'anna@schmidt.example' },
    ],
    ['Anna Schmidt<anna@schmidt.example>', { name: 'Anna Schmidt', email: 'anna@schmidt.example' }],
    [
      '"Schmidt, Anna" <Anna@Schmidt.example>',
      { name: 'Schmidt, Anna', email: 'anna@schmidt.example' },
    ],
    ['anna@schmidt.example', { email: 'anna@schmidt.example' }],
    ['  Jürgen   Müller  ', { name: 'Jürgen Müller' }],
    ['Max Muster (max@muster.example)', { name: 'Max Muster', email: 'max@muster.example' }],
    [
      '\u200eLena Fischer\u200e <lena@fischer.example>',
      { name: 'Lena Fischer', email: 'lena@fischer.example' },
    ],
    ['', {}],
  ])('%j', (input, expected) => {
    expect(splitAddress(input)).toEqual(expected);
  });

  it.each([
    [
      'plain',
      'x anna.schmidt+kunden@schmidt-partner.de y',
      'anna.schmidt+kunden@schmidt-partner.de',
    ],
    ['upper case', 'ANNA@EXAMPLE.DE', 'anna@example.de'],
    ['none', 'Anna Schmidt', ''],
    ['an @-mention is no address', '@anna', ''],
  ])('findEmail: %s', (_label, input, expected) => {
    expect(findEmail(input)).toBe(expected);
  });
});
