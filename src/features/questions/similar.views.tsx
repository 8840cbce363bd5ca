import type { Deps } from '../../http/app.ts';
import type { PageContext } from '../../views/layout.tsx';
import type { QuestionPreview } from '../posts/index.ts';
import { StatusMark } from './questions.views.tsx';
import { findSimilarQuestions, type SimilarQuestion } from './similar.ts';

/** How many similar questions the step before asking shows. */
export const SIMILAR_SHOWN = 5;

const excerpt = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/** Similar answered questions, with links to their answers. */
export function SimilarFound({ ctx, items }: { ctx: PageContext; items: SimilarQuestion[] }) {
  const { t } = ctx.i18n;
  return (
    <>
      <h1>{t('questions.similar_title')}</h1>
      <p>{t('questions.similar_intro')}</p>
      <ul class="questions similar">
        {items.map((q) => (
          <li class="question">
            <p>
              <a href={q.url}>{excerpt(q.body)}</a>
            </p>
            <p class="meta">
              <StatusMark ctx={ctx} status={q.status} />
              {' · '}
              {t('questions.asked_by', { name: q.authorName })}
              {q.groupName ? ` › ${q.groupName}` : ''}
              {' · '}
              <time datetime={q.createdAt}>{ctx.i18n.date(q.createdAt)}</time>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The composer's step before a question is published: shown when similar ones are answered. */
export function similarQuestionsPreview(deps: Pick<Deps, 'db' | 'clock'>): QuestionPreview {
  return async (viewer, text) => {
    const items = await findSimilarQuestions(deps.db, viewer, text, {
      limit: SIMILAR_SHOWN,
      now: deps.clock(),
    });
    if (items.length === 0) return null;
    return (ctx) => <SimilarFound ctx={ctx} items={items} />;
  };
}
