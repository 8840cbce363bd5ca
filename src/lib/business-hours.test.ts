import { describe, expect, it } from 'vitest';
import { answerTimes } from '../features/questions/answer-times.ts';
import {
  businessHoursProblem,
  businessMs,
  DEFAULT_BUSINESS_HOURS,
  HOUR_MS,
  normaliseBusinessHours,
  type BusinessHours,
} from './business-hours.ts';

const bh = DEFAULT_BUSINESS_HOURS; // Europe/Berlin, Monday–Friday 09:00–17:00
const hoursBetween = (from: string, to: string, h: BusinessHours = bh) =>
  businessMs(new Date(from), new Date(to), h) / HOUR_MS;
const allDay: BusinessHours = { ...bh, days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' };

describe('business time between two instants', () => {
  it('counts the working part of one day in the organisation’s time zone', () => {
    // 10:00–12:00 in Berlin in winter (UTC+1).
    expect(hoursBetween('2026-11-03T09:00:00Z', '2026-11-03T11:00:00Z')).toBe(2);
    // 07:00–19:00 Berlin: only 09:00–17:00 counts.
    expect(hoursBetween('2026-11-03T06:00:00Z', '2026-11-03T18:00:00Z')).toBe(8);
    // In summer Berlin is UTC+2: 07:00Z is 09:00 there.
    expect(hoursBetween('2026-07-07T07:00:00Z', '2026-07-07T15:00:00Z')).toBe(8);
    expect(hoursBetween('2026-07-07T06:00:00Z', '2026-07-07T07:00:00Z')).toBe(0);
  });

  it('leaves out evenings, nights and weekends', () => {
    // Tuesday 17:30 → Wednesday 08:00.
    expect(hoursBetween('2026-11-03T16:30:00Z', '2026-11-04T07:00:00Z')).toBe(0);
    // Friday 16:00 → Monday 10:00: one hour each side.
    expect(hoursBetween('2026-11-06T15:00:00Z', '2026-11-09T09:00:00Z')).toBe(2);
    // Saturday → Sunday: nothing.
    expect(hoursBetween('2026-11-07T08:00:00Z', '2026-11-08T20:00:00Z')).toBe(0);
  });

  it('spans whole weeks', () => {
    // Monday 09:00 → Monday 09:00 two weeks later: ten working days.
    expect(hoursBetween('2026-11-02T08:00:00Z', '2026-11-16T08:00:00Z')).toBe(80);
    // A year of working days (2027 has 261 weekdays).
    expect(hoursBetween('2026-12-31T23:00:00Z', '2027-12-31T23:00:00Z')).toBe(261 * 8);
  });

  it('skips public holidays', () => {
    const xmas = { ...bh, holidays: ['2026-12-24', '2026-12-25'] };
    // Wednesday 23 Dec 16:00 → Monday 28 Dec 10:00: 1 h + (24th, 25th off, weekend) + 1 h.
    expect(hoursBetween('2026-12-23T15:00:00Z', '2026-12-28T09:00:00Z', xmas)).toBe(2);
    expect(hoursBetween('2026-12-23T15:00:00Z', '2026-12-28T09:00:00Z')).toBe(18);
  });

  it('follows the clock change in spring and autumn', () => {
    // 29 March 2026: Berlin goes from 02:00 to 03:00, so that Sunday has 23 hours.
    expect(hoursBetween('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', allDay)).toBe(23);
    // 25 October 2026: back from 03:00 to 02:00, a day of 25 hours.
    expect(hoursBetween('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', allDay)).toBe(25);
    // Friday noon → Monday noon across the spring change: 71 calendar hours, 5 + 3 working.
    expect(hoursBetween('2026-03-27T11:00:00Z', '2026-03-30T10:00:00Z')).toBe(8);
    // Working hours 09:00–17:00 mean wall-clock time on both sides of the change.
    expect(hoursBetween('2026-03-27T08:00:00Z', '2026-03-27T16:00:00Z')).toBe(8);
    expect(hoursBetween('2026-03-30T07:00:00Z', '2026-03-30T15:00:00Z')).toBe(8);
    // A working time that starts in the skipped hour starts when the clock shows 03:00.
    const night = { ...bh, days: [7], start: '02:00', end: '04:00' };
    expect(hoursBetween('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', night)).toBe(1);
  });

  it('works in another time zone', () => {
    const ny = { ...bh, timeZone: 'America/New_York' };
    // 09:00–17:00 in New York is 14:00–22:00 UTC in November.
    expect(hoursBetween('2026-11-03T13:00:00Z', '2026-11-03T15:00:00Z', ny)).toBe(1);
    expect(hoursBetween('2026-11-03T21:00:00Z', '2026-11-03T23:00:00Z', ny)).toBe(1);
  });

  it('gives nothing for an empty or reversed span', () => {
    expect(hoursBetween('2026-11-03T10:00:00Z', '2026-11-03T10:00:00Z')).toBe(0);
    expect(hoursBetween('2026-11-03T12:00:00Z', '2026-11-03T10:00:00Z')).toBe(0);
  });

  it('checks a setting field by field', () => {
    expect(businessHoursProblem(bh)).toBeNull();
    expect(businessHoursProblem({ ...bh, timeZone: 'Mars/Olympus' })).toBe('timeZone');
    expect(businessHoursProblem({ ...bh, days: [] })).toBe('days');
    expect(businessHoursProblem({ ...bh, days: [0] })).toBe('days');
    expect(businessHoursProblem({ ...bh, start: '9:00' })).toBe('start');
    expect(businessHoursProblem({ ...bh, end: '08:00' })).toBe('end');
    expect(businessHoursProblem({ ...bh, end: '24:00' })).toBeNull();
    expect(businessHoursProblem({ ...bh, holidays: ['2026-02-30'] })).toBe('holidays');
    expect(
      normaliseBusinessHours({ ...bh, days: [5, 1, 1], holidays: ['2026-12-26', '2026-12-25'] }),
    ).toMatchObject({ days: [1, 5], holidays: ['2026-12-25', '2026-12-26'] });
  });
});

describe('answer times', () => {
  it('gives calendar and business hours to the first and the accepted answer', () => {
    // Asked Friday 16:00 Berlin; first answer Monday 10:00; accepted Monday 12:30.
    const t = answerTimes(
      {
        asked_at: '2026-11-06T15:00:00.000Z',
        first_answer_at: '2026-11-09T09:00:00.000Z',
        accepted_at: '2026-11-09T11:30:00.000Z',
      },
      bh,
    );
    expect(t).toEqual({
      firstAnswer: { calendarHours: 66, businessHours: 2 },
      acceptedAnswer: { calendarHours: 68.5, businessHours: 4.5 },
    });
    expect(
      answerTimes(
        { asked_at: '2026-11-06T15:00:00.000Z', first_answer_at: null, accepted_at: null },
        bh,
      ),
    ).toEqual({ firstAnswer: null, acceptedAnswer: null });
  });
});
