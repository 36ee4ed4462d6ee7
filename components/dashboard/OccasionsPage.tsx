// "Anlässe": what the user can bring to customers, and whom each occasion fits — ranked, explained
// in the contacts' own words, attached to their next touch with one click (and undone with one).
import { useMemo, useState } from 'react';
import { fitsText, type MatchSubject, type OccasionMatch } from '@/lib/core';
import { daysWord, translateError } from '@/lib/i18n';
import type { Occasion } from '@/lib/model';
import { useDayNow } from '@/lib/ui/dashboard/data';
import type { FieldErrors } from '@/lib/ui/dashboard/form';
import { setLeaveGuard } from '@/lib/ui/dashboard/guarded-route';
import {
  attachTo,
  detachFrom,
  putBackOccasion,
  removeOccasion,
  saveOccasionInput,
  useBroughtByOccasion,
  useMatchSubjects,
  useOccasions,
} from '@/lib/ui/dashboard/occasion-data';
import {
  EMPTY_OCCASION_FORM,
  MATCH_PAGE,
  formToOccasion,
  matchesFor,
  namesOf,
  occasionToForm,
  plannedCounts,
  plannedFor,
  sortOccasions,
  validityOf,
  validityText,
  type OccasionForm as Form,
} from '@/lib/ui/dashboard/occasions';
import { dateLabel, todayIn } from '@/lib/ui/format';
import { useI18n } from '../I18n';
import { TierBadge } from '../TierBadge';
import { OccasionForm } from './OccasionForm';
import type { PageProps } from './page-props';
import { useDashSettings, useNotify } from './ui';
import { contactHash as contactLink, occasionHash as occasionLink } from '@/lib/ui/route';

function MatchRow({
  match,
  subject,
  selectable,
  checked,
  onCheck,
  onDetach,
}: {
  match: OccasionMatch;
  subject: MatchSubject | undefined;
  selectable: boolean;
  checked: boolean;
  onCheck: (on: boolean) => void;
  onDetach: () => void;
}) {
  const { t, locale } = useI18n();
  const id = `match-${match.contactId}`;
  const company = subject?.contact.company;
  return (
    <li
      className={`match${match.planned ? ' planned' : ''}`}
      data-testid="occasion-match"
      data-contact={match.contactId}
    >
      <div className="match-head">
        {match.planned ? (
          <span className="check match-name">
            <span className="planned-tick" aria-hidden="true">
              ✓
            </span>
            <strong>{match.name}</strong>
          </span>
        ) : (
          <label className="check match-name" htmlFor={id}>
            <input
              id={id}
              type="checkbox"
              checked={checked}
              disabled={!selectable}
              onChange={(e) => onCheck(e.target.checked)}
            />
            <strong>{match.name}</strong>
          </label>
        )}
        {company && <span className="muted">{company}</span>}
        <TierBadge tier={match.tier} />
        {match.planned && (
          <span className="pill open-pill" data-testid="planned-marker">
            {t('dash.occ.planned')}
          </span>
        )}
        <span className="row-actions">
          {match.planned && (
            <button
              type="button"
              className="small"
              aria-label={t('dash.occ.detachFor', { name: match.name })}
              onClick={onDetach}
            >
              {t('dash.occ.detach')}
            </button>
          )}
          <a
            className="small"
            href={contactLink(match.contactId)}
            aria-label={t('dash.occ.openNamed', { name: match.name })}
          >
            {t('dash.occ.open')}
          </a>
        </span>
      </div>
      <p className="fit" data-testid="match-fit">
        {fitsText(match.fits, locale)}
      </p>
      {match.overdueDays > 0 && (
        <p className="warn-text small" data-testid="match-overdue">
          {t('fit.overdue', { days: daysWord(locale, match.overdueDays) })}
        </p>
      )}
    </li>
  );
}

function OccasionDetail({
  occasion,
  subjects,
  brought,
  today,
  now,
  onEdit,
  onDelete,
  onAttach,
  onDetach,
}: {
  occasion: Occasion;
  subjects: MatchSubject[] | undefined;
  brought: Set<string>;
  today: string;
  now: Date;
  onEdit: () => void;
  onDelete: () => void;
  onAttach: (ids: string[]) => Promise<void>;
  onDetach: (contactId: string, name: string) => void;
}) {
  const { t, locale } = useI18n();
  const settings = useDashSettings();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(MATCH_PAGE);
  const [busy, setBusy] = useState(false);
  const validity = validityOf(occasion, today);
  const matches = useMemo(
    () => (subjects ? matchesFor(occasion, subjects, settings, now, brought) : undefined),
    [occasion, subjects, settings, now, brought],
  );
  const byId = useMemo(() => new Map(subjects?.map((s) => [s.contact.id, s])), [subjects]);
  const broughtNames = useMemo(
    () => (subjects ? namesOf(subjects, brought, locale) : []),
    [subjects, brought, locale],
  );
  const planned = useMemo(
    () => (subjects ? plannedFor(subjects, occasion.id, locale) : []),
    [subjects, occasion.id, locale],
  );
  const visible = matches?.slice(0, shown) ?? [];
  const selectable = visible.filter((m) => !m.planned).map((m) => m.contactId);
  const chosen = [...selected].filter((id) =>
    matches?.some((m) => m.contactId === id && !m.planned),
  );
  const canAttach = validity !== 'expired';
  const allChosen = selectable.length > 0 && selectable.every((id) => selected.has(id));

  async function attach() {
    setBusy(true);
    await onAttach(chosen);
    setBusy(false);
    setSelected(new Set());
  }

  return (
    <section
      className="card occasion-detail"
      aria-labelledby="occasion-title"
      data-testid="occasion-detail"
    >
      <header className="section-head">
        <div>
          <p className="muted small occasion-meta">
            {t(`occasionKind.${occasion.kind}`)} · {validityText(occasion, today, t, locale)}
          </p>
          <h2 id="occasion-title">{occasion.title}</h2>
        </div>
        <div className="section-actions">
          <button type="button" onClick={onEdit} data-testid="occasion-edit">
            {t('common.edit')}
          </button>
          <button type="button" className="danger" onClick={onDelete} data-testid="occasion-delete">
            {t('dash.occ.delete')}
          </button>
        </div>
      </header>
      {occasion.text && <p className="occasion-text">{occasion.text}</p>}
      <p className="small">
        <span className="muted">{t('dash.occ.keywords')}: </span>
        {occasion.keywords.length ? (
          <span className="keyword-chips inline">
            {occasion.keywords.map((k) => (
              <span key={k} className="keyword-chip">
                {k}
              </span>
            ))}
          </span>
        ) : (
          <span className="muted">{t('dash.occ.noKeywords')}</span>
        )}
      </p>
      <p className="small" data-testid="occasion-brought">
        {brought.size
          ? t('dash.occ.brought', { count: brought.size, names: broughtNames.join(', ') })
          : t('dash.occ.notBrought')}
      </p>
      <div className="small planned-for" data-testid="occasion-planned">
        {planned.length ? (
          <>
            <span>{t('dash.occ.plannedFor', { count: planned.length })} </span>
            <ul className="name-chips">
              {planned.map((p) => (
                <li key={p.id} className="name-chip">
                  <a href={contactLink(p.id)}>{p.name}</a>
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('dash.occ.detachFor', { name: p.name })}
                    onClick={() => onDetach(p.id, p.name)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <span className="muted">{t('dash.occ.notPlanned')}</span>
        )}
      </div>
      {validity === 'expired' && (
        <p className="notice warn" role="note">
          {t('dash.occ.expiredNote')}
        </p>
      )}
      {validity === 'upcoming' && occasion.validFrom && (
        <p className="muted small" role="note">
          {t('dash.occ.upcomingNote', { day: dateLabel(occasion.validFrom, locale) })}
        </p>
      )}

      {!matches ? (
        <p className="muted" role="status">
          {t('dash.occ.loading')}
        </p>
      ) : matches.length === 0 ? (
        <p className="muted" data-testid="occasion-no-matches">
          {t(brought.size ? 'dash.occ.fitsNoMore' : 'dash.occ.fitsNone')}
        </p>
      ) : (
        <>
          <div className="match-toolbar">
            <h3 data-testid="occasion-fits">{t('dash.occ.fits', { count: matches.length })}</h3>
            {canAttach && (
              <>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={allChosen}
                    disabled={!selectable.length}
                    onChange={(e) =>
                      setSelected((s) => {
                        const next = new Set(s);
                        for (const id of selectable)
                          if (e.target.checked) next.add(id);
                          else next.delete(id);
                        return next;
                      })
                    }
                  />
                  {t('dash.occ.selectAll')}
                </label>
                <button
                  type="button"
                  className="primary"
                  disabled={!chosen.length || busy}
                  onClick={() => void attach()}
                  data-testid="occasion-attach"
                >
                  {chosen.length
                    ? t('dash.occ.attachCount', { count: chosen.length })
                    : t('dash.occ.attach')}
                </button>
              </>
            )}
          </div>
          {canAttach && <p className="muted small">{t('dash.occ.attachHint')}</p>}
          <ul className="match-list" data-testid="occasion-matches">
            {visible.map((m) => (
              <MatchRow
                key={m.contactId}
                match={m}
                subject={byId.get(m.contactId)}
                selectable={canAttach}
                checked={selected.has(m.contactId)}
                onCheck={(on) =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (on) next.add(m.contactId);
                    else next.delete(m.contactId);
                    return next;
                  })
                }
                onDetach={() => onDetach(m.contactId, m.name)}
              />
            ))}
          </ul>
          {matches.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + MATCH_PAGE)}>
              {t('dash.occ.more', { count: matches.length - shown })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

export function OccasionsPage({ route, go }: PageProps) {
  const { t, locale } = useI18n();
  const settings = useDashSettings();
  const notify = useNotify();
  const now = useDayNow(settings.timeZone);
  const today = todayIn(now, settings.timeZone);
  const occasions = useOccasions();
  const broughtBy = useBroughtByOccasion();
  const subjects = useMatchSubjects();
  // The form belongs to the occasion chosen when it opened: choosing another one in the list (the
  // leave guard asks first when it holds changes) closes it.
  const [editingState, setEditingState] = useState<{
    occasion?: Occasion;
    at: string | undefined;
  } | null>(null);

  const sorted = useMemo(
    () => (occasions ? sortOccasions(occasions, today) : undefined),
    [occasions, today],
  );
  const planned = useMemo(() => (subjects ? plannedCounts(subjects) : undefined), [subjects]);
  const wanted = route.path[1];
  const editing = editingState && editingState.at === wanted ? editingState : null;
  const setEditing = (e: { occasion?: Occasion } | null) =>
    setEditingState(e && { ...e, at: wanted });
  const selected = sorted?.find((o) => o.id === wanted) ?? sorted?.[0];
  const noBrought = useMemo(() => new Set<string>(), []);
  const brought = (selected && broughtBy?.get(selected.id)) || noBrought;

  async function save(form: Form, typed: string): Promise<FieldErrors | null> {
    const { input, errors } = formToOccasion(form, typed);
    if (Object.keys(errors).length) return errors;
    const before = editing?.occasion;
    const result = await saveOccasionInput(input, before?.id);
    if (!result.ok)
      return result.error
        ? { ...result.errors, form: { key: translateError(locale, result.error) } }
        : result.errors;
    const saved = result.value.saved;
    setEditing(null);
    // Saved: nothing is left to guard (the guard may be what called this save).
    setLeaveGuard(null);
    go(['occasions', saved.id]);
    notify({
      text: t('dash.occ.saved', { title: saved.title }),
      onUndo: () =>
        void (result.value.before
          ? putBackOccasion({ occasion: result.value.before, contacts: [] })
          : removeOccasion(saved.id).then(() => go(['occasions']))),
    });
    return null;
  }

  async function remove(o: Occasion) {
    const deleted = await removeOccasion(o.id);
    go(['occasions']);
    notify({
      text: t('dash.occ.deleted', { title: o.title }),
      onUndo: () => void putBackOccasion(deleted).then(() => go(['occasions', o.id])),
      ttl: 15_000,
    });
  }

  async function attach(o: Occasion, ids: string[]) {
    const attached = await attachTo(o.id, ids);
    notify({
      text: t('dash.occ.attached', { title: o.title, count: attached.length }),
      onUndo: () => void detachFrom(o.id, attached),
    });
  }

  function detach(o: Occasion, contactId: string, name: string) {
    void detachFrom(o.id, [contactId]).then(() =>
      notify({
        text: t('dash.occ.detached', { title: o.title, name }),
        onUndo: () => void attachTo(o.id, [contactId]),
      }),
    );
  }

  const form = editing && (
    <OccasionForm
      key={editing.occasion?.id ?? 'new'}
      initial={editing.occasion ? occasionToForm(editing.occasion) : EMPTY_OCCASION_FORM}
      isNew={!editing.occasion}
      onSave={save}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <main className="occasions-page" data-testid="occasions-page">
      <header className="page-head">
        <div>
          <h1>{t('nav.occasions')}</h1>
          <p className="lead muted">{t('dash.occ.lead')}</p>
        </div>
        {sorted && sorted.length > 0 && (
          <div className="head-actions">
            <button
              type="button"
              className="primary"
              onClick={() => setEditing({})}
              aria-expanded={!!editing && !editing.occasion}
              data-testid="occasion-new"
            >
              {t('dash.occ.new')}
            </button>
          </div>
        )}
      </header>

      {!sorted ? (
        <p className="muted">{t('common.loading')}</p>
      ) : sorted.length === 0 ? (
        (form ?? (
          <section className="card empty-state" data-testid="occasions-empty">
            <p className="empty-lead">{t('dash.occ.empty')}</p>
            <div className="empty-actions">
              <button
                type="button"
                className="primary"
                onClick={() => setEditing({})}
                data-testid="occasion-new"
              >
                {t('dash.occ.emptyAction')}
              </button>
            </div>
          </section>
        ))
      ) : (
        <div className="occasions-grid">
          <nav className="occasion-nav" aria-label={t('dash.occ.list')}>
            <ul className="occasion-list" data-testid="occasion-list">
              {sorted.map((o) => {
                const validity = validityOf(o, today);
                return (
                  <li key={o.id}>
                    <a
                      href={occasionLink(o.id)}
                      className={`occasion-item ${validity}`}
                      aria-current={selected?.id === o.id ? 'true' : undefined}
                      data-testid="occasion-item"
                    >
                      <span className="muted small">{t(`occasionKind.${o.kind}`)}</span>
                      <strong>{o.title}</strong>
                      <span className={`small ${validity === 'expired' ? 'warn-text' : 'muted'}`}>
                        {validityText(o, today, t, locale)}
                      </span>
                      <span className="muted small">
                        {t('dash.occ.broughtCount', { count: broughtBy?.get(o.id)?.size ?? 0 })}
                        {' · '}
                        {t('dash.occ.plannedCount', { count: planned?.get(o.id) ?? 0 })}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="occasion-main">
            {form ??
              (selected ? (
                <OccasionDetail
                  key={selected.id}
                  occasion={selected}
                  subjects={subjects}
                  brought={brought}
                  today={today}
                  now={now}
                  onEdit={() => setEditing({ occasion: selected })}
                  onDelete={() => void remove(selected)}
                  onAttach={(ids) => attach(selected, ids)}
                  onDetach={(id, name) => detach(selected, id, name)}
                />
              ) : (
                <p className="muted">{t('dash.occ.pick')}</p>
              ))}
          </div>
        </div>
      )}
    </main>
  );
}
