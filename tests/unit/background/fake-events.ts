// Events of the browser that WXT's fake browser does not implement (runtime.onConnect, commands …):
// the background's listeners on them are captured so that a test can call them.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Listener = (...args: unknown[]) => unknown;

/** Capture listeners of an event the fake browser does not implement. */
export function capture(event: { addListener(l: Listener): void }): Listener[] {
  const got: Listener[] = [];
  vi.spyOn(event, 'addListener').mockImplementation((l: Listener) => void got.push(l));
  return got;
}

export type Event = { addListener(l: Listener): void; removeListener?(l: Listener): void };

/** Every event the background listens to that the fake browser cannot take: captured instead. */
export function captureUnimplemented(): Map<Event, Listener[]> {
  const b = fakeBrowser as unknown as Record<string, Record<string, Event | undefined>>;
  const events = [
    ['runtime', 'onConnect'],
    ['runtime', 'onMessage'],
    ['runtime', 'onInstalled'],
    ['runtime', 'onStartup'],
    ['commands', 'onCommand'],
    ['contextMenus', 'onClicked'],
    ['permissions', 'onAdded'],
    ['tabs', 'onRemoved'],
    ['tabs', 'onActivated'],
    ['alarms', 'onAlarm'],
  ] as const;
  const out = new Map<Event, Listener[]>();
  for (const [ns, name] of events) {
    const event = b[ns]?.[name];
    if (!event) continue;
    const probe = () => undefined;
    try {
      event.addListener(probe);
      event.removeListener?.(probe);
    } catch {
      out.set(event, capture(event));
    }
  }
  return out;
}

/** A runtime Port as the background sees it: what it posts is collected, messages are delivered. */
export function fakePort(name: string, sender: unknown) {
  const onMessage: Listener[] = [];
  const posted: unknown[] = [];
  const sent: unknown[] = [];
  let disconnected = false;
  const port = {
    name,
    sender,
    onMessage: { addListener: (l: Listener) => void onMessage.push(l) },
    onDisconnect: { addListener: () => undefined },
    postMessage: (m: unknown) => void posted.push(m),
    disconnect: () => void (disconnected = true),
  };
  return {
    port,
    posted,
    sent,
    disconnected: () => disconnected,
    send: (m: unknown) => {
      sent.push(m);
      onMessage.forEach((l) => l(m, port));
    },
  };
}
