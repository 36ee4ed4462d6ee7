// Keeping the record fresh from the page (issue 14, 2): the new position the person's profile shows,
// and the facts the advice needs that an A or B record lacks, filled in on the spot.
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { channelName } from '@/lib/i18n';
import type { ContactCard } from '@/lib/messaging';
import type { AdviceFact } from '@/lib/core/page-facts';
import { MONTHS, PREFERABLE_CHANNELS, type Channel, type DayOfYear } from '@/lib/model';
import { capitalize } from '@/lib/ui/format';
import { EMPTY_DAY, dayFromForm, type DayForm } from '@/lib/ui/dashboard/form';
import type { ActionResult } from './ContactCardView';
import { useI18n } from '../I18n';

type Change = NonNullable<ContactCard['positionChange']>;

/** "Neue Position: Leiterin Controlling bei Muster AG – übernehmen?" */
export function PositionOffer({
  change,
  busy,
  onTake,
  onDecline,
}: {
  change: Change;
  busy: boolean;
  onTake(): void;
  onDecline(): void;
}) {
  const { t } = useI18n();
  return (
    <section className="ask position-offer" data-testid="position-offer">
      <p>
        {t(change.replaces ? 'panel.positionNew' : 'panel.positionFill', {
          position: change.text,
        })}
      </p>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={onTake}
        data-testid="position-take"
      >
        {t('panel.positionTake')}
      </button>{' '}
      <button type="button" disabled={busy} onClick={onDecline} data-testid="position-decline">
        {t('panel.positionDecline')}
      </button>
    </section>
  );
}

/** What "Ergänzen" sends: only the facts the user gave. */
export interface FactsInput {
  birthday?: DayOfYear;
  preferredChannels?: Channel[];
  interests?: string[];
  address?: 'Sie' | 'Du';
}

/** "Für den nächsten persönlichen Kontakt fehlt noch: Geburtstag, Anrede" and a small form for exactly those. */
export function MissingFacts({
  missing,
  busy,
  onSave,
}: {
  missing: readonly AdviceFact[];
  busy: boolean;
  onSave(facts: FactsInput): Promise<ActionResult>;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState<DayForm>(EMPTY_DAY);
  const [channel, setChannel] = useState<Channel | ''>('');
  const [interests, setInterests] = useState('');
  const [address, setAddress] = useState<'Sie' | 'Du' | ''>('');
  const [error, setError] = useState<string>();
  const toggle = useRef<HTMLButtonElement>(null);
  if (!missing.length) return null;
  const asks = (f: AdviceFact) => missing.includes(f);
  // The first field asked for takes the focus when the form opens.
  const first = (f: AdviceFact) => missing[0] === f;

  const close = () => {
    setOpen(false);
    setError(undefined);
    toggle.current?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const facts: FactsInput = {};
    if (asks('birthday')) {
      const parsed = dayFromForm(day);
      if (!parsed.ok) {
        setError(t('panel.factsBirthdayInvalid'));
        return;
      }
      if (parsed.value) facts.birthday = parsed.value;
    }
    if (asks('preferredChannels') && channel) facts.preferredChannels = [channel];
    const list = interests
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (asks('interests') && list.length) facts.interests = list;
    if (asks('address') && address) facts.address = address;
    if (!Object.keys(facts).length) {
      setError(t('panel.factsEmpty'));
      return;
    }
    setError(undefined);
    const r = await onSave(facts);
    if (r.ok) {
      setOpen(false);
      setDay(EMPTY_DAY);
      setChannel('');
      setInterests('');
      setAddress('');
    } else if (r.message) setError(r.message);
  };

  return (
    <section
      className="missing-facts"
      aria-label={t('panel.missingTitle')}
      data-testid="missing-facts"
    >
      <p>
        {t('panel.missing', { list: missing.map((f) => t(`panel.missing.${f}`)).join(', ') })}{' '}
        <button
          ref={toggle}
          type="button"
          className="link inline"
          aria-expanded={open}
          onClick={() => (open ? close() : setOpen(true))}
          data-testid="missing-fill"
        >
          {t('panel.missingFill')}
        </button>
      </p>
      {open && (
        <form
          className="mini-form"
          onSubmit={(e) => void submit(e)}
          onKeyDown={onKey}
          aria-label={t('panel.missingTitle')}
          data-testid="missing-form"
        >
          {asks('birthday') && (
            <fieldset className="day-inputs">
              <legend>{t('panel.birthday')}</legend>
              <input
                autoFocus={first('birthday')}
                className="num2"
                inputMode="numeric"
                aria-label={t('dash.day.day')}
                placeholder={t('dash.day.dayPh')}
                value={day.day}
                onChange={(e) => setDay({ ...day, day: e.target.value })}
              />
              <select
                aria-label={t('dash.day.month')}
                value={day.month}
                onChange={(e) => setDay({ ...day, month: e.target.value })}
              >
                <option value="">{t('dash.day.monthPh')}</option>
                {MONTHS.map((m) => (
                  <option key={m} value={String(m)}>
                    {t(`month.${m}`)}
                  </option>
                ))}
              </select>
              <input
                className="num4"
                inputMode="numeric"
                aria-label={t('dash.day.year')}
                placeholder={t('dash.day.yearPh')}
                value={day.year}
                onChange={(e) => setDay({ ...day, year: e.target.value })}
              />
            </fieldset>
          )}
          {asks('preferredChannels') && (
            <label>
              {t('panel.missingChannel')}
              <select
                autoFocus={first('preferredChannels')}
                value={channel}
                onChange={(e) => setChannel(e.target.value as Channel | '')}
              >
                <option value="">–</option>
                {PREFERABLE_CHANNELS.map((ch) => (
                  <option key={ch} value={ch}>
                    {capitalize(channelName(locale, ch))}
                  </option>
                ))}
              </select>
            </label>
          )}
          {asks('interests') && (
            <label>
              {t('panel.interests')}
              <input
                autoFocus={first('interests')}
                value={interests}
                maxLength={500}
                placeholder={t('panel.interestsHint')}
                onChange={(e) => setInterests(e.target.value)}
              />
            </label>
          )}
          {asks('address') && (
            <label>
              {t('panel.address')}
              <select
                autoFocus={first('address')}
                value={address}
                onChange={(e) => setAddress(e.target.value as 'Sie' | 'Du' | '')}
              >
                <option value="">–</option>
                <option value="Sie">Sie</option>
                <option value="Du">Du</option>
              </select>
            </label>
          )}
          <div className="row">
            <button type="submit" className="primary" disabled={busy} data-testid="missing-save">
              {t('common.save')}
            </button>
            <button type="button" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
