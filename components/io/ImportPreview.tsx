import { useEffect, useRef, useState, type ReactNode } from 'react';
import type {
  Additions,
  ImportOutcome,
  ImportPlan,
  MergedContact,
  SimilarRow,
} from '@/lib/io/import-plan';
import { ISSUE_EFFECT, type ImportIssue, type ImportResult } from '@/lib/io';
import type { Contact, ContactDraft, DayOfYear, Status } from '@/lib/model';
import { formatDayOfYear, formatNumber, type Locale } from '@/lib/i18n';
import { useI18n } from '../I18n';
import { IssueList } from './IssueList';

export interface ImportPreviewProps {
  fileName: string;
  result: ImportResult;
  plan: ImportPlan;
  outcome: ImportOutcome;
  decisions: Record<number, string>;
  status: Status;
  notice?: 'conflict';
  busy?: boolean;
  onDecide(row: number, choice: string): void;
  onDecideAll(choice: 'merge' | 'new'): void;
  onStatus(status: Status): void;
  onConfirm(): void;
  onCancel(): void;
}

export function formatBirthday(locale: Locale, b: DayOfYear | undefined): string {
  return formatDayOfYear(locale, b);
}

type Person = Pick<ContactDraft, 'name' | 'company' | 'position' | 'birthday'> & {
  emails?: readonly string[];
  phones?: readonly string[];
  profileUrls?: readonly string[];
};

/** Name, company, position, e-mails, phones, profiles, birthday as a definition list. */
function PersonFields({ person, added }: { person: Person; added?: Additions }) {
  const { t, locale } = useI18n();
  const rows: [string, ReactNode][] = [];
  const mark = (value: string, isNew: boolean) =>
    isNew ? (
      <span className="io-plus" key={value}>
        + {value}
      </span>
    ) : (
      <span key={value}>{value}</span>
    );
  const list = (values: readonly string[] | undefined, news: string[] = []) =>
    values?.length ? (
      <>
        {values.map((v, i) => (
          <span key={v}>
            {i > 0 && <br />}
            {mark(v, news.includes(v))}
          </span>
        ))}
      </>
    ) : null;
  if (person.company)
    rows.push([t('io.field.company'), mark(person.company, added?.company !== undefined)]);
  if (person.position)
    rows.push([t('io.field.position'), mark(person.position, added?.position !== undefined)]);
  const emails = list(person.emails, added?.emails);
  if (emails) rows.push([t('io.field.email'), emails]);
  const phones = list(person.phones, added?.phones);
  if (phones) rows.push([t('io.field.phone'), phones]);
  const urls = list(person.profileUrls, added?.profileUrls);
  if (urls) rows.push([t('io.field.url'), urls]);
  if (person.birthday)
    rows.push([
      t('io.field.birthday'),
      mark(formatBirthday(locale, person.birthday), added?.birthday !== undefined),
    ]);
  return (
    <div className="io-person">
      <strong>{person.name}</strong>
      {rows.length > 0 && (
        <dl>
          {rows.map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function AddedOnly({ added }: { added: Additions }) {
  const { t, locale } = useI18n();
  const items: string[] = [
    ...added.emails,
    ...added.phones,
    ...added.profileUrls,
    ...(added.company ? [`${t('io.field.company')}: ${added.company}`] : []),
    ...(added.position ? [`${t('io.field.position')}: ${added.position}`] : []),
    ...(added.birthday
      ? [`${t('io.field.birthday')}: ${formatBirthday(locale, added.birthday)}`]
      : []),
  ];
  return (
    <ul className="io-adds-list">
      {items.map((i) => (
        <li key={i} className="io-plus">
          + {i}
        </li>
      ))}
    </ul>
  );
}

function MergeCard({ merged, plan }: { merged: MergedContact; plan: ImportPlan }) {
  const { t } = useI18n();
  const rows = merged.rows.map((i) => plan.rows[i]).filter(Boolean);
  const draft = rows[0]?.draft;
  const reasons = rows.flatMap((r) => (r && r.kind === 'merge' ? r.reasons : ['name-company']));
  return (
    <li className="io-pair" data-testid="import-merge">
      <div>
        <div className="io-col-title">{t('io.merge.stored')}</div>
        <PersonFields person={merged.before} />
      </div>
      <div>
        <div className="io-col-title">
          {t('io.merge.incoming')}
          {[...new Set(reasons)].map((r) => (
            <span key={r} className="io-reason">
              {t(`io.reason.${r}`)}
            </span>
          ))}
        </div>
        {draft && <PersonFields person={draft} />}
      </div>
      <div className="io-adds">
        <div className="io-col-title">{t('io.merge.adds')}</div>
        <AddedOnly added={merged.added} />
      </div>
    </li>
  );
}

function candidateOf(plan: ImportPlan, id: string): Contact | undefined {
  return plan.existing.get(id) ?? plan.fresh.get(id);
}

function SimilarCard(props: {
  row: SimilarRow;
  plan: ImportPlan;
  choice: string | undefined;
  onDecide(choice: string): void;
}) {
  const { t } = useI18n();
  const { row, plan } = props;
  const name = `io-similar-${row.index}`;
  return (
    <li
      className={`io-similar${props.choice === undefined ? ' is-pending' : ''}`}
      data-testid="import-similar"
    >
      <div>
        <div className="io-col-title">{t('io.merge.incoming')}</div>
        <PersonFields person={row.draft} />
      </div>
      <fieldset>
        <legend className="visually-hidden">{row.draft.name}</legend>
        {row.candidates.map((c) => {
          const other = candidateOf(plan, c.contactId);
          return (
            <label key={c.contactId}>
              <input
                type="radio"
                name={name}
                checked={props.choice === c.contactId}
                onChange={() => props.onDecide(c.contactId)}
              />{' '}
              {t('io.similar.mergeWith', { name: other?.name ?? '?' })}
              <span className="io-muted-small">
                {' '}
                {[other?.company, other?.emails[0], c.inFile ? t('io.similar.inFile') : '']
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </label>
          );
        })}
        <label>
          <input
            type="radio"
            name={name}
            checked={props.choice === 'new'}
            onChange={() => props.onDecide('new')}
          />{' '}
          {t('io.similar.addNew')}
        </label>
      </fieldset>
    </li>
  );
}

/** Show `step` more each time (long lists stay fast to render). */
function useMore(step: number): [number, () => void] {
  const [n, setN] = useState(step);
  return [n, () => setN((x) => x + step * 4)];
}

export function ImportPreview(props: ImportPreviewProps) {
  const { t, locale } = useI18n();
  const { plan, outcome, result } = props;
  const similar = plan.rows.filter((r): r is SimilarRow => r.kind === 'similar');
  const issues = result.errors.filter((e: ImportIssue) => ISSUE_EFFECT[e.code] !== 'file');
  const skipped =
    issues.filter((e) => ISSUE_EFFECT[e.code] === 'row').length + outcome.invalid.length;
  const values = issues.filter((e) => ISSUE_EFFECT[e.code] === 'value').length;
  const heading = useRef<HTMLHeadingElement>(null);
  // The file button that had focus is gone: keyboard and screen-reader users land on the preview.
  useEffect(() => heading.current?.focus(), []);
  const [similarShown, moreSimilar] = useMore(25);
  const [mergedShown, moreMerged] = useMore(20);
  const pending = outcome.pending.length;
  const nothing = !pending && outcome.added.length === 0 && outcome.merged.length === 0;
  const summary: [string, number, string][] = [
    ['new', outcome.added.length, t('io.sum.new')],
    ['merge', outcome.merged.length, t('io.sum.merge')],
    ['unchanged', outcome.unchanged.length, t('io.sum.unchanged')],
    ['similar', similar.length, t('io.sum.similar')],
    ['errors', skipped + values, t('io.sum.errors')],
  ];
  if (outcome.combined.length)
    summary.push(['combined', outcome.combined.length, t('io.sum.combined')]);

  return (
    <section
      className="io-section"
      aria-labelledby="io-preview-heading"
      data-testid="import-preview"
    >
      <div>
        <h3 id="io-preview-heading" ref={heading} tabIndex={-1}>
          {t('io.preview.heading', { name: props.fileName })}
        </h3>
        <p className="muted">
          {t('io.preview.detected', {
            format: t(`io.format.${result.format}`),
            count: result.contacts.length,
          })}
        </p>
      </div>
      {props.notice === 'conflict' && (
        <p className="io-note warn" role="alert">
          {t('io.conflict')}
        </p>
      )}
      {result.format === 'backup-json' && <p className="io-note">{t('io.backupHint')}</p>}

      <ul className="io-summary" data-testid="import-summary">
        {summary.map(([cls, n, label]) => (
          <li key={cls} className={`io-sum-${cls}`} data-testid={`sum-${cls}`}>
            <span className="io-figure">{formatNumber(locale, n)}</span>
            <span>{label}</span>
          </li>
        ))}
      </ul>

      {outcome.added.length > 0 && (
        <div className="io-row">
          <label htmlFor="io-status">{t('io.status.label')}</label>
          <select
            id="io-status"
            value={props.status}
            onChange={(e) => props.onStatus(e.currentTarget.value as Status)}
          >
            <option value="prospect">{t('status.prospect')}</option>
            <option value="active">{t('status.active')}</option>
          </select>
        </div>
      )}

      {similar.length > 0 && (
        <section className="io-section" aria-labelledby="io-similar-heading">
          <h4 id="io-similar-heading">{t('io.similar.heading')}</h4>
          <p className="muted">{t('io.similar.intro')}</p>
          <div className="io-row">
            <button type="button" onClick={() => props.onDecideAll('merge')}>
              {t('io.similar.allMerge')}
            </button>
            <button type="button" onClick={() => props.onDecideAll('new')}>
              {t('io.similar.allNew')}
            </button>
          </div>
          <ul className="io-list">
            {similar.slice(0, similarShown).map((row) => (
              <SimilarCard
                key={row.index}
                row={row}
                plan={plan}
                choice={props.decisions[row.index]}
                onDecide={(c) => props.onDecide(row.index, c)}
              />
            ))}
          </ul>
          {similar.length > similarShown && (
            <button type="button" onClick={moreSimilar}>
              {t('io.showAll', { count: similar.length })}
            </button>
          )}
        </section>
      )}

      {outcome.merged.length > 0 && (
        <section className="io-section" aria-labelledby="io-merge-heading">
          <h4 id="io-merge-heading">{t('io.merge.heading')}</h4>
          <p className="muted">{t('io.merge.intro')}</p>
          <ul className="io-list">
            {outcome.merged.slice(0, mergedShown).map((m) => (
              <MergeCard key={m.before.id} merged={m} plan={plan} />
            ))}
          </ul>
          {outcome.merged.length > mergedShown && (
            <button type="button" onClick={moreMerged}>
              {t('io.showAll', { count: outcome.merged.length })}
            </button>
          )}
        </section>
      )}

      {outcome.added.length > 0 && (
        <section className="io-section" aria-labelledby="io-new-heading">
          <h4 id="io-new-heading">{t('io.new.heading')}</h4>
          <table className="io-table" data-testid="import-new">
            <thead>
              <tr>
                <th scope="col">{t('contacts.name')}</th>
                <th scope="col">{t('contacts.company')}</th>
                <th scope="col">{t('contacts.email')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.added.slice(0, 8).map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{c.company ?? ''}</td>
                  <td>{c.emails[0] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {outcome.added.length > 8 && (
            <p className="io-muted-small">
              {t('io.new.more', { count: outcome.added.length - 8 })}
            </p>
          )}
        </section>
      )}

      {(issues.length > 0 || outcome.invalid.length > 0) && (
        <section className="io-section" aria-labelledby="io-errors-heading">
          <h4 id="io-errors-heading">{t('io.errors.heading')}</h4>
          <p className="muted">
            {[
              skipped ? t('io.errors.skipped', { count: skipped }) : '',
              values ? t('io.errors.values', { count: values }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <IssueList issues={issues} />
        </section>
      )}

      {(plan.referrals.size > 0 || outcome.referralNotes.length > 0) && (
        <section
          className="io-section"
          aria-labelledby="io-referral-heading"
          data-testid="import-referrals"
        >
          <h4 id="io-referral-heading">{t('io.referral.heading')}</h4>
          {plan.referrals.size > 0 && (
            <p className="muted">{t('io.referral.linked', { count: plan.referrals.size })}</p>
          )}
          {outcome.referralNotes.length > 0 && (
            <ul className="io-issues">
              {outcome.referralNotes.slice(0, 50).map((n) => (
                <li key={n.index}>
                  {t(`io.referral.${n.problem}`, {
                    name: plan.rows[n.index]?.draft.name ?? '',
                    text: n.text,
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <div className="io-actions">
        {nothing ? (
          <p className="io-note ok" role="status">
            {t('io.nothing')}
          </p>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={pending > 0 || props.busy}
            onClick={props.onConfirm}
            data-testid="import-confirm"
          >
            {t('io.confirm', { added: outcome.added.length, merged: outcome.merged.length })}
          </button>
        )}
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        {pending > 0 && (
          <span className="io-muted-small" role="status">
            {t('io.similar.pending', { count: pending })}
          </span>
        )}
      </div>
    </section>
  );
}
