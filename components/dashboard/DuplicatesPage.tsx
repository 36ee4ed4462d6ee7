import { useMemo, useState } from 'react';
import { duplicateGroups, findDuplicates, type DuplicatePair } from '@/lib/core';
import { lostReasonName, translateError } from '@/lib/i18n';
import type { ContactHistory } from '@/lib/model';
import {
  HISTORY_TABLES,
  mergeContactsInto,
  notTheSamePerson,
  pairId,
  undoMergeOf,
  undoNotTheSamePerson,
  useDuplicateInputs,
  useHistories,
} from '@/lib/ui/dashboard/data';
import { recordCounts } from '@/lib/ui/dashboard/timeline';
import { dayLabel } from '@/lib/ui/format';
import { useI18n } from '../I18n';
import type { PageProps } from './page-props';
import { useDashSettings, useNotify } from './ui';
import { contactHash } from '@/lib/ui/route';

const PAGE = 10;

interface Group {
  ids: string[];
  pairs: DuplicatePair[];
}

/** The contact to keep by default: the one with the most records, then the one known longest. */
function defaultSurvivor(histories: ContactHistory[]): string | undefined {
  const size = (h: ContactHistory) =>
    HISTORY_TABLES.reduce((n, t) => n + h[t].length, 0) +
    h.contact.emails.length +
    h.contact.phones.length;
  return [...histories].sort(
    (a, b) =>
      size(b) - size(a) ||
      a.contact.createdAt.localeCompare(b.contact.createdAt) ||
      a.contact.id.localeCompare(b.contact.id),
  )[0]?.contact.id;
}

function GroupCard({ group }: { group: Group }) {
  const { t, locale } = useI18n();
  const settings = useDashSettings();
  const notify = useNotify();
  const histories = useHistories(group.ids);
  const [chosen, setChosen] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!histories) return <li className="card muted">{t('common.loading')}</li>;
  if (histories.length < 2) return null;
  const survivor =
    chosen && histories.some((h) => h.contact.id === chosen) ? chosen : defaultSurvivor(histories)!;
  const keep = histories.find((h) => h.contact.id === survivor)!;
  const reasonsWith = (id: string) => {
    const pair = group.pairs.find(
      (p) => (p.a === id && p.b === survivor) || (p.b === id && p.a === survivor),
    );
    return pair?.reasons ?? [];
  };

  async function merge(other: ContactHistory) {
    setBusy(true);
    try {
      const outcome = await mergeContactsInto(survivor, other.contact.id, {
        locale,
        timeZone: settings.timeZone,
      });
      notify({
        text: t('dash.dup.merged', {
          other: other.contact.name,
          name: keep.contact.name,
          count: outcome.moved,
        }),
        onUndo: () => void undoMergeOf(outcome.undo),
        ttl: 15_000,
      });
    } catch (e) {
      notify({ text: translateError(locale, e) });
    } finally {
      setBusy(false);
    }
  }

  async function different(other: ContactHistory) {
    const id = await notTheSamePerson(survivor, other.contact.id);
    notify({
      text: t('dash.dup.different', { a: keep.contact.name, b: other.contact.name }),
      onUndo: () => void undoNotTheSamePerson(id),
    });
  }

  const rows: [string, (h: ContactHistory) => string][] = [
    ['contacts.company', (h) => h.contact.company ?? ''],
    ['dash.field.position', (h) => h.contact.position ?? ''],
    ['dash.field.emails', (h) => h.contact.emails.join('\n')],
    ['dash.field.phones', (h) => h.contact.phones.join('\n')],
    ['dash.field.profiles', (h) => h.contact.profileUrls.join('\n')],
    [
      'dash.field.status',
      (h) => {
        const c = h.contact;
        return c.status === 'lost'
          ? `${t('status.lost')} (${lostReasonName(locale, c.lost?.reason)})`
          : t(`status.${c.status}`);
      },
    ],
    [
      'dash.field.birthday',
      (h) => {
        const b = h.contact.birthday;
        return b ? `${b.day}.${b.month}.${b.year ?? ''}` : '';
      },
    ],
    ['dash.dup.created', (h) => dayLabel(h.contact.createdAt, locale, settings.timeZone)],
    [
      'dash.dup.records',
      (h) => {
        const c = recordCounts(h);
        return (
          HISTORY_TABLES.filter((k) => c[k] > 0)
            .map((k) => t(`dash.count.${k}`, { count: c[k] }))
            .join(', ') || t('common.none')
        );
      },
    ],
  ];

  return (
    <li className="card dup-group" data-testid="duplicate-group">
      <table className="compare">
        <thead>
          <tr>
            <th scope="col" className="label-col">
              <span className="sr-only">{t('dash.dup.field')}</span>
            </th>
            {histories.map((h) => (
              <th
                key={h.contact.id}
                scope="col"
                className={h.contact.id === survivor ? 'keep' : undefined}
              >
                <a href={contactHash(h.contact.id)}>{h.contact.name}</a>
                <label className="keep-choice">
                  <input
                    type="radio"
                    name={`keep-${group.ids.join('|')}`}
                    checked={h.contact.id === survivor}
                    onChange={() => setChosen(h.contact.id)}
                  />
                  {t('dash.dup.keep')}
                </label>
                {h.contact.id !== survivor && (
                  <span className="why">
                    {reasonsWith(h.contact.id)
                      .map((r) => t(`dash.dup.reason.${r}`))
                      .join(' · ')}
                  </span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => {
            const values = histories.map(value);
            const differs = new Set(values.filter(Boolean)).size > 1;
            return (
              <tr key={label} className={differs ? 'differs' : undefined}>
                <th scope="row">{t(label)}</th>
                {values.map((v, i) => (
                  <td key={histories[i]!.contact.id} className="pre">
                    {v || <span className="muted">{t('common.none')}</span>}
                  </td>
                ))}
              </tr>
            );
          })}
          <tr className="actions-row">
            <th scope="row">
              <span className="sr-only">{t('dash.dup.actions')}</span>
            </th>
            {histories.map((h) => (
              <td key={h.contact.id}>
                {h.contact.id === survivor ? (
                  <span className="muted small">{t('dash.dup.survivorHint')}</span>
                ) : (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="primary"
                      disabled={busy}
                      onClick={() => void merge(h)}
                      data-testid="merge"
                    >
                      {t('dash.dup.merge', { name: keep.contact.name })}
                    </button>
                    <button
                      type="button"
                      onClick={() => void different(h)}
                      data-testid="not-duplicate"
                    >
                      {t('dash.dup.notSame')}
                    </button>
                  </div>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </li>
  );
}

export function DuplicatesPage(_props: PageProps) {
  const { t } = useI18n();
  const data = useDuplicateInputs();
  const [shown, setShown] = useState(PAGE);
  const groups = useMemo<Group[] | undefined>(() => {
    if (!data) return undefined;
    const answered = new Set(data.notDuplicates.map((r) => r.id));
    const pairs = findDuplicates(data.contacts).filter((p) => !answered.has(pairId(p.a, p.b)));
    return duplicateGroups(pairs).map((ids) => ({
      ids,
      pairs: pairs.filter((p) => ids.includes(p.a)),
    }));
  }, [data]);

  return (
    <main className="duplicates-page">
      <header className="page-head">
        <div>
          <div className="title-line">
            <h1>{t('nav.duplicates')}</h1>
            {groups && groups.length > 0 && (
              <span className="muted count">{t('dash.dup.count', { count: groups.length })}</span>
            )}
          </div>
          <p className="muted lead">{t('dash.dup.lead')}</p>
        </div>
      </header>
      {!groups ? (
        <p className="muted">{t('common.loading')}</p>
      ) : groups.length === 0 ? (
        <div className="card empty-state" data-testid="no-duplicates">
          <p>{t('dash.dup.none')}</p>
        </div>
      ) : (
        <>
          <ol className="dup-list">
            {groups.slice(0, shown).map((g) => (
              <GroupCard key={g.ids.join('|')} group={g} />
            ))}
          </ol>
          {groups.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              {t('dash.dup.more', { count: groups.length - shown })}
            </button>
          )}
        </>
      )}
    </main>
  );
}
