import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '@/components/ErrorBoundary';

// A record the view cannot show: `emails` damaged into a string.
function ContactView({ contact }: { contact: { emails: unknown } }) {
  return (
    <ul>
      {(contact.emails as string[]).map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  location.hash = '';
});

// React reports caught errors to the console; that is expected here.
const quiet = () => vi.spyOn(console, 'error').mockImplementation(() => {});

describe('a render error', () => {
  it('shows a message and a reload instead of a blank page (German)', () => {
    quiet();
    render(
      <ErrorBoundary locale="de">
        <ContactView contact={{ emails: 'kaputt' }} />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Diese Ansicht konnte nicht angezeigt werden.');
    expect(screen.getByRole('button', { name: 'Neu laden' })).toBeTruthy();
    // No way "home" where the page has none (popup, panel).
    expect(screen.queryByRole('button', { name: 'Zurück zur Übersicht' })).toBeNull();
    expect(alert.textContent).toContain('TypeError');
  });

  it('speaks English and leads back to the overview, which renders again', () => {
    quiet();
    location.hash = '#/contacts/broken';
    const { rerender } = render(
      <ErrorBoundary locale="en" home="#/contacts" resetKey="broken">
        <ContactView contact={{ emails: 'broken' }} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This view could not be shown.');
    rerender(
      <ErrorBoundary locale="en" home="#/contacts" resetKey="broken">
        <p>All contacts</p>
      </ErrorBoundary>,
    );
    // Still the message: the same view is not tried again by itself.
    expect(screen.getByRole('alert')).toBeTruthy();
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Back to the overview' })));
    expect(location.hash).toBe('#/contacts');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('All contacts')).toBeTruthy();
  });

  it('gives another view a fresh try', () => {
    quiet();
    const { rerender } = render(
      <ErrorBoundary locale="en" resetKey="a">
        <ContactView contact={{ emails: 'broken' }} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(
      <ErrorBoundary locale="en" resetKey="b">
        <ContactView contact={{ emails: ['anna@example.com'] }} />
      </ErrorBoundary>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('anna@example.com')).toBeTruthy();
  });
});
