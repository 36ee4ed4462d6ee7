// Calendar days relative to `now` in one time zone, for the generators.
//
// A day is addressed by its offset from today (0 = today, -1 = yesterday, 1 = tomorrow). Wall-clock
// times are turned into instants with the zone's offset at `now`; across a daylight-saving change
// that shifts a time by an hour, which never moves it to another day because the generators keep
// times between 07:00 and 20:00.

const DAY_MS = 86_400_000;

/** `THH:MM:00.000Z` for every minute of a day. */
const TIMES: string[] = Array.from(
  { length: 1440 },
  (_, m) =>
    `T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`,
);

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The runtime's time zone (what the core uses when the settings name none). */
export function runtimeTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export class Calendar {
  /** Days since 1970-01-01 of today's calendar day in the zone. */
  readonly today: number;
  readonly nowMs: number;
  /** Minutes the zone is ahead of UTC at `now`. */
  readonly offsetMinutes: number;
  private readonly dayCache = new Map<number, string>();

  constructor(now: Date, timeZone: string) {
    const nowMs = now.getTime();
    if (!Number.isFinite(nowMs)) throw new RangeError('`now` is not a valid date');
    this.nowMs = nowMs;
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(now);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
    const wallMs = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    const nowMinuteMs = Math.floor(nowMs / 60_000) * 60_000;
    this.offsetMinutes = Math.round((wallMs - nowMinuteMs) / 60_000);
    this.today = Math.floor(wallMs / DAY_MS);
  }

  /** Epoch day of today + offset. */
  epochDay(offset: number): number {
    return this.today + offset;
  }

  /** `YYYY-MM-DD` of today + offset. */
  day(offset: number): string {
    const epochDay = this.today + offset;
    let s = this.dayCache.get(epochDay);
    if (s === undefined) {
      s = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
      this.dayCache.set(epochDay, s);
    }
    return s;
  }

  ymd(offset: number): Ymd {
    const d = new Date((this.today + offset) * DAY_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }

  /** Offset of a calendar day from today. */
  offsetOf(year: number, month: number, day: number): number {
    return Math.round(Date.UTC(year, month - 1, day) / DAY_MS) - this.today;
  }

  /** ISO weekday of today + offset: 1 = Monday … 7 = Sunday. */
  weekday(offset: number): number {
    return ((((this.today + offset + 3) % 7) + 7) % 7) + 1;
  }

  month(offset: number): number {
    return this.ymd(offset).month;
  }

  /** Epoch milliseconds of a wall-clock time on today + offset, never later than `now`. */
  instantMs(offset: number, minuteOfDay: number): number {
    const ms = ((this.today + offset) * 1440 + minuteOfDay - this.offsetMinutes) * 60_000;
    return Math.min(ms, this.nowMs - 60_000);
  }

  /** ISO instant (`…T…Z`) of a wall-clock time on today + offset, never later than `now`. */
  instant(offset: number, minuteOfDay: number): string {
    const utcMinutes = (this.today + offset) * 1440 + Math.floor(minuteOfDay) - this.offsetMinutes;
    if (utcMinutes * 60_000 > this.nowMs - 60_000) {
      return new Date(this.instantMs(offset, minuteOfDay)).toISOString();
    }
    // Fast path (the bench set writes hundreds of thousands): cached day and time strings.
    const utcDay = Math.floor(utcMinutes / 1440);
    return this.day(utcDay - this.today) + TIMES[utcMinutes - utcDay * 1440]!;
  }
}
