import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { questionsRoutes } from './questions.routes.tsx';
import { questionSettingsRoutes } from './questions.settings.tsx';

export { answerTimes, type AnswerTimes, type Took } from './answer-times.ts';
export { questionsApi } from './questions.api.ts';
export { OVERDUE_JOB, scheduleQuestionJobs } from './questions.jobs.ts';
export { newlyOverdue, notifyOverdue } from './questions.overdue.ts';
export { answersSection, withGroupQuestionsLink } from './questions.routes.tsx';
export { acceptAnswer, unacceptAnswer, voteHelpful } from './questions.service.ts';
export { questionSettingsApi } from './questions.settings.api.ts';
export { groupTargetSection } from './questions.settings.tsx';
export { questionSummaries, type QuestionSummary } from './questions.summary.ts';
export {
  DEFAULT_TARGET_HOURS,
  getBusinessHours,
  getOrgTargetHours,
  targetHoursFor,
} from './questions.targets.ts';
export type { QuestionStatus } from './questions.table.ts';
export { findSimilarQuestions, type SimilarQuestion } from './similar.ts';
export { similarQuestionsPreview } from './similar.views.tsx';

export async function registerQuestions(app: FastifyInstance, deps: Deps): Promise<void> {
  await questionsRoutes(app, deps);
  await questionSettingsRoutes(app, deps);
}
