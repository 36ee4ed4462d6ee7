import { describe, expect, it } from 'vitest';
import { classifySyncFailure } from '@/lib/sync/engine';

describe('what a failed sync is called', () => {
  it('tells a wrong password, lost access and an unreachable server apart', () => {
    expect(classifySyncFailure({ status: 401, name: 'unauthorized' })).toBe('unauthorized');
    expect(classifySyncFailure({ status: 403, name: 'forbidden' })).toBe('forbidden');
    expect(classifySyncFailure(new TypeError('fetch failed'))).toBe('offline');
    expect(classifySyncFailure(new TypeError('Failed to fetch'))).toBe('offline');
    expect(
      classifySyncFailure(new TypeError('NetworkError when attempting to fetch resource.')),
    ).toBe('offline');
  });

  it('does not call a fault of its own "offline"', () => {
    expect(
      classifySyncFailure(new TypeError("Cannot read properties of undefined (reading 'row')")),
    ).toBe('other');
    expect(classifySyncFailure(new Error('sync: 1 change(s) not taken by the local copy'))).toBe(
      'other',
    );
  });
});
