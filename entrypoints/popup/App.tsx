import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { I18nProvider, useI18n } from '@/components/I18n';
import { getDb } from '@/lib/db';
import { useForwardDataChanges, useSettings } from '@/lib/ui/hooks';

function Today() {
  const { t } = useI18n();
  const count = useLiveQuery(() => getDb().contacts.count(), []);
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>{t('popup.title')}</h1>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openDashboard')}
        </button>
      </header>
      {count === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <p data-testid="contact-count">{t('contacts.count', { count })}</p>
      )}
    </main>
  );
}

export function App() {
  useForwardDataChanges();
  const settings = useSettings();
  if (!settings) return null;
  return (
    <I18nProvider locale={settings.locale}>
      <Today />
    </I18nProvider>
  );
}
