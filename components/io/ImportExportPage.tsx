import type { PageProps } from '../dashboard/types';
import { useI18n } from '../I18n';

// Replaced by the full page (issue: import, export, backup).
export function ImportExportPage(_props: PageProps) {
  const { t } = useI18n();
  return (
    <main>
      <h1>{t('io.title')}</h1>
    </main>
  );
}
