// The dashboard's view lives in the URL hash (`#/contacts?q=müller&tier=A`), so a reload or a link
// from the panel or popup opens the same view.
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
