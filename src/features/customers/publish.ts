import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { I18n } from '../../views/i18n.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { createPost, type Post } from '../posts/index.ts';
import type { Round } from './customers.table.ts';
import { indexChange, loadSatisfaction } from './satisfaction.ts';
import {
  dimensionName,
  formatFigure,
  ratingText,
  shown,
  standardShown,
} from './satisfaction.format.ts';

/**
 * Publishing a round: its summary as a post under the customer-voice hashtag, so that the
 * hashtag's series tells the story over the years. Comments are confidential and go into the
 * post only when the admin chooses so.
 */
export const DEFAULT_VOICE_TAG = 'wasderkundefindet';
/** Room left below the post's limit (10,000) for the lines that follow the comments. */
const COMMENTS_BUDGET = 8_000;
const COMMENT_MAX = 1_000;

export interface PublishInput {
  groupId: string | null;
  includeComments: boolean;
}

/** The hashtag meaning "customer voice" (the most used if several), else #wasderkundefindet. */
export async function customerVoiceTag(db: Db): Promise<string> {
  const row = await db
    .selectFrom('hashtags as h')
    .leftJoin('hashtag_counts as c', 'c.tag', 'h.tag')
    .select(['h.tag', 'h.display', sql<number>`coalesce(sum(c.n), 0)`.as('used')])
    .where('h.meaning', '=', 'customer_voice')
    .groupBy(['h.tag', 'h.display'])
    .orderBy('used', 'desc')
    .orderBy('h.tag')
    .executeTakeFirst();
  return row?.display ?? DEFAULT_VOICE_TAG;
}

/**
 * Text that is shown as written: Markdown punctuation escaped, and `#` and `@` followed by an
 * invisible word joiner, so a customer's comment never tags the post (a "#ärger" would file a
 * pain point) nor mentions (and notifies) anyone.
 */
export function plainMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|&]/g, (c) => `\\${c}`)
    .replace(/([#@])(?=[\p{L}\p{N}_])/gu, '$1\u2060')
    .replace(/^(\s*)([-+])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3');
}

export const loadRound = async (db: Db, id: string): Promise<Round> => {
  const round = await db
    .selectFrom('satisfaction_rounds')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!round) throw notFound();
  return round;
};

async function commentLines(db: Db, i18n: I18n, round: Round): Promise<string[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('customers as c', 'c.id', 'e.customer_id')
    .select(['c.name', 'e.comment'])
    .where('e.round_id', '=', round.id)
    .where('e.comment', '<>', '')
    .orderBy('c.name_key')
    .execute();
  if (!rows.length) return [];
  const out = ['', `**${i18n.t('satisfaction.publish.comments_heading')}**`];
  let used = 0;
  for (const [i, r] of rows.entries()) {
    const text = r.comment.trim();
    const cut = text.length > COMMENT_MAX ? `${text.slice(0, COMMENT_MAX)}…` : text;
    const block = [
      '',
      `**${plainMarkdown(r.name)}**`,
      ...plainMarkdown(cut)
        .split('\n')
        .map((l) => `> ${l}`),
    ];
    const size = block.join('\n').length;
    if (used + size > COMMENTS_BUDGET) {
      out.push('', i18n.t('satisfaction.publish.comments_more', { count: rows.length - i }));
      break;
    }
    used += size;
    out.push(...block);
  }
  return out;
}

/** The post's Markdown, in the publishing admin's language. */
export async function roundPostBody(
  db: Db,
  i18n: I18n,
  round: Round,
  includeComments: boolean,
): Promise<string> {
  const { t } = i18n;
  const s = await loadSatisfaction(db, { roundId: round.id });
  if (s.index.mean === null)
    throw new AppError(422, 'no_evaluations', 'satisfaction.publish.no_evaluations');
  const f = (v: number, std?: { target: number; tolerance: number }) =>
    formatFigure(i18n, shown(v, std));
  const g = (v: number) => formatFigure(i18n, standardShown(v));
  const change = indexChange(s);
  const lines = [
    `**${t('satisfaction.publish.post_title', { round: plainMarkdown(round.name) })}**`,
    '',
    t('satisfaction.publish.post_index', {
      value: f(s.index.mean, s.index.standard),
      rating: ratingText(t, s.index.rating!),
      target: g(s.index.standard.target),
      tolerance: g(s.index.standard.tolerance),
    }),
    change
      ? t('satisfaction.publish.post_trend', {
          change: `${change.change > 0 ? '+' : change.change < 0 ? '−' : '±'}${f(Math.abs(change.change))}`,
          round: plainMarkdown(change.previous.round.name),
          value: f(change.previous.index!),
        })
      : t('satisfaction.publish.post_first'),
    t('satisfaction.publish.post_customers', { count: s.index.n }),
    '',
    ...s.dimensions.map((d) =>
      d.mean === null
        ? `- ${plainMarkdown(dimensionName(t, d.dimension))}: ${t('satisfaction.no_value')}`
        : `- ${plainMarkdown(dimensionName(t, d.dimension))}: ${f(d.mean, d.standard)} ` +
          `${ratingText(t, d.rating!)} (${t('satisfaction.publish.post_target', { target: g(d.standard.target) })})`,
    ),
    ...(includeComments ? await commentLines(db, i18n, round) : []),
    '',
    `#${await customerVoiceTag(db)}`,
  ];
  return lines.join('\n');
}

/**
 * Posts the round's summary to the chosen group (or org-wide) as the admin, then points the
 * round at the post. Publishing again makes a new post and the round points at the newest.
 */
export async function publishRound(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'>,
  actor: User,
  i18n: I18n,
  roundId: string,
  input: PublishInput,
): Promise<{ round: Round; post: Post }> {
  const round = await loadRound(deps.db, roundId);
  const body = await roundPostBody(deps.db, i18n, round, input.includeComments);
  // createPost checks the group (the admin must be a member) and writes in its own transaction.
  const post = await createPost(deps, actor, { body, groupId: input.groupId });
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('satisfaction_rounds')
      .set({ published_at: now.toISOString(), published_post_id: post.id })
      .where('id', '=', round.id)
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'satisfaction.round_published',
      targetType: 'satisfaction_round',
      targetId: round.id,
      data: { postId: post.id, groupId: input.groupId, includeComments: input.includeComments },
      now,
    });
  });
  return {
    round: { ...round, published_at: now.toISOString(), published_post_id: post.id },
    post,
  };
}
