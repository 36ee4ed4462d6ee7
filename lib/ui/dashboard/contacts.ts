// The contacts table's view (search, filters, sort) and how it lives in the URL hash
// (`#/contacts?q=mueller&tier=A,B&risk=1&sort=next`), so that a reload or a link keeps it.
// Pure: summary rows in, rows out. The table reads `summaries` (one row per contact, kept by the
// background), never full histories: 10,000 histories take seconds to read, 10,000 summaries do not.
import { foldText, nameCollator, tierRank } from '../../core';
import type { SummaryRow } from '../../db';
import { STATUSES, TIERS, type Status, type Tier } from '../../model';

export const SORT_KEYS = ['name', 'company', 'tier', 'last', 'next', 'risk'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface ContactsView {
  /** What the user typed (folded only when matching). */
  q: string;
  /** Tiers to show; empty = all. */
  tiers: Tier[];
  status: Status | '';
  /** Only contacts with an early warning. */
  risk: boolean;
  /** Only contacts whose next personal touch is overdue (due before today). */
  overdue: boolean;
  /** Only contacts whose birthday is in the current month. */
  birthday: boolean;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_VIEW: ContactsView = {
  q: '',
  tiers: [],
  status: '',
  risk: false,
  overdue: false,
  birthday: false,
  sort: 'name',
  dir: 'asc',
};

const isTier = (v: string): v is Tier => (TIERS as readonly string[]).includes(v);
const isStatus = (v: string): v is Status => (STATUSES as readonly string[]).includes(v);
const isSortKey = (v: string): v is SortKey => (SORT_KEYS as readonly string[]).includes(v);

/** The view a URL names; anything unknown falls back to the default (a hand-edited link never breaks). */
export function viewFromParams(params: URLSearchParams): ContactsView {
  const tiers = (params.get('tier') ?? '')
    .split(',')
    .map((t) => t.trim().toUpperCase())
    .filter(isTier);
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    tiers: TIERS.filter((t) => tiers.includes(t)),
    status: isStatus(status) ? status : '',
    risk: params.get('risk') === '1',
    overdue: params.get('overdue') === '1',
    birthday: params.get('birthday') === '1',
    sort: isSortKey(sort) ? sort : DEFAULT_VIEW.sort,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** URL parameters of a view; defaults are left out so that the plain list has a plain URL. */
export function viewToParams(view: ContactsView): Record<string, string> {
  const out: Record<string, string> = {};
  if (view.q) out.q = view.q;
  if (view.tiers.length) out.tier = TIERS.filter((t) => view.tiers.includes(t)).join(',');
  if (view.status) out.status = view.status;
  if (view.risk) out.risk = '1';
  if (view.overdue) out.overdue = '1';
  if (view.birthday) out.birthday = '1';
  if (view.sort !== DEFAULT_VIEW.sort) out.sort = view.sort;
  if (view.dir !== DEFAULT_VIEW.dir) out.dir = view.dir;
  return out;
}

/** Is any filter (not the sort) narrowing the list? */
export function isFiltered(view: ContactsView): boolean {
  return (
    view.q.trim() !== '' ||
    view.tiers.length > 0 ||
    view.status !== '' ||
    view.risk ||
    view.overdue ||
    view.birthday
  );
}

/** Search words, folded like the summaries' `search` text ("Müller" and "mueller" both → "muller"). */
export function queryTerms(q: string): string[] {
  return foldText(q).split(/\s+/).filter(Boolean);
}

export function isOverdueRow(row: SummaryRow, today: string): boolean {
  return !!row.next && row.next.due < today;
}

export interface FilterContext {
  /** `YYYY-MM-DD` in the user's time zone. */
  today: string;
}

/** Does a row pass the view's search and filters? Every search word must occur (in any field). */
export function rowPasses(
  row: SummaryRow,
  view: ContactsView,
  terms: string[],
  ctx: FilterContext,
): boolean {
  if (view.tiers.length && !view.tiers.includes(row.tier)) return false;
  if (view.status && row.status !== view.status) return false;
  if (view.risk && row.risks.length === 0) return false;
  if (view.overdue && !isOverdueRow(row, ctx.today)) return false;
  if (view.birthday && row.birthday?.month !== Number(ctx.today.slice(5, 7))) return false;
  for (const term of terms) if (!row.search.includes(term)) return false;
  return true;
}

/**
 * The comparator of a column in its natural order ("asc"): names A→Z, tier A first, the longest
 * silence first (never contacted before everyone), the most overdue next touch first, the most
 * warnings first. Missing values (no company, no next touch) go last in both directions.
 */
function columnCompare(
  sort: SortKey,
  collator: Intl.Collator,
): (a: SummaryRow, b: SummaryRow) => number | null {
  switch (sort) {
    case 'name':
      return (a, b) => collator.compare(a.name, b.name);
    case 'company':
      return (a, b) => {
        if (!a.company || !b.company) return a.company ? -2 : b.company ? 2 : 0;
        return collator.compare(a.company, b.company);
      };
    case 'tier':
      return (a, b) => tierRank(a.tier) - tierRank(b.tier);
    case 'last':
      return (a, b) => {
        const x = a.lastPersonalAt ?? '';
        const y = b.lastPersonalAt ?? '';
        return x < y ? -1 : x > y ? 1 : 0;
      };
    case 'next':
      return (a, b) => {
        if (!a.next || !b.next) return a.next ? -2 : b.next ? 2 : 0;
        return a.next.due < b.next.due ? -1 : a.next.due > b.next.due ? 1 : 0;
      };
    case 'risk':
      return (a, b) => b.risks.length - a.risks.length;
  }
}

/**
 * Rows in the order of a column. A comparison result of ±2 means "missing value": it keeps its
 * sign in both directions, so blanks stay at the end. Ties go by name, then id (a stable order).
 */
export function sortRows(
  rows: readonly SummaryRow[],
  sort: SortKey,
  dir: SortDir,
  locale: string,
): SummaryRow[] {
  const collator = nameCollator(locale);
  const column = columnCompare(sort, collator);
  const sign = dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const c = column(a, b) ?? 0;
    if (c === 2 || c === -2) return c;
    if (c !== 0) return sign * c;
    return (
      collator.compare(a.name, b.name) ||
      (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0)
    );
  });
}

/** The rows of a view from rows already sorted for it (filtering keeps their order). */
export function filterRows(
  sorted: readonly SummaryRow[],
  view: ContactsView,
  ctx: FilterContext,
): SummaryRow[] {
  const terms = queryTerms(view.q);
  if (!isFiltered(view)) return sorted as SummaryRow[];
  return sorted.filter((row) => rowPasses(row, view, terms, ctx));
}

/** A filtered list and what it was filtered from (to narrow it on the next keystroke). */
export interface FilterResult {
  from: readonly SummaryRow[];
  view: ContactsView;
  today: string;
  terms: string[];
  rows: SummaryRow[];
}

const sameFilters = (a: ContactsView, b: ContactsView) =>
  a.tiers.join() === b.tiers.join() &&
  a.status === b.status &&
  a.risk === b.risk &&
  a.overdue === b.overdue &&
  a.birthday === b.birthday;

/**
 * `filterRows`, narrowing the previous result when only the search got more specific (every
 * earlier word is part of a word now: "muel" → "muell", "schmidt" → "schmidt gm"). Typing forward
 * then searches the few rows still shown instead of all 10,000.
 */
export function filterRowsFrom(
  previous: FilterResult | null,
  sorted: readonly SummaryRow[],
  view: ContactsView,
  ctx: FilterContext,
): FilterResult {
  const terms = queryTerms(view.q);
  const narrower =
    !!previous &&
    previous.from === sorted &&
    previous.today === ctx.today &&
    sameFilters(previous.view, view) &&
    previous.terms.every((old) => terms.some((t) => t.includes(old)));
  const rows = narrower
    ? previous.rows.filter((row) => rowPasses(row, view, terms, ctx))
    : filterRows(sorted, view, ctx);
  return { from: sorted, view, today: ctx.today, terms, rows };
}

/** A click on a column header: a new column starts in its natural order, the same one flips. */
export function toggleSort(view: ContactsView, sort: SortKey): ContactsView {
  if (view.sort === sort) return { ...view, dir: view.dir === 'asc' ? 'desc' : 'asc' };
  return { ...view, sort, dir: 'asc' };
}
