import { DateTime, IANAZone } from 'luxon';

/**
 * The organisation's working time: which weekdays, from when to when (local wall-clock time in
 * `timeZone`), and public holidays (local dates) on which nobody works.
 */
export interface BusinessHours {
  /** An IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** ISO weekdays: 1 Monday … 7 Sunday. */
  days: number[];
  /** 'HH:MM', local. */
  start: string;
  /** 'HH:MM', local, after `start`; '24:00' is the end of the day. */
  end: string;
  /** 'YYYY-MM-DD', local dates. */
  holidays: string[];
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  timeZone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
  holidays: [],
};

export const TIME_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const DATE_RE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

export const isTimeZone = (tz: string): boolean => IANAZone.isValidZone(tz);

/** Whether `d` is a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export const isDate = (d: string): boolean => DATE_RE.test(d) && DateTime.fromISO(d).isValid;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/** What is wrong with a setting, as the name of the offending field; null if it is sound. */
export function businessHoursProblem(
  bh: BusinessHours,
): 'timeZone' | 'days' | 'start' | 'end' | 'holidays' | null {
  if (!isTimeZone(bh.timeZone)) return 'timeZone';
  if (bh.days.length === 0 || bh.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    return 'days';
  if (!TIME_RE.test(bh.start) || bh.start === '24:00') return 'start';
  if (!TIME_RE.test(bh.end) || minutesOf(bh.end) <= minutesOf(bh.start)) return 'end';
  if (bh.holidays.some((d) => !isDate(d))) return 'holidays';
  return null;
}

/** The same setting in a canonical form: days sorted and unique, holidays sorted and unique. */
export function normaliseBusinessHours(bh: BusinessHours): BusinessHours {
  return {
    timeZone: bh.timeZone,
    days: [...new Set(bh.days)].sort((a, b) => a - b),
    start: bh.start,
    end: bh.end,
    holidays: [...new Set(bh.holidays)].sort(),
  };
}

/**
 * Working time between two instants, in milliseconds: the parts of [from, to) that fall on a
 * working day (not a holiday) between its start and end, in the organisation's time zone.
 * Each day's opening and closing instants come from the time zone's rules (luxon, on the
 * platform's IANA data), so a day on which clocks change has the working time the wall clock
 * shows. `to` before `from` gives 0.
 */
export function businessMs(from: Date, to: Date, bh: BusinessHours): number {
  const f = from.getTime();
  const t = to.getTime();
  if (!(t > f)) return 0;
  const days = new Set(bh.days);
  const holidays = new Set(bh.holidays);
  const open = minutesOf(bh.start);
  const close = minutesOf(bh.end);
  let day = DateTime.fromMillis(f, { zone: bh.timeZone }).startOf('day');
  const last = DateTime.fromMillis(t, { zone: bh.timeZone }).startOf('day');
  let total = 0;
  while (day <= last) {
    if (days.has(day.weekday) && !holidays.has(day.toISODate()!)) {
      const a = Math.max(f, at(day, open));
      const b = Math.min(t, at(day, close));
      if (b > a) total += b - a;
    }
    day = day.plus({ days: 1 });
  }
  return total;
}

/** The instant of a local wall-clock time on a day (24:00: the next day's midnight). */
function at(day: DateTime, minutes: number): number {
  if (minutes >= 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

export const HOUR_MS = 3_600_000;
