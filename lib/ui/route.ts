// The dashboard's view lives in the URL hash (`#/contacts?q=müller&tier=A`), so a reload or a link
// from the panel or popup opens the same view. Every address is built by `formatHash` and read by
// `parseHash`: ids come from backups and other devices and may hold any character (`%`, `/`, `#`,
// `?`), so a path segment is always encoded on the way in and decoded on the way out.
export interface Route {
  /** Path segments after `#/`, e.g. ['contacts', '<id>']. */
  path: string[];
  params: URLSearchParams;
}

/** A segment as written; one that is not valid percent-encoding (typed by hand) is taken as is. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const cut = raw.indexOf('?');
  const pathPart = cut < 0 ? raw : raw.slice(0, cut);
  const query = cut < 0 ? '' : raw.slice(cut + 1);
  return {
    path: pathPart.split('/').filter(Boolean).map(decodeSegment),
    params: new URLSearchParams(query),
  };
}

export function formatHash(
  path: readonly string[],
  params?: URLSearchParams | Record<string, string>,
): string {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params ?? {});
  for (const [k, v] of [...p.entries()]) if (v === '') p.delete(k);
  const q = p.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${q ? `?${q}` : ''}`;
}

/** The dashboard's page of one contact. */
export const contactHash = (contactId: string): string => formatHash(['contacts', contactId]);

/** The dashboard's page of one occasion. */
export const occasionHash = (occasionId: string): string => formatHash(['occasions', occasionId]);

/** The dashboard (options page) at `hash`, as a path for `runtime.getURL`. */
export const dashboardPath = (hash = ''): `/options.html${string}` => `/options.html${hash}`;
