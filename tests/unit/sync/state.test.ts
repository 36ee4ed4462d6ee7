// When the popup speaks up about sync: after a day of failures, not after an hour offline.
import { describe, expect, it } from 'vitest';
import { failingTooLong } from '@/lib/sync/state';

describe('sync failing for too long', () => {
  const now = new Date('2026-12-07T12:00:00.000Z');
  it('is told after a day of failures', () => {
    expect(
      failingTooLong({ failure: 'offline', failingSince: '2026-12-06T12:00:00.000Z' }, now),
    ).toBe('2026-12-06T12:00:00.000Z');
  });
  it('is not told after an hour, nor when the last sync worked, nor with sync never set up', () => {
    expect(
      failingTooLong({ failure: 'offline', failingSince: '2026-12-07T11:00:00.000Z' }, now),
    ).toBeUndefined();
    expect(failingTooLong({ lastSyncAt: '2026-12-01T12:00:00.000Z' }, now)).toBeUndefined();
    expect(failingTooLong(undefined, now)).toBeUndefined();
  });
});
