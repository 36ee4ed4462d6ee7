// When the background syncs (issue 17, docs/sync.md): a few seconds after the last of a burst of
// writes to synced tables (only when something waits to be sent), shortly after the popup opens,
// on its alarm; and that turning sync on asks the browser's permission first. The service itself is
// tested with a server in tests/unit/sync; here it is a stand-in that counts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KundennahDB } from '@/lib/db/database';
import type * as ServiceModule from '@/lib/sync/service';
import type { SyncStatus } from '@/lib/sync/service';

const service = vi.hoisted(() => ({
  on: true,
  pending: 0,
  syncNow: vi.fn(),
  turnOn: vi.fn(),
  turnOff: vi.fn(),
}));

vi.mock('@/lib/sync/service', async (importOriginal) => ({
  ...(await importOriginal<typeof ServiceModule>()),
  createSyncService: () => ({
    syncNow: service.syncNow,
    turnOn: service.turnOn,
    turnOff: service.turnOff,
    account: () => Promise.resolve(undefined),
    status: (): Promise<SyncStatus> =>
      Promise.resolve({ on: service.on, pending: service.pending, state: {}, running: false }),
  }),
}));

const { SYNC_AFTER_POPUP_MS, SYNC_AFTER_WRITES_MS, SYNC_ALARM, SYNC_EVERY_MINUTES, setupSync } =
  await import('@/lib/background/sync');

let granted: string[] = [];
let released = 0;

function background() {
  return setupSync({
    db: () => ({}) as KundennahDB,
    now: () => new Date(),
    holdDerived: () => () => void released++,
  });
}

/** Let the timers run `ms` and the promises they start settle. */
async function after(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.reset();
  Object.assign(service, { on: true, pending: 0 });
  service.syncNow.mockReset().mockResolvedValue({});
  service.turnOn.mockReset().mockResolvedValue(undefined);
  service.turnOff.mockReset().mockResolvedValue([]);
  granted = [];
  released = 0;
  fakeBrowser.permissions.contains = (p: { origins?: string[] }) =>
    Promise.resolve((p.origins ?? []).every((o) => granted.includes(o)));
});
afterEach(() => vi.useRealTimers());

describe('the background’s sync', () => {
  it('syncs once, a few seconds after the last of a burst of writes to synced tables', async () => {
    const sync = background();
    service.pending = 3;
    sync.noteWrite({ tables: ['contacts'] });
    await after(SYNC_AFTER_WRITES_MS - 1_000);
    sync.noteWrite({ tables: ['interactions'] });
    await after(SYNC_AFTER_WRITES_MS - 1);
    expect(service.syncNow).not.toHaveBeenCalled();
    await after(1);
    expect(service.syncNow).toHaveBeenCalledTimes(1);
    // The derived rows were held back during it, and let go after.
    expect(released).toBe(1);
  });

  it('does not sync after writes when nothing waits to be sent, or only derived rows changed', async () => {
    const sync = background();
    sync.noteWrite({ tables: ['contacts'] });
    await after(SYNC_AFTER_WRITES_MS);
    service.pending = 2;
    sync.noteWrite({ tables: ['summaries', 'agenda'] });
    await after(SYNC_AFTER_WRITES_MS);
    expect(service.syncNow).not.toHaveBeenCalled();
  });

  it('syncs shortly after the popup opens, even with nothing to send; not when sync is off', async () => {
    const sync = background();
    await sync.handle({ action: 'soon' });
    await after(SYNC_AFTER_POPUP_MS);
    expect(service.syncNow).toHaveBeenCalledTimes(1);

    service.on = false;
    await sync.handle({ action: 'soon' });
    await after(SYNC_AFTER_POPUP_MS);
    expect(service.syncNow).toHaveBeenCalledTimes(1);
  });

  it('syncs on its own alarm and no other', () => {
    const sync = background();
    sync.onAlarm('kundennah-reminder');
    expect(service.syncNow).not.toHaveBeenCalled();
    sync.onAlarm(SYNC_ALARM);
    expect(service.syncNow).toHaveBeenCalledTimes(1);
  });

  it('turns on only for a server the browser lets it reach, then arms the alarm and syncs', async () => {
    const sync = background();
    const request = {
      action: 'on',
      server: 'https://couch.kanzlei-weber.de',
      username: 'anna',
      password: 'pw',
      space: 'userdb-616e6e61',
    } as const;
    await expect(sync.handle(request)).rejects.toThrow(/not permitted/);
    expect(service.turnOn).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();

    granted = ['https://couch.kanzlei-weber.de/*'];
    await sync.handle(request);
    expect(service.turnOn).toHaveBeenCalledWith(
      expect.objectContaining({ server: request.server, username: 'anna', teams: [] }),
    );
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(SYNC_EVERY_MINUTES);
    await after(0);
    expect(service.syncNow).toHaveBeenCalledTimes(1);

    await sync.handle({ action: 'off' });
    expect(service.turnOff).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });
});
