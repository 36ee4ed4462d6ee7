import { channelName } from '@/lib/i18n';
import type { ContactCard } from '@/lib/messaging';
import { useI18n } from '../I18n';

/** The suggested next personal touch: what, when, how, why, and what to talk about. */
export function NextTouch({
  suggestion,
  dueText,
  overdue,
}: {
  suggestion: ContactCard['suggestion'];
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
      <ul className="reasons">
        {suggestion.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {suggestion.talkingPoints.length > 0 && (
        <details>
          <summary>{t('panel.talkingPoints')}</summary>
          <ul className="talking-points">
            {suggestion.talkingPoints.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
