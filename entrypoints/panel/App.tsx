import { I18nProvider, useI18n } from '@/components/I18n';
import { TierBadge } from '@/components/TierBadge';
import { usePanelConnection } from '@/lib/ui/panel-connection';
import type { PanelPerson } from '@/lib/messaging';

function Person({ person }: { person: PanelPerson }) {
  const { t } = useI18n();
  const card = person.card;
  if (!card)
    return (
      <section className="card" data-testid="unknown-person">
        <h2>{person.fromPage.name ?? person.fromPage.email}</h2>
        <p className="muted">{t('panel.unknown')}</p>
      </section>
    );
  const c = card.contact;
  return (
    <section className="card" data-testid="contact-card">
      <h2>
        {c.name} <TierBadge tier={card.tier} reason={card.tierReason} />
      </h2>
      {c.company && <p className="muted">{c.company}</p>}
      {card.suggestion && <p data-testid="next-touch">{card.suggestion.reasons[0]}</p>}
    </section>
  );
}

function Panel({ connection }: { connection: ReturnType<typeof usePanelConnection> }) {
  const { t } = useI18n();
  const { view } = connection;
  if (!view) return <p className="muted">{t('panel.offline')}</p>;
  if (!view.people.length) return <p className="empty">{t('panel.noPerson')}</p>;
  return (
    <main className="panel">
      {view.people.map((p, i) => (
        <Person key={p.fromPage.email ?? p.fromPage.profileUrl ?? i} person={p} />
      ))}
    </main>
  );
}

export function App() {
  const connection = usePanelConnection();
  // Until the first view names the user's language, follow the browser.
  const locale =
    connection.view?.locale ?? (navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en');
  return (
    <I18nProvider locale={locale}>
      <Panel connection={connection} />
    </I18nProvider>
  );
}
