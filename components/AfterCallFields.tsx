import type { NoteDraft } from '@/lib/ui/note';
import { useI18n } from './I18n';
import { SatisfactionScale } from './SatisfactionScale';

/**
 * The after-call note's fields after "what was it about?" (each form puts that first): the two
 * ratings, seed 003's two questions, what moves the customer now ("Neues Thema?", noted as a
 * concern), and ticks for a complaint, price pressure, a wish and a promise given. Every field is
 * optional; a ticked wish or promise asks for its words (and the promise for its day).
 */
export function AfterCallFields({
  draft,
  onChange,
  promiseDefaultDue,
  concernField = true,
}: {
  draft: NoteDraft;
  onChange(patch: Partial<NoteDraft>): void;
  /** The promise's day when it is ticked (the user can change it). */
  promiseDefaultDue: string;
  /** Show "Neues Thema?" (false where the surrounding form shows it already). */
  concernField?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <SatisfactionScale
        legend={t('note.product')}
        value={draft.product}
        onChange={(product) => onChange({ product })}
        testId="scale-product"
      />
      <SatisfactionScale
        legend={t('note.service')}
        value={draft.service}
        onChange={(service) => onChange({ service })}
        testId="scale-service"
      />
      <label>
        {t('note.support')}
        <input
          value={draft.support}
          maxLength={1000}
          onChange={(e) => onChange({ support: e.target.value })}
        />
      </label>
      <label>
        {t('note.improve')}
        <input
          value={draft.improve}
          maxLength={1000}
          onChange={(e) => onChange({ improve: e.target.value })}
        />
      </label>
      {concernField && (
        <label>
          {t('note.concern')}
          <input
            value={draft.concern}
            maxLength={300}
            placeholder={t('note.concernExample')}
            onChange={(e) => onChange({ concern: e.target.value })}
            data-testid="note-concern"
          />
        </label>
      )}
      <fieldset className="ticks">
        <legend>{t('note.ticks')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.complaint}
            onChange={(e) => onChange({ complaint: e.target.checked })}
          />
          {t('note.complaint')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.pricePressure}
            onChange={(e) => onChange({ pricePressure: e.target.checked })}
          />
          {t('note.pricePressure')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.wishGiven}
            onChange={(e) => onChange({ wishGiven: e.target.checked })}
          />
          {t('note.wish')}
        </label>
        {draft.wishGiven && (
          <label className="tick-detail">
            {t('note.wishText')}
            <input
              required
              autoFocus
              value={draft.wish}
              maxLength={500}
              onChange={(e) => onChange({ wish: e.target.value })}
            />
          </label>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={draft.promiseGiven}
            onChange={(e) =>
              onChange({
                promiseGiven: e.target.checked,
                promiseDue: draft.promiseDue || promiseDefaultDue,
              })
            }
          />
          {t('note.promise')}
        </label>
        {draft.promiseGiven && (
          <div className="tick-detail promise-detail">
            <label>
              {t('note.promiseText')}
              <input
                required
                autoFocus
                value={draft.promiseText}
                maxLength={500}
                onChange={(e) => onChange({ promiseText: e.target.value })}
              />
            </label>
            <label>
              {t('note.promiseDue')}
              <input
                type="date"
                required
                value={draft.promiseDue}
                onChange={(e) => onChange({ promiseDue: e.target.value })}
              />
            </label>
          </div>
        )}
      </fieldset>
    </>
  );
}
