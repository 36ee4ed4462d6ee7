// A person named on the page without any address who has the name of a contact (issue 14, 3): not
// "unknown" — the panel asks whether it is that contact.
import type { PanelPerson } from '@/lib/messaging';
import { useI18n } from '../I18n';

type Namesake = NonNullable<PanelPerson['sameName']>[number];

export function NameMatch({
  person,
  busy,
  onAnswer,
}: {
  person: PanelPerson;
  busy: boolean;
  onAnswer(contact: Namesake, same: boolean): void;
}) {
  const { t } = useI18n();
  const namesakes = person.sameName ?? [];
  return (
    <article className="contact-card name-match" data-testid="name-match">
      <header className="card-head">
        <h2>{person.fromPage.name}</h2>
      </header>
      {namesakes.map((c) => (
        <div key={c.id} className="ask" role="group" aria-label={c.name}>
          <p>
            {c.company
              ? t('panel.sameNameAt', { name: c.name, company: c.company })
              : t('panel.sameName', { name: c.name })}
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => onAnswer(c, true)}
            data-testid="name-yes"
          >
            {t('panel.sameNameYes')}
          </button>{' '}
          <button
            type="button"
            disabled={busy}
            onClick={() => onAnswer(c, false)}
            data-testid="name-no"
          >
            {t('panel.sameNameNo')}
          </button>
        </div>
      ))}
    </article>
  );
}
