import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireViewer, sendPage } from '../../http/context.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { notFound } from '../../http/errors.ts';
import { FormBody, safeNext } from '../../http/forms.ts';
import type { PageSection } from '../../views/layout.tsx';
import type { User } from '../accounts/accounts.table.ts';
import { loadGroup } from '../groups/index.ts';
import {
  aliasTarget,
  countVisible,
  findHashtag,
  normaliseTag,
  relatedTags,
} from '../hashtags/index.ts';
import { markSeen, pinnedAnnouncements } from '../posts/index.ts';
import { hydrateWithAttachments } from '../posts/attachments.ts';
import { myGroups } from '../posts/posts.queries.ts';
import { Composer, PostList } from '../posts/posts.views.tsx';
import {
  groupFeed,
  hashtagFeed,
  homeFeed,
  isFollowing,
  profileFeed,
  setFollow,
  type FeedPage,
} from './feed.queries.ts';
import { FollowButton, HashtagPage } from './feed.views.tsx';

export const FEED_PAGE = 20;
const CursorQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 40 })) });

export type FeedSection = PageSection;

function nextUrl(path: string, page: FeedPage): string | null {
  return page.next
    ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(page.next)}`
    : null;
}

/** The group page's feed: a composer for members, then the posts. */
export function groupFeedSection(deps: Pick<Deps, 'db' | 'config'>): FeedSection {
  return async (req, viewer, groupId) => {
    const { rel } = await loadGroup(deps, viewer as User, groupId);
    const cursor =
      typeof (req.query as { cursor?: unknown }).cursor === 'string'
        ? (req.query as { cursor: string }).cursor
        : null;
    const page = await groupFeed(deps.db, viewer.id, groupId, cursor, FEED_PAGE);
    const posts = await hydrateWithAttachments(deps.db, viewer.id, page.posts);
    const path = `/groups/${groupId}`;
    return (ctx) => (
      <section aria-labelledby="feed-h">
        <h2 id="feed-h">{ctx.i18n.t('feed.posts')}</h2>
        {rel.role ? (
          <Composer
            ctx={ctx}
            groups={[]}
            groupId={groupId}
            values={{}}
            errors={{}}
            back={path}
            maxFileMb={deps.config.attachmentMaxMb}
          />
        ) : null}
        <PostList ctx={ctx} posts={posts} back={path} nextUrl={nextUrl(path, page)} />
      </section>
    );
  };
}

/** The profile page's feed: the person's posts that the viewer may read. */
export function profileFeedSection(deps: Pick<Deps, 'db'>): FeedSection {
  return async (req, viewer, userId) => {
    const cursor =
      typeof (req.query as { cursor?: unknown }).cursor === 'string'
        ? (req.query as { cursor: string }).cursor
        : null;
    const page = await profileFeed(deps.db, viewer.id, userId, cursor, FEED_PAGE);
    const posts = await hydrateWithAttachments(deps.db, viewer.id, page.posts);
    const path = `/people/${userId}`;
    const following =
      userId !== viewer.id && (await isFollowing(deps.db, viewer.id, 'user', userId));
    return (ctx) => (
      <section aria-labelledby="feed-h">
        <h2 id="feed-h">{ctx.i18n.t('feed.posts')}</h2>
        {userId !== viewer.id ? (
          <FollowButton ctx={ctx} type="user" id={userId} following={following} back={path} />
        ) : null}
        <PostList ctx={ctx} posts={posts} back={path} nextUrl={nextUrl(path, page)} />
      </section>
    );
  };
}

/** The home feed, the hashtag page, and following. */
/**
 * Another feature's panel on the first page of the home feed (the satisfaction widget), for
 * this viewer; null: nothing for them. Shown between the pinned announcements and the feed.
 */
export type HomeSection = (viewer: User) => Promise<((ctx: PageContext) => preact.VNode) | null>;

export async function feedRoutes(
  instance: FastifyInstance,
  deps: Deps,
  sections: { home?: readonly HomeSection[] } = {},
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, clock } = deps;

  app.get('/', { schema: { querystring: CursorQuery } }, async (req, reply) => {
    if (!req.viewer) return reply.redirect('/login', 303);
    const viewer = req.viewer;
    const cursor = req.query.cursor ?? null;
    const [page, groups, pinnedRows, panels] = await Promise.all([
      homeFeed(db, viewer.id, cursor, FEED_PAGE),
      myGroups(db, viewer.id),
      cursor ? [] : pinnedAnnouncements(deps, viewer.id),
      cursor ? [] : Promise.all((sections.home ?? []).map((s) => s(viewer))),
    ]);
    // Pinned announcements stand above the feed (once), and count as seen.
    const pinnedIds = new Set(pinnedRows.map((p) => p.id));
    const [posts, pinned] = await Promise.all([
      hydrateWithAttachments(
        db,
        viewer.id,
        page.posts.filter((p) => !pinnedIds.has(p.id)),
      ),
      hydrateWithAttachments(db, viewer.id, pinnedRows),
    ]);
    const announcements = [...pinned, ...posts]
      .filter((p) => p.kind === 'announcement')
      .map((p) => p.id);
    await markSeen(deps, viewer.id, announcements);
    // What is new is what came since the last visit to the first page of the feed.
    const seenAt = viewer.home_seen_at;
    if (!cursor) {
      await db
        .updateTable('users')
        .set({ home_seen_at: clock().toISOString() })
        .where('id', '=', viewer.id)
        .execute();
    }
    return sendPage(req, reply, deps, req.i18n.t('home.title'), (ctx) => (
      <section>
        <h1>{ctx.i18n.t('home.welcome', { name: viewer.name })}</h1>
        <Composer
          ctx={ctx}
          groups={groups}
          values={{}}
          errors={{}}
          back="/"
          maxFileMb={deps.config.attachmentMaxMb}
        />
        {pinned.length ? (
          <section aria-labelledby="pinned-h">
            <h2 id="pinned-h">{ctx.i18n.t('posts.pinned')}</h2>
            <PostList ctx={ctx} posts={pinned} back="/" nextUrl={null} />
          </section>
        ) : null}
        {panels.map((p) => (p ? p(ctx) : null))}
        <h2>{ctx.i18n.t('feed.title')}</h2>
        <p
          id="live-posts"
          class="live-posts"
          role="status"
          hidden
          data-template={ctx.i18n.t('feed.live_new', { count: 999999 })}
        >
          <a href="/">{ctx.i18n.t('feed.live_new', { count: 0 })}</a>
        </p>
        <PostList
          ctx={ctx}
          posts={posts}
          seenAt={cursor ? undefined : seenAt}
          back="/"
          nextUrl={nextUrl('/', page)}
        />
      </section>
    ));
  });

  app.get(
    '/hashtags/:tag',
    {
      schema: {
        params: Type.Object({ tag: Type.String({ maxLength: 200 }) }),
        querystring: CursorQuery,
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const asked = normaliseTag(req.params.tag);
      const target = await aliasTarget(db, asked);
      if (target) return reply.redirect(`/hashtags/${encodeURIComponent(target)}`, 301);
      const tag = await findHashtag(db, asked);
      if (!tag) throw notFound();
      const cursor = req.query.cursor ?? null;
      const [page, count, related, following] = await Promise.all([
        hashtagFeed(db, viewer.id, tag.tag, cursor, FEED_PAGE),
        countVisible(db, tag.tag, viewer.id),
        relatedTags(db, tag.tag, viewer.id, 10),
        isFollowing(db, viewer.id, 'hashtag', tag.tag),
      ]);
      // A tag used only in content the viewer cannot read does not exist for them.
      if (count === 0) throw notFound();
      const posts = await hydrateWithAttachments(db, viewer.id, page.posts);
      const path = `/hashtags/${encodeURIComponent(tag.tag)}`;
      return sendPage(req, reply, deps, `#${tag.display}`, (ctx) => (
        <HashtagPage
          ctx={ctx}
          tag={tag}
          count={count}
          related={related}
          following={following}
          back={path}
        >
          <PostList ctx={ctx} posts={posts} back={path} nextUrl={nextUrl(path, page)} />
        </HashtagPage>
      ));
    },
  );

  app.post(
    '/follow',
    {
      schema: {
        body: FormBody({
          type: Type.Union([Type.Literal('group'), Type.Literal('user'), Type.Literal('hashtag')]),
          id: Type.String({ maxLength: 200 }),
          on: Type.Union([Type.Literal('1'), Type.Literal('0')]),
          back: Type.Optional(Type.String({ maxLength: 500 })),
        }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const b = req.body as {
        type: 'group' | 'user' | 'hashtag';
        id: string;
        on: '1' | '0';
        back?: string;
      };
      const target = await checkFollowable(deps, viewer, b.type, b.id);
      await setFollow(db, viewer.id, b.type, target, b.on === '1', clock());
      return redirectWithFlash(
        reply,
        safeNext(b.back ?? '/'),
        'success',
        b.on === '1' ? 'feed.followed' : 'feed.unfollowed',
      );
    },
  );
}

/** What a follow points at: a hashtag by its normalised name, through an alias to its tag. */
export async function followTarget(
  deps: Pick<Deps, 'db'>,
  type: 'group' | 'user' | 'hashtag',
  id: string,
): Promise<string> {
  if (type !== 'hashtag') return id;
  const asked = normaliseTag(id);
  return (await aliasTarget(deps.db, asked)) ?? asked;
}

/**
 * One can follow what one can see: a visible group, an active person, a hashtag with posts the
 * viewer may read (one used only inside private groups does not exist for them, as on its page).
 * Returns what to follow (see followTarget).
 */
export async function checkFollowable(
  deps: Pick<Deps, 'db'>,
  viewer: User,
  type: 'group' | 'user' | 'hashtag',
  id: string,
): Promise<string> {
  if (type === 'group') await loadGroup(deps, viewer, id);
  else if (type === 'user') {
    const u = await deps.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!u || u.status !== 'active') throw notFound();
  } else {
    const tag = await followTarget(deps, type, id);
    if (!(await findHashtag(deps.db, tag)) || (await countVisible(deps.db, tag, viewer.id)) === 0)
      throw notFound();
  }
  return followTarget(deps, type, id);
}
