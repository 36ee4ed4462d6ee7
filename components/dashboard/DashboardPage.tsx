// The dashboard: navigation between its sections, the reminders, and a guard for unsaved changes.
import { useEffect, useMemo, useState } from 'react';
import './dashboard.css';
import { ErrorBoundary } from '../ErrorBoundary';
import { I18nProvider, useI18n } from '../I18n';
import { ContactPage } from './ContactPage';
import { ContactsPage } from './ContactsPage';
import { DuplicatesPage } from './DuplicatesPage';
import { InsightsPage } from './InsightsPage';
import { OccasionsPage } from './OccasionsPage';
import { SettingsPage } from './SettingsPage';
import { SyncPage } from './SyncPage';
import { Dialog, SettingsContext, ToastHost } from './ui';
import { BackupReminder } from '../io/BackupReminder';
import { ImportExportPage } from '../io/ImportExportPage';
import { ReimportReminder } from '../io/ReimportReminder';
import { runtimeTimeZone } from '@/lib/core';
import type { Settings } from '@/lib/model';
import { useGuardedRoute, type PendingLeave } from '@/lib/ui/dashboard/guarded-route';
import { requestFreshDerived, useForwardDataChanges, useSettings } from '@/lib/ui/hooks';
import { useBackupReminder, useReimportReminder, useWatchDataChanges } from '@/lib/ui/io/data';

const SECTIONS = [
  ['contacts', 'nav.contacts'],
  ['occasions', 'nav.occasions'],
  ['insights', 'nav.insights'],
  ['duplicates', 'nav.duplicates'],
  ['import', 'nav.import'],
  ['sync', 'nav.sync'],
  ['settings', 'nav.settings'],
] as const;

/** Unsaved changes and the user wants to go elsewhere: save, discard, or stay. */
function LeaveDialog({ pending }: { pending: PendingLeave }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open alert title={t('dash.leave.title')} onClose={pending.stay} testId="leave-dialog">
      <p>{t('dash.leave.text', { what: pending.guard.what })}</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void pending.guard.save().then((saved) => {
              setBusy(false);
              if (saved) pending.proceed();
              else pending.stay();
            });
          }}
        >
          {t('dash.leave.save')}
        </button>
        <button type="button" className="danger" onClick={pending.proceed}>
          {t('dash.leave.discard')}
        </button>
        <button type="button" onClick={pending.stay}>
          {t('dash.leave.stay')}
        </button>
      </div>
    </Dialog>
  );
}

/** "Back up your data" and "re-import LinkedIn" when they are due. */
function Reminders() {
  const backup = useBackupReminder();
  const reimport = useReimportReminder();
  return (
    <>
      {backup?.due && (
        <BackupReminder
          daysSinceBackup={backup.daysSinceBackup}
          busy={backup.busy}
          savedFile={backup.lastFile}
          onBackup={backup.backupNow}
        />
      )}
      {reimport && (
        <ReimportReminder days={reimport.days} onImport={() => (location.hash = '#/import')} />
      )}
    </>
  );
}

function Dashboard() {
  const { t, locale } = useI18n();
  const [route, go, pending] = useGuardedRoute();
  const section = route.path[0] ?? 'contacts';
  const known = SECTIONS.some(([id]) => id === section) ? section : 'contacts';

  useEffect(() => {
    // Derived rows (summaries, agenda) for today: the background computes what is stale.
    void requestFreshDerived();
  }, []);
  useEffect(() => {
    const label = SECTIONS.find(([id]) => id === known)?.[1] ?? 'nav.contacts';
    document.title = `${t('app.name')} — ${t(label)}`;
  }, [known, t]);

  return (
    <div className="dashboard">
      <nav className="dash-nav" aria-label={t('options.title')}>
        <strong className="brand">{t('app.name')}</strong>
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#/${id}`} aria-current={known === id ? 'page' : undefined}>
            {t(label)}
          </a>
        ))}
      </nav>
      <div className="dash-main">
        {/* A view that cannot render leaves the navigation usable; another view gets a fresh try. */}
        <ErrorBoundary locale={locale} home="#/contacts" resetKey={JSON.stringify(route.path)}>
          {/* On the import page the same reminders sit next to the backup controls. */}
          {known !== 'import' && <Reminders />}
          {known === 'contacts' && route.path[1] ? (
            <ContactPage key={route.path[1]} contactId={route.path[1]} route={route} go={go} />
          ) : known === 'occasions' ? (
            <OccasionsPage route={route} go={go} />
          ) : known === 'insights' ? (
            <InsightsPage route={route} go={go} />
          ) : known === 'duplicates' ? (
            <DuplicatesPage route={route} go={go} />
          ) : known === 'import' ? (
            <ImportExportPage route={route} go={go} />
          ) : known === 'sync' ? (
            <SyncPage route={route} go={go} />
          ) : known === 'settings' ? (
            <SettingsPage route={route} go={go} />
          ) : (
            <ContactsPage route={route} go={go} />
          )}
        </ErrorBoundary>
      </div>
      {pending && <LeaveDialog pending={pending} />}
    </div>
  );
}

export function DashboardPage() {
  useForwardDataChanges();
  useWatchDataChanges();
  const stored = useSettings();
  // The zone named once: without one, every date helper would ask Intl for the browser's zone,
  // which costs more than the rest of a table row.
  const settings = useMemo<Settings | undefined>(
    () => stored && { ...stored, timeZone: stored.timeZone ?? runtimeTimeZone() },
    [stored],
  );
  useEffect(() => {
    if (settings) document.documentElement.lang = settings.locale;
  }, [settings]);
  if (!settings) return null;
  return (
    <I18nProvider locale={settings.locale}>
      <SettingsContext.Provider value={settings}>
        <ToastHost>
          <Dashboard />
        </ToastHost>
      </SettingsContext.Provider>
    </I18nProvider>
  );
}
