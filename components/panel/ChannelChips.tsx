import { useId } from 'react';
import { channelName } from '@/lib/i18n';
import { LOG_CHANNELS, type Channel } from '@/lib/model';
import { capitalize } from '@/lib/ui/format';
import { useI18n } from '../I18n';

/**
 * How the conversation went: E-Mail · Telefon · Treffen · Besuch · XING · LinkedIn, the site's
 * channel chosen first. Radio buttons: one tab stop, arrow keys move the choice.
 */
export function ChannelChips({
  value,
  onChange,
}: {
  value: Channel;
  onChange(channel: Channel): void;
}) {
  const { t, locale } = useI18n();
  const name = useId();
  return (
    <fieldset className="scale chips" data-testid="channel-chips">
      <legend className="muted small">{t('panel.channel')}</legend>
      <div className="chip-options">
        {LOG_CHANNELS.map((ch) => (
          <label key={ch} className={value === ch ? 'chosen' : undefined}>
            <input
              type="radio"
              name={name}
              value={ch}
              checked={value === ch}
              onChange={() => onChange(ch)}
            />
            <span>{capitalize(channelName(locale, ch))}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
