// A render error never leaves a blank page: the view that failed is replaced by a message and a way
// back (reload; in the dashboard also the overview), and the rest of the page keeps working.
// Only errors while rendering are caught (React's rule); event handlers report their own errors.
// React itself logs each caught error with its component stack to the console.
import { Component, type ReactNode } from 'react';
import { makeT, type Locale } from '@/lib/i18n';

export interface ErrorBoundaryProps {
  locale: Locale;
  children: ReactNode;
  /** A hash to go back to (`#/contacts`); without it, reloading is the way back. */
  home?: string;
  /** The view shown (the dashboard's route): a new one gets a fresh try. */
  resetKey?: string;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(prev: ErrorBoundaryProps): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  private goHome = () => {
    const { home } = this.props;
    if (home === undefined) return;
    if (location.hash !== home) location.hash = home;
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = makeT(this.props.locale);
    return (
      <section className="error-boundary card" role="alert" data-testid="error-boundary">
        <h2>{t('boundary.title')}</h2>
        <p>{t('boundary.text')}</p>
        <div className="error-boundary-actions">
          {this.props.home !== undefined && (
            <button type="button" className="primary" onClick={this.goHome}>
              {t('boundary.home')}
            </button>
          )}
          <button
            type="button"
            className={this.props.home === undefined ? 'primary' : undefined}
            onClick={() => location.reload()}
          >
            {t('boundary.reload')}
          </button>
        </div>
        <details className="muted">
          <summary>{t('boundary.details')}</summary>
          <code>{`${error.name}: ${error.message}`}</code>
        </details>
      </section>
    );
  }
}
