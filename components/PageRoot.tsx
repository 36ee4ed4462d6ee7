// How every extension page (popup, dashboard, panel, side panel) starts: React in strict mode under
// an error boundary, so that a render error shows a message instead of a blank page.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { localeOf } from '@/lib/i18n';
import { ErrorBoundary } from './ErrorBoundary';

export function renderPage(page: ReactNode, options: { home?: string } = {}): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {/* Above the page's own settings (which may be what fails): the browser's language. */}
      <ErrorBoundary locale={localeOf(navigator.language)} home={options.home}>
        {page}
      </ErrorBoundary>
    </StrictMode>,
  );
}
