import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb, putHistories } from '@/lib/db';
import { generateDemoData } from '@/lib/demo';
import { useI18n } from '../I18n';
import type { PageProps } from './types';

export function ContactsPage(_props: PageProps) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string>();
  const contacts = useLiveQuery(() => getDb().contacts.orderBy('name').toArray(), []);

  async function loadDemo() {
    const histories = generateDemoData({ now: new Date() });
    await putHistories(getDb(), histories);
    setMessage(t('demo.loaded', { count: histories.length }));
  }

  return (
    <main>
      <header>
        <h1>{t('nav.contacts')}</h1>
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
