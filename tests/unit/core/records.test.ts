// The one-pass search for our latest touch and the customer's latest message agrees with the
// general search, whatever the shapes and times of the records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '@/lib/core';
import { latestInteraction, latestTouchAndMessage } from '@/lib/core/records';
import { history, interaction, settings } from './fixtures';

const NOW = new Date('2026-03-15T10:00:00Z');
const arbAt = fc.oneof(
  fc.constantFrom('2026-03-14', '2026-03-15', '2026-03-16', '2026-02-30', '2026-03-09'),
  fc.constantFrom(
    '2026-03-14T23:30:00.000Z',
    '2026-03-15T09:59:59.999Z',
    '2026-03-15T10:00:00.001Z',
    '2026-03-09T23:00:00.000Z',
    '2026-03-10T08:00:00+01:00',
    '2026-03-10T08:00',
    'not a date',
  ),
);
const arbInteraction = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  at: arbAt,
  channel: fc.constantFrom('email', 'phone', 'xing', 'letter', 'meeting', 'other', 'gift'),
  direction: fc.constantFrom('in', 'out'),
  personal: fc.boolean(),
});

describe('latestTouchAndMessage', () => {
  it('finds what two general searches find', () => {
    const ctx = createContext(settings({ timeZone: 'Europe/Berlin' }), NOW);
    fc.assert(
      fc.property(fc.array(arbInteraction, { maxLength: 8 }), (rows) => {
        const h = history({}, { interactions: rows.map((r) => interaction(r.at, r as never)) });
        const both = latestTouchAndMessage(h, ctx);
        expect(both.touch?.id).toBe(latestInteraction(h, ctx, 'touch')?.id);
        expect(both.message?.id).toBe(latestInteraction(h, ctx, 'incoming-message')?.id);
        expect(both.touch?.t).toBe(latestInteraction(h, ctx, 'touch')?.t);
      }),
      { numRuns: 500 },
    );
  });
});
