import { channelName } from '@/lib/i18n';
import type { Contact, DayOfYear } from '@/lib/model';
import { useI18n } from '../I18n';

function birthdayText(d: DayOfYear, t: ReturnType<typeof useI18n>['t'], today: string): string {
  const day = `${d.day}. ${t(`month.${d.month}`)}`;
  if (!d.year) return day;
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = tm > d.month || (tm === d.month && td >= d.day);
  const age = ty - d.year - (hadBirthday ? 0 : 1);
  return `${day} ${d.year} (${t('panel.age', { age })})`;
}

/** The soft facts of a contact, the way a person thinks of them. Only what is known is shown. */
export function SoftFacts({ contact, today }: { contact: Contact; today: string }) {
  const { t, locale } = useI18n();
  const rows: [string, string][] = [];
  if (contact.birthday) rows.push([t('panel.birthday'), birthdayText(contact.birthday, t, today)]);
  if (contact.close) rows.push([t('panel.relationship'), t('panel.relationship.close')]);
  if (contact.partner)
    rows.push([
      // "Partnerin" or "Partner" by the partner's salutation, else both.
      t(
        contact.partner.salutation
          ? `panel.partner.${contact.partner.salutation}`
          : 'panel.partner',
      ),
      contact.partner.birthday
        ? `${contact.partner.name}, ${birthdayText(contact.partner.birthday, t, today)}`
        : contact.partner.name,
    ]);
  if (contact.address) rows.push([t('panel.address'), contact.address]);
  if (contact.preferredChannels.length)
    rows.push([
      t('panel.channels'),
      contact.preferredChannels.map((c) => channelName(locale, c)).join(', '),
    ]);
  if (contact.interests.length) rows.push([t('panel.interests'), contact.interests.join(', ')]);
  if (contact.preferences) rows.push([t('panel.preferences'), contact.preferences]);
  const avoid = contact.avoid;
  if (avoid && (avoid.months?.length || avoid.weekdays?.length || avoid.hours)) {
    const parts = [
      ...(avoid.months ?? []).map((m) => t(`month.${m}`)),
      ...(avoid.weekdays ?? []).map((w) => t(`weekday.${w}`)),
      ...(avoid.hours
        ? [t('avoid.hours', { from: `${avoid.hours.from}:00`, to: `${avoid.hours.to}:00` })]
        : []),
    ];
    rows.push([t('panel.avoid'), parts.join(', ')]);
  }
  if (contact.howWeMet) rows.push([t('panel.howWeMet'), contact.howWeMet]);
  if (!rows.length) return null;
  return (
    <section aria-label={t('panel.softFacts')} data-testid="soft-facts">
      <h3>{t('panel.softFacts')}</h3>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
