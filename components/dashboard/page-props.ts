import type { Route } from '@/lib/ui/route';

/** What every dashboard page gets: the current route and a way to navigate. */
export interface PageProps {
  route: Route;
  go(path: string[], params?: Record<string, string> | URLSearchParams, replace?: boolean): void;
}
