import { useId } from 'react';
import { SATISFACTION } from '@/lib/model';
import { useI18n } from './I18n';

/**
 * Satisfaction on the labelled scale "sehr zufrieden … sehr unzufrieden" (stored as 5 … 1), never
 * as bare numbers: a German reader takes 1 for the best school grade. Radio buttons: arrow keys
 * move, and choosing the chosen answer again takes it back (every answer is optional).
 */
export function SatisfactionScale({
  legend,
  value,
  onChange,
  testId,
}: {
  legend: string;
  value: number | undefined;
  onChange(rating: number | undefined): void;
  testId?: string;
}) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="scale" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="scale-options">
        {SATISFACTION.map(({ rating, key }) => (
          <label key={key} className={value === rating ? 'chosen' : undefined}>
            <input
              type="radio"
              name={name}
              value={key}
              checked={value === rating}
              onChange={() => onChange(rating)}
              onClick={() => {
                if (value === rating) onChange(undefined);
              }}
            />
            <span>{t(`note.scale.${key}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
