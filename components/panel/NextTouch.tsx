import { channelName } from '@/lib/i18n';
import type { CardOccasion, ContactCard } from '@/lib/messaging';
import { useI18n } from '../I18n';

/**
 * The suggested next personal touch: what, when, how, why, and what to talk about. What it brings
 * (an attached occasion) stands out above the reasons instead of inside the folded talking points.
 */
export function NextTouch({
  suggestion,
  bring,
  dueText,
  overdue,
}: {
  suggestion: ContactCard['suggestion'];
  /** The occasion this touch brings, when it carries one. */
  bring?: CardOccasion;
  dueText: string;
  overdue: boolean;
}) {
  const { t, locale } = useI18n();
  if (!suggestion)
    return (
      <section className="next-touch quiet" data-testid="next-touch">
        <p>{t('panel.noTouch')}</p>
      </section>
    );
  // The core words the occasion as the first talking point; shown above, it is not repeated.
  const bringPoint = bring
    ? t(bring.text ? 'point.bring.text' : 'point.bring', {
        title: bring.title,
        text: bring.text ?? '',
      })
    : undefined;
  const points = suggestion.talkingPoints.filter((p) => p !== bringPoint);
  return (
    <section
      className={`next-touch${overdue ? ' overdue' : ''}`}
      aria-label={t('panel.nextTouch')}
      data-testid="next-touch"
      data-kind={suggestion.kind}
    >
      <p className="next-head">
        <strong>{t(`kind.${suggestion.kind}`)}</strong>{' '}
        <span className="muted">
          {t('panel.via', { channel: channelName(locale, suggestion.channel) })} · {dueText}
        </span>
      </p>
      {bring && (
        <p className="bring-line" data-testid="bring-line">
          <strong>{t('panel.bringLabel')}</strong> {bring.title}
          {bring.text ? ` – ${bring.text}` : ''}
        </p>
      )}
      <ul className="reasons">
        {suggestion.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {points.length > 0 && (
        <details>
          <summary>{t('panel.talkingPoints')}</summary>
          <ul className="talking-points">
            {points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
