import { useI18n } from '../I18n';
import type { PageProps } from './types';

// Replaced by the full page (issue: the dashboard).
export function ContactPage(_props: PageProps & { contactId: string }) {
  const { t } = useI18n();
  return <main className="empty">{t('common.loading')}</main>;
}
