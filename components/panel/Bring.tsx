import type { CardOccasion, ContactCard } from '@/lib/messaging';
import { useI18n } from '../I18n';

/**
 * What to bring to this person (issue "Something to bring to every touch"): the occasions attached
 * and not brought yet (besides the one the next touch already names), the current occasions that
 * fit them — each attached with one click — and, lightly, what was brought last.
 */
export function BringSection({
  card,
  carriedId,
  dateLabel,
  busy,
  onAttach,
}: {
  card: ContactCard;
  /** The occasion the next touch brings (shown there, not repeated here). */
  carriedId: string | undefined;
  dateLabel(date: string): string;
  busy: boolean;
  onAttach(occasion: CardOccasion): void;
}) {
  const { t } = useI18n();
  const planned = card.planned.filter((o) => o.id !== carriedId);
  const last = card.lastBrought;
  if (!planned.length && !last && !card.fitting.length) return null;
  return (
    <section className="bring" aria-label={t('panel.bring')} data-testid="bring">
      <h3>{t('panel.bring')}</h3>
      {planned.length > 0 && (
        <ul className="planned" data-testid="planned">
          {planned.map((o) => (
            <li key={o.id}>
              <span className="muted">{t('panel.planned')}:</span> <strong>{o.title}</strong>
              {o.text ? ` – ${o.text}` : ''}
            </li>
          ))}
        </ul>
      )}
      {card.fitting.length > 0 && (
        <div
          className="fitting"
          role="group"
          aria-label={t('panel.attachTitle')}
          data-testid="fitting"
        >
          <p className="muted">{t('panel.attachTitle')}</p>
          <ul>
            {card.fitting.map((o) => (
              <li key={o.id} data-occasion={o.id}>
                <span className="fit-text">
                  <strong>{o.title}</strong>{' '}
                  <span className="muted">· {t(`occasionKind.${o.kind}`)}</span>
                  <span className="muted fit-why">{o.fits}</span>
                </span>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('panel.attachWhat', { title: o.title })}
                  onClick={() => onAttach(o)}
                >
                  {t('panel.attach')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {last && (
        <p className="muted last-brought" data-testid="last-brought">
          {t('panel.lastBrought', {
            what: [t(`brought.${last.kind}`), last.text].filter(Boolean).join(': '),
            day: dateLabel(last.at),
          })}
        </p>
      )}
    </section>
  );
}
