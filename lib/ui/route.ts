// The dashboard's view lives in the URL hash (`#/contacts?q=müller&tier=A`), so a reload or a link
// from the panel or popup opens the same view.
import { useCallback, useEffect, useState } from 'react';

export interface Route {
  /** Path segments after `#/`, e.g. ['contacts', '<id>']. */
  path: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = raw.split('?');
  return {
    path: pathPart.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query),
  };
}

export function formatHash(
  path: string[],
  params?: URLSearchParams | Record<string, string>,
): string {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params ?? {});
  for (const [k, v] of [...p.entries()]) if (v === '') p.delete(k);
  const q = p.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${q ? `?${q}` : ''}`;
}

/** The current route and a way to change it (replace: no new history entry, e.g. while typing). */
export function useRoute(): [
  Route,
  (path: string[], params?: Record<string, string> | URLSearchParams, replace?: boolean) => void,
] {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const go = useCallback(
    (path: string[], params?: Record<string, string> | URLSearchParams, replace = false) => {
      const hash = formatHash(path, params);
      if (replace) {
        history.replaceState(null, '', hash);
        setRoute(parseHash(hash));
      } else location.hash = hash;
    },
    [],
  );
  return [route, go];
}
