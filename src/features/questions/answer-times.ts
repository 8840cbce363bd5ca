import { businessMs, HOUR_MS, type BusinessHours } from '../../lib/business-hours.ts';

/** How long something took, in calendar hours and in working hours. */
export interface Took {
  calendarHours: number;
  businessHours: number;
}

export interface AnswerTimes {
  /** Asked → first answer by someone other than the asker; null while unanswered. */
  firstAnswer: Took | null;
  /** Asked → the answer accepted now; null while none is. */
  acceptedAnswer: Took | null;
}

/** Hours rounded to the hundredth (36 seconds): what pages and the API show. */
const hours = (ms: number): number => Math.round((ms / HOUR_MS) * 100) / 100;

function took(from: string, to: string | null, bh: BusinessHours): Took | null {
  if (!to) return null;
  const a = new Date(from);
  const b = new Date(to);
  return {
    calendarHours: hours(Math.max(0, b.getTime() - a.getTime())),
    businessHours: hours(businessMs(a, b, bh)),
  };
}

/**
 * A question's answer times: the one computation every surface uses (the question's page and
 * API, the question lists, and measurement's percentiles).
 */
export function answerTimes(
  q: { asked_at: string; first_answer_at: string | null; accepted_at: string | null },
  bh: BusinessHours,
): AnswerTimes {
  return {
    firstAnswer: took(q.asked_at, q.first_answer_at, bh),
    acceptedAnswer: took(q.asked_at, q.accepted_at, bh),
  };
}
