// The dashboard's router with a guard for unsaved changes: a page with unsaved edits registers a
// guard; leaving its route (a link, the nav, the back button) is held until the user decides to
// save, discard or stay. Closing or reloading the tab is guarded by `beforeunload` in the page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatHash, parseHash, type Route } from '../route';

export interface LeaveGuard {
  /** What has unsaved changes, in words ("Jürgen Müller", "Einstellungen"). */
  what: string;
  /** Save the changes; resolves false when they could not be saved (messages are shown). */
  save(): Promise<boolean>;
}

let activeGuard: LeaveGuard | null = null;

/** Register the current page's guard (null when nothing is unsaved). */
export function setLeaveGuard(guard: LeaveGuard | null): void {
  activeGuard = guard;
}

/** While `guard` is set, leaving the route asks first; closing the tab asks the browser's way. */
export function useLeaveGuard(guard: LeaveGuard | null): void {
  useEffect(() => {
    if (!guard) return;
    setLeaveGuard(guard);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium shows the dialog only with a returnValue.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      if (activeGuard === guard) setLeaveGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [guard]);
}

export type Go = (
  path: string[],
  params?: Record<string, string> | URLSearchParams,
  replace?: boolean,
) => void;

export interface PendingLeave {
  guard: LeaveGuard;
  /** Go on to where the user wanted (after save or discard). */
  proceed(): void;
  /** Stay on the page. */
  stay(): void;
}

/**
 * The current route, a way to change it, and the navigation currently held by a guard (if any).
 * `replace` changes the URL without a history entry (typing in the search box).
 */
export function useGuardedRoute(): [Route, Go, PendingLeave | null] {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  const [pending, setPending] = useState<PendingLeave | null>(null);
  const current = useRef(location.hash);

  const commit = useCallback((hash: string) => {
    current.current = hash;
    setRoute(parseHash(hash));
  }, []);

  /** Hold a navigation when a guard is active (`apply` performs it later); true when held. */
  const hold = useCallback((apply: () => void): boolean => {
    const guard = activeGuard;
    if (!guard) return false;
    setPending({
      guard,
      proceed() {
        setLeaveGuard(null);
        setPending(null);
        apply();
      },
      stay() {
        setPending(null);
      },
    });
    return true;
  }, []);

  useEffect(() => {
    const onHashChange = () => {
      const target = location.hash;
      if (target === current.current) return;
      // Put the address back while the user decides (replaceState fires no hashchange).
      const held = hold(() => {
        history.replaceState(null, '', target);
        commit(target);
      });
      if (held) history.replaceState(null, '', current.current);
      else commit(target);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [commit, hold]);

  const go = useCallback<Go>(
    (path, params, replace = false) => {
      const hash = formatHash(path, params);
      if (hash === current.current) return;
      const apply = () => {
        if (replace) history.replaceState(null, '', hash);
        else history.pushState(null, '', hash);
        commit(hash);
      };
      // Changing the view of the same page (search, filters) never asks.
      const samePage = parseHash(hash).path.join('/') === parseHash(current.current).path.join('/');
      if (samePage || !hold(apply)) apply();
    },
    [commit, hold],
  );

  return [route, go, pending];
}
