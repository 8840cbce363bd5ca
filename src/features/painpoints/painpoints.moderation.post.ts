import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { newId } from '../../lib/ids.ts';
import {
  extractHashtagSpellings,
  extractMentions,
  resolveAliases,
  setPostHashtags,
} from '../hashtags/index.ts';
import { resolveMentions } from '../posts/index.ts';
import { renderMarkdown } from '../posts/markdown.ts';
import { ANONYMOUS_USER_ID } from './painpoints.table.ts';

type Trx = Transaction<Database>;

/** The hashtag used when no hashtag has the meaning "pain point" yet. */
export const FALLBACK_TAG = { tag: 'ärger', display: 'ärger' };

/**
 * The pain-point hashtag an approved text gets when it has none: of the hashtags an admin gave
 * the meaning "pain point", the one on most posts (ties: by name); `#ärger` if there is none.
 */
export async function painPointTag(db: Db): Promise<{ tag: string; display: string }> {
  const row = await db
    .selectFrom('hashtags')
    .leftJoin('hashtag_counts', 'hashtag_counts.tag', 'hashtags.tag')
    .select([
      'hashtags.tag',
      'hashtags.display',
      sql<number>`coalesce(sum(hashtag_counts.n), 0)`.as('n'),
    ])
    .where('hashtags.meaning', '=', 'pain_point')
    .groupBy(['hashtags.tag', 'hashtags.display'])
    .orderBy('n', 'desc')
    .orderBy('hashtags.tag')
    .executeTakeFirst();
  return row ? { tag: row.tag, display: row.display } : FALLBACK_TAG;
}

/** Whether any of these (alias-resolved) hashtags means "pain point". */
async function hasPainPointTag(trx: Trx, tags: readonly string[]): Promise<boolean> {
  if (tags.length === 0) return false;
  const row = await trx
    .selectFrom('hashtags')
    .select('tag')
    .where('tag', 'in', tags)
    .where('meaning', '=', 'pain_point')
    .executeTakeFirst();
  return row !== undefined;
}

export interface WrittenPost {
  id: string;
  groupId: string | null;
  mentions: string[];
}

/**
 * Writes the approved text as a post of the system account `anonymous`, inside the moderator's
 * transaction. Not through `createPost`: that runs its own transaction (the submission must be
 * decided in the same one), and it lets only members post in a group, which the system account
 * is not and must not become (it would then show in member lists and count in the group's
 * figures). The group was checked when the text was sent: its author was a member then, and the
 * post goes there as their words would have. Hashtags (through aliases), mentions and the
 * rendered text are made as `createPost` makes them; the pain-point hashtag is added when the
 * text has none.
 */
export async function writeAnonymousPost(
  trx: Trx,
  text: string,
  groupId: string | null,
  now: Date,
): Promise<WrittenPost> {
  let body = text;
  let spellings = extractHashtagSpellings(body);
  let tags = await resolveAliases(
    trx,
    spellings.map((s) => s.tag),
  );
  if (!(await hasPainPointTag(trx, tags))) {
    body = `${body}\n\n#${(await painPointTag(trx)).display}`;
    spellings = extractHashtagSpellings(body);
    tags = await resolveAliases(
      trx,
      spellings.map((s) => s.tag),
    );
  }
  const display = new Map(spellings.map((s) => [s.tag, s.display]));
  const mentions = await resolveMentions(trx, extractMentions(body));
  const mentionIds = [...new Set([...mentions.values()].map((m) => m.id))];
  const post = {
    id: newId(),
    author_id: ANONYMOUS_USER_ID,
    group_id: groupId,
    kind: 'post' as const,
    body,
    html: renderMarkdown(body, mentions),
    created_at: now.toISOString(),
    edited_at: null,
    pinned_until: null,
  };
  await trx.insertInto('posts').values(post).execute();
  await setPostHashtags(
    trx,
    post,
    tags.map((tag) => ({ tag, display: display.get(tag) ?? tag })),
    now,
  );
  if (mentionIds.length) {
    await trx
      .insertInto('post_mentions')
      .values(mentionIds.map((user_id) => ({ post_id: post.id, user_id })))
      .execute();
  }
  return { id: post.id, groupId, mentions: mentionIds };
}

/**
 * Makes the post an anonymous pain point of the chosen department. The trigger of migration
 * 0020 filed it when its pain-point hashtag was written, with the system account's empty
 * department; where no hashtag has that meaning yet (the `#ärger` fallback), the row is made
 * here as the trigger would have made it. Returns the pain point's id.
 */
export async function fileAnonymousPainPoint(
  trx: Trx,
  postId: string,
  department: string,
  now: Date,
): Promise<string> {
  const at = now.toISOString();
  const post = await trx
    .selectFrom('posts')
    .select(['group_id', 'author_id'])
    .where('id', '=', postId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('pain_points')
    .values({
      id: `pp_${postId}`,
      post_id: postId,
      status: 'new',
      department,
      group_id: post.group_id,
      author_id: post.author_id,
      owner_id: null,
      anonymous: 1,
      resolving_post_id: null,
      vote_count: 0,
      created_at: at,
      acknowledged_at: null,
      resolved_at: null,
      status_changed_at: at,
      stale_notified_at: null,
    })
    .onConflict((oc) => oc.column('post_id').doUpdateSet({ anonymous: 1, department }))
    .execute();
  const row = await trx
    .selectFrom('pain_points')
    .select('id')
    .where('post_id', '=', postId)
    .executeTakeFirstOrThrow();
  return row.id;
}
