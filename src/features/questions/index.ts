import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { questionsRoutes } from './questions.routes.tsx';

export { questionsApi } from './questions.api.ts';
export { answersSection, withGroupQuestionsLink } from './questions.routes.tsx';
export { acceptAnswer, unacceptAnswer, voteHelpful } from './questions.service.ts';
export type { QuestionStatus } from './questions.table.ts';

export async function registerQuestions(app: FastifyInstance, deps: Deps): Promise<void> {
  await questionsRoutes(app, deps);
}
