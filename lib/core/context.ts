// The settings the core needs, filled and checked, plus the clock of one computation.
// External callers may pass settings without the app-only fields or without `timeZone`, and records
// without optional fields: the core fills defaults instead of throwing (ARCHITECTURE.md contracts).

import { DEFAULT_SETTINGS, type Occasion, type Settings, type Tier } from '../model';
import { civilFromDayNumber, isoFromDayNumber, zoneFor, type DayNumber, type Zone } from './days';
import { workCalendar, workingDayTable, type WorkCalendar } from './workdays';
import { localeOf, type Locale } from '../i18n';
import { OccasionTerms, WordStems, occasionIsCurrent } from './match';

export interface CoreSettings {
  contactEveryDays: Record<Tier, number>;
  feedbackEveryDays: Record<Tier, number>;
  afterPurchaseDays: number;
  birthdayLookaheadDays: number;
  tierMode: 'revenue' | 'value' | 'manual';
  paretoA: number;
  paretoB: number;
  valueHorizonYears: number;
  locale: Locale;
  /** The IANA zone actually used (the runtime's zone when the settings name none or a bad one). */
  timeZone: string;
  /** The user's working days, ISO 1 = Monday … 7 = Sunday (default Monday to Friday). */
  workingDays: number[];
  /** Whose public holidays are days off (`DE-BY`, `AT`, …), or null. */
  holidayRegion: string | null;
}

function wholeDays(value: unknown, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min
    ? Math.floor(value)
    : fallback;
}

function perTier(value: unknown, fallback: Record<Tier, number>): Record<Tier, number> {
  const v = (value ?? {}) as Partial<Record<Tier, unknown>>;
  return {
    A: wholeDays(v.A, fallback.A, 1),
    B: wholeDays(v.B, fallback.B, 1),
    C: wholeDays(v.C, fallback.C, 1),
  };
}

/** Settings with every field the core reads, defaults where the caller's are missing or invalid. */
export function resolveSettings(settings?: Partial<Settings> | null): CoreSettings {
  const s = (settings ?? {}) as Partial<Settings>;
  const d = DEFAULT_SETTINGS;
  let paretoA =
    typeof s.paretoA === 'number' && s.paretoA > 0 && s.paretoA < 1 ? s.paretoA : d.paretoA;
  let paretoB =
    typeof s.paretoB === 'number' && s.paretoB > 0 && s.paretoB <= 1 ? s.paretoB : d.paretoB;
  if (paretoA >= paretoB) {
    paretoA = d.paretoA;
    paretoB = d.paretoB;
  }
  const locale: Locale = localeOf(s.locale, d.locale);
  const tierMode = s.tierMode === 'value' || s.tierMode === 'manual' ? s.tierMode : 'revenue';
  return {
    contactEveryDays: perTier(s.contactEveryDays, d.contactEveryDays),
    feedbackEveryDays: perTier(s.feedbackEveryDays, d.feedbackEveryDays),
    afterPurchaseDays: wholeDays(s.afterPurchaseDays, d.afterPurchaseDays, 0),
    birthdayLookaheadDays: wholeDays(s.birthdayLookaheadDays, d.birthdayLookaheadDays, 0),
    tierMode,
    paretoA,
    paretoB,
    valueHorizonYears:
      typeof s.valueHorizonYears === 'number' &&
      Number.isFinite(s.valueHorizonYears) &&
      s.valueHorizonYears > 0
        ? s.valueHorizonYears
        : d.valueHorizonYears,
    locale,
    timeZone: zoneFor(s.timeZone).name,
    workingDays: workingDayTable(s.workingDays)
      .map((on, w) => (on ? w : 0))
      .filter((w) => w > 0),
    holidayRegion: typeof s.holidayRegion === 'string' && s.holidayRegion ? s.holidayRegion : null,
  };
}

/** One computation: settings, zone and the instant `now` with its calendar day. */
export interface CoreContext {
  s: CoreSettings;
  zone: Zone;
  /** Epoch ms of `now`; records after it are ignored by every rule. */
  nowMs: number;
  today: DayNumber;
  /** `now` as Date#toISOString writes it ('' outside years 0–9999), for text comparison. */
  nowIso: string;
  /** `today` as `YYYY-MM-DD`, and its year. */
  todayIso: string;
  year: number;
  /** False when `now` is no valid date: functions then return empty results instead of throwing. */
  valid: boolean;
  /** The user's working days and holidays; built on first use (most computations move no date). */
  calendar(): WorkCalendar;
  /** The user's occasions ("Themen & Anlässe") by id: none unless the caller passes them. */
  occasions: ReadonlyMap<string, Occasion>;
  /** The occasions current today, ready for matching; built on first use. */
  currentOccasions(): readonly OccasionTerms[];
}

export function createContext(
  settings: Partial<Settings> | null | undefined,
  now: Date,
  occasions: readonly Occasion[] = [],
): CoreContext {
  const s = resolveSettings(settings);
  const zone = zoneFor(s.timeZone);
  const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
  const valid = Number.isFinite(nowMs);
  const nowIso = valid ? now.toISOString() : '';
  const today = valid ? zone.dayOf(nowMs) : 0;
  let calendar: WorkCalendar | undefined;
  let current: OccasionTerms[] | undefined;
  const byId = new Map<string, Occasion>();
  for (const o of Array.isArray(occasions) ? occasions : [])
    if (o && typeof o.id === 'string') byId.set(o.id, o);
  const todayIso = isoFromDayNumber(today);
  return {
    s,
    zone,
    nowMs,
    today,
    nowIso: nowIso.length === 24 ? nowIso : '',
    todayIso,
    year: civilFromDayNumber(today).year,
    valid,
    calendar: () => (calendar ??= workCalendar(s.holidayRegion, s.workingDays)),
    occasions: byId,
    currentOccasions: () => {
      if (!current) {
        const words = new WordStems();
        current = [...byId.values()]
          .filter((o) => occasionIsCurrent(o, todayIso))
          .map((o) => new OccasionTerms(o, words));
      }
      return current;
    },
  };
}

export function isTier(value: unknown): value is Tier {
  return value === 'A' || value === 'B' || value === 'C';
}
