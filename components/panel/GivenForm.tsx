import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { channelName } from '@/lib/i18n';
import { GIVEN_KINDS, type GivenKind } from '@/lib/messaging';
import type { Channel } from '@/lib/model';
import { capitalize } from '@/lib/ui/format';
import { useI18n } from '../I18n';
import { SaveCancel } from '../SaveCancel';

export interface Given {
  kind: GivenKind;
  text: string;
  channel: Channel;
}

/** The ways something is given: the page's channel first, then in person, by letter, as a gift. */
function givenChannels(logChannel: Channel): Channel[] {
  return [...new Set<Channel>([logChannel, 'phone', 'meeting', 'visit', 'letter', 'gift'])];
}

/**
 * "+ Tipp/Gefallen": something given without selling — a tip, a contact passed on, a favour, a small
 * gift — recorded as a personal touch of ours (seed 002: "Eine Hand wäscht die andere"). Escape
 * closes the form without saving.
 */
export function GivenForm({
  logChannel,
  busy,
  onSave,
  onCancel,
}: {
  logChannel: Channel;
  busy: boolean;
  onSave(given: Given): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<GivenKind>('tip');
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<Channel>(logChannel);
  const name = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({ kind, text, channel });
  };
  const onKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onCancel();
  };
  return (
    <form className="mini-form" onSubmit={submit} onKeyDown={onKey} data-testid="given-form">
      <fieldset className="ticks given-kinds">
        <legend>{t('panel.givenKind')}</legend>
        {GIVEN_KINDS.map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              name={name}
              value={k}
              checked={kind === k}
              autoFocus={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`brought.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('panel.givenText')}
        <input
          required
          value={text}
          maxLength={300}
          placeholder={t('panel.givenExample')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label>
        {t('panel.givenChannel')}
        <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          {givenChannels(logChannel).map((ch) => (
            <option key={ch} value={ch}>
              {capitalize(channelName(locale, ch))}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{t('panel.givenHint')}</p>
      <SaveCancel busy={busy} onCancel={onCancel} testId="given-save" className="row" />
    </form>
  );
}
