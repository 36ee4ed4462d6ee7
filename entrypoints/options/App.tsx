import { I18nProvider, useI18n } from '@/components/I18n';
import { ContactPage } from '@/components/dashboard/ContactPage';
import { ContactsPage } from '@/components/dashboard/ContactsPage';
import { DuplicatesPage } from '@/components/dashboard/DuplicatesPage';
import { InsightsPage } from '@/components/dashboard/InsightsPage';
import { SettingsPage } from '@/components/dashboard/SettingsPage';
import { ImportExportPage } from '@/components/io/ImportExportPage';
import { useForwardDataChanges, useSettings } from '@/lib/ui/hooks';
import { useRoute } from '@/lib/ui/route';

const SECTIONS = [
  ['contacts', 'nav.contacts'],
  ['insights', 'nav.insights'],
  ['duplicates', 'nav.duplicates'],
  ['import', 'nav.import'],
  ['settings', 'nav.settings'],
] as const;

function Dashboard() {
  const { t } = useI18n();
  const [route, go] = useRoute();
  const section = route.path[0] ?? 'contacts';
  return (
    <div className="dashboard">
      <nav className="dash-nav" aria-label={t('options.title')}>
        <strong className="brand">{t('app.name')}</strong>
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#/${id}`} aria-current={section === id ? 'page' : undefined}>
            {t(label)}
          </a>
        ))}
      </nav>
      <div className="dash-main">
        {section === 'contacts' && route.path[1] ? (
          <ContactPage contactId={route.path[1]} route={route} go={go} />
        ) : section === 'insights' ? (
          <InsightsPage route={route} go={go} />
        ) : section === 'duplicates' ? (
          <DuplicatesPage route={route} go={go} />
        ) : section === 'import' ? (
          <ImportExportPage route={route} go={go} />
        ) : section === 'settings' ? (
          <SettingsPage route={route} go={go} />
        ) : (
          <ContactsPage route={route} go={go} />
        )}
      </div>
    </div>
  );
}

export function App() {
  useForwardDataChanges();
  const settings = useSettings();
  if (!settings) return null;
  return (
    <I18nProvider locale={settings.locale}>
      <Dashboard />
    </I18nProvider>
  );
}
