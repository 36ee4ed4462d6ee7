import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { I18nProvider, useI18n } from '@/components/I18n';
import { getDb, putHistories } from '@/lib/db';
import { generateDemoData } from '@/lib/demo';
import { useForwardDataChanges, useSettings } from '@/lib/ui/hooks';

function Contacts() {
  const { t } = useI18n();
  const [message, setMessage] = useState<string>();
  const contacts = useLiveQuery(() => getDb().contacts.orderBy('name').toArray(), []);

  async function loadDemo() {
    const histories = generateDemoData({ now: new Date() });
    await putHistories(getDb(), histories);
    setMessage(t('demo.loaded', { count: histories.length }));
  }

  return (
    <main className="dashboard">
      <header>
        <h1>{t('options.title')}</h1>
        <button type="button" data-testid="load-demo" onClick={() => void loadDemo()}>
          {t('demo.load')}
        </button>
        {message && <p role="status">{message}</p>}
      </header>
      {contacts === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : contacts.length === 0 ? (
        <p className="empty">{t('contacts.empty')}</p>
      ) : (
        <table data-testid="contacts-table">
          <thead>
            <tr>
              <th>{t('contacts.name')}</th>
              <th>{t('contacts.company')}</th>
              <th>{t('contacts.email')}</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.company ?? ''}</td>
                <td>{c.emails[0] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
      <Contacts />
    </I18nProvider>
  );
}
