import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { channelName } from '@/lib/i18n';
import type { Locale } from '@/lib/i18n';
import type { ContactsView, SortKey } from '@/lib/ui/dashboard/contacts';
import type { SummaryRow } from '@/lib/ui/dashboard/data';
import { dayLabel, dueLabel, relativeLabel } from '@/lib/ui/format';
import { useI18n } from '../I18n';
import { TierBadge } from '../TierBadge';
import { contactHash } from '@/lib/ui/route';

/** Row height in pixels (fixed: the virtualizer places rows without measuring them). */
export const ROW_HEIGHT = 46;
/** Lists up to this size render every row, so that the browser's find-in-page sees them all. */
const FULL_RENDER_LIMIT = 150;
/**
 * While the rows change (a keystroke in the search), only the rows in view are rendered; once they
 * have not changed for this long, the rows just outside the view (for scrolling) and the rest of a
 * short list follow. Rendered at once, they would hold the next frame of every keystroke.
 */
const SETTLE_MS = 150;

/** Whether `value` has stayed the same for `SETTLE_MS` (true at first). */
function useSettled<T>(value: T): boolean {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(() => value), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled === value;
}

const COLUMNS: [SortKey, string][] = [
  ['name', 'contacts.name'],
  ['company', 'contacts.company'],
  ['tier', 'dash.col.tier'],
  ['last', 'dash.col.last'],
  ['next', 'dash.col.next'],
  ['risk', 'dash.col.risk'],
];

/**
 * One row's cells. Memoized: a keystroke that narrows the list keeps most rows in view where they
 * were, and those are not rendered again.
 */
const Row = memo(function Row({
  row,
  today,
  now,
  locale,
  timeZone,
}: {
  row: SummaryRow;
  today: string;
  now: Date;
  locale: Locale;
  timeZone?: string;
}) {
  const { t } = useI18n();
  const overdue = !!row.next && row.next.due < today;
  return (
    <>
      <td role="cell" className="c-name">
        <a href={contactHash(row.contactId)} tabIndex={-1}>
          {row.name}
        </a>
        {row.status !== 'active' && (
          <span className={`pill status-${row.status}`}>{t(`status.${row.status}`)}</span>
        )}
        <span className="sub">{row.emails[0] ?? row.phones[0] ?? ''}</span>
      </td>
      <td role="cell" className="c-company">
        <span className="line">
          {row.company ?? <span className="muted">{t('common.none')}</span>}
        </span>
        {row.position && <span className="sub">{row.position}</span>}
      </td>
      <td role="cell" className="c-tier">
        <TierBadge tier={row.tier} reason={row.tierReason} />
      </td>
      <td role="cell" className="c-last">
        {row.lastPersonalAt ? (
          <>
            <span className="line">{relativeLabel(row.lastPersonalAt, now, locale, timeZone)}</span>
            <span className="sub">{dayLabel(row.lastPersonalAt, locale, timeZone)}</span>
          </>
        ) : (
          <span className="muted">{t('dash.never')}</span>
        )}
      </td>
      <td role="cell" className={`c-next${overdue ? ' overdue' : ''}`}>
        {row.next ? (
          <>
            <span className="line">
              {t(`kind.${row.next.kind}`)}
              <span className="muted"> · {channelName(locale, row.next.channel)}</span>
            </span>
            <span className="sub due">{dueLabel(row.next.due, now, locale, timeZone)}</span>
          </>
        ) : (
          <span className="muted">{t('common.none')}</span>
        )}
      </td>
      <td role="cell" className="c-risk">
        {row.risks.length > 0 && (
          <span
            className="flag"
            title={row.risks.map((r) => r.text).join('\n')}
            data-testid="risk-flag"
          >
            <span aria-hidden="true">⚠ {row.risks.length}</span>
            <span className="sr-only">
              {t('dash.atRisk')}: {row.risks.map((r) => r.text).join('; ')}
            </span>
          </span>
        )}
      </td>
    </>
  );
});

/**
 * The contacts table: virtualized (only the rows in view exist), so 10,000 contacts scroll and
 * filter without delay. Rows are focusable one at a time (roving focus): arrows, Home, End, Page
 * up/down move, Enter opens. Column headers sort.
 */
export function ContactTable({
  rows,
  view,
  today,
  now,
  timeZone,
  onSort,
  onOpen,
  resetKey,
  total = rows.length,
}: {
  /** Changes when the search, filters or sort change: the list starts at the top again. */
  resetKey: string;
  rows: SummaryRow[];
  /** How many rows the list has when `rows` are only its first ones (the rest are being read). */
  total?: number;
  view: ContactsView;
  today: string;
  now: Date;
  timeZone?: string;
  onSort: (sort: SortKey) => void;
  onOpen: (contactId: string) => void;
}) {
  const { t, locale } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  const small = total <= FULL_RENDER_LIMIT;
  // A keystroke paints the rows in view; the others follow when the typing pauses.
  const settled = useSettled(rows);
  const renderAll = settled && small;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: renderAll ? rows.length : settled ? 8 : 0,
    // Keys by position: after a keystroke the rows in view are updated in place, not rebuilt.
    initialRect: { width: 1000, height: 800 },
    useFlushSync: false,
  });
  const current = Math.min(active, Math.max(rows.length - 1, 0));

  // Reset only a list that was scrolled: scrolling forces a layout in the middle of the keystroke.
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current) scrollRef.current?.scrollTo({ top: 0 });
    setActive(0);
  }, [resetKey]);

  useEffect(() => {
    if (!focusWanted.current) return;
    const el = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${current}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  });

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    focusWanted.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + page),
      PageUp: () => move(current - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => {
        const row = rows[current];
        if (row) onOpen(row.contactId);
      },
    };
    const action = keys[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    action();
  };

  const sortLabel = (key: SortKey) =>
    view.sort === key ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none';

  return (
    <div
      className="table-scroll"
      ref={scrollRef}
      onScroll={(e) => (scrolled.current = e.currentTarget.scrollTop > 0)}
    >
      <table
        className="ctable"
        role="table"
        data-testid="contacts-table"
        aria-rowcount={total + 1}
        aria-busy={total > rows.length || undefined}
        aria-label={t('nav.contacts')}
      >
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1}>
            {COLUMNS.map(([key, label]) => (
              <th
                key={key}
                role="columnheader"
                className={`c-${key}`}
                aria-sort={sortLabel(key)}
                scope="col"
              >
                <button type="button" onClick={() => onSort(key)} data-testid={`sort-${key}`}>
                  {t(label)}
                  <span className="sort-arrow" aria-hidden="true">
                    {view.sort === key ? (view.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef} style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr
                key={item.key}
                role="row"
                data-index={item.index}
                data-contact-id={row.contactId}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === current ? 0 : -1}
                className={row.status === 'lost' ? 'lost' : undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(row.contactId)}
                onFocus={() => setActive(item.index)}
              >
                <Row row={row} today={today} now={now} locale={locale} timeZone={timeZone} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
