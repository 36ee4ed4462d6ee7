import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/I18n';
import { SettingsPage } from '@/components/dashboard/SettingsPage';
import { ToastHost } from '@/components/dashboard/ui';
import { getDb, getStoredSettings } from '@/lib/db';
import { parseHash } from '@/lib/ui/route';

// The daily reminder needs the optional "notifications" permission: asked for from the click
// itself (browsers accept the request only while handling the user's gesture), stored only when
// granted.

function renderSettings() {
  return render(
    <I18nProvider locale="de">
      <ToastHost>
        <SettingsPage route={parseHash('#/settings')} go={() => {}} />
      </ToastHost>
    </I18nProvider>,
  );
}

afterEach(async () => {
  cleanup();
  await getDb().settings.clear();
});

describe('the daily reminder', () => {
  it('asks for the permission during the click and stores the time once granted', async () => {
    const request = vi
      .spyOn(fakeBrowser.permissions, 'request')
      .mockImplementation(() => Promise.resolve(true));
    renderSettings();
    const toggle = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: 'Täglich an Fälliges erinnern',
    });
    fireEvent.click(toggle);
    // Asked synchronously inside the click handler, not after an await.
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    const time = await screen.findByLabelText('Um');
    expect(toggle.checked).toBe(true);
    fireEvent.change(time, { target: { value: '07:45' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    });
    await waitFor(async () =>
      expect(await getStoredSettings(getDb())).toEqual({ notificationTime: '07:45' }),
    );
  });

  it('says so and stores nothing when the browser refuses', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => Promise.resolve(false));
    renderSettings();
    const toggle = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: 'Täglich an Fälliges erinnern',
    });
    fireEvent.click(toggle);
    await screen.findByText(/hat Benachrichtigungen nicht erlaubt/);
    expect(toggle.checked).toBe(false);
    expect(screen.queryByLabelText('Um')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Speichern' }).disabled).toBe(
      true,
    );
    expect(await getStoredSettings(getDb())).toEqual({});
  });
});

describe('a save that fails as a whole', () => {
  it('says why at the save bar, in German, and keeps the edit', async () => {
    renderSettings();
    const field = await screen.findByLabelText('Persönlicher Kontakt alle … Tage für Stufe A');
    fireEvent.change(field, { target: { value: '21' } });
    // The disk is full: the browser refuses the write.
    vi.spyOn(getDb().settings, 'put').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    });
    expect((await screen.findByTestId('save-error')).textContent).toMatch(
      /keinen Platz mehr für Daten. Nichts wurde gespeichert/,
    );
    expect((field as HTMLInputElement).value).toBe('21');
    expect(await getStoredSettings(getDb())).toEqual({});
  });
});
