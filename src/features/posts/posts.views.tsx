import { Pager } from '../../views/pager.tsx';
import { Avatar } from '../accounts/people.views.tsx';
import { Csrf, ErrorSummary, Field, Select, TextArea, type Errors } from '../../views/form.tsx';
import type { AttachedDocument } from '../documents/post-documents.ts';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import type { PostView } from './posts.queries.ts';
import type { Attachment } from './attachments.table.ts';
import { AttachedFiles, AttachmentList, FilesField } from './attachments.views.tsx';
import { REACTION_TYPES, type ReactionType } from './posts.table.ts';
import { BODY_MAX, COMMENT_MAX } from './posts.service.ts';
import { SYSTEM_USER_IDS } from '../accounts/accounts.table.ts';

export const REACTION_LABEL: Record<ReactionType, MessageKey> = {
  like: 'reactions.like',
  thanks: 'reactions.thanks',
  insightful: 'reactions.insightful',
  celebrate: 'reactions.celebrate',
};
const REACTION_SYMBOL: Record<ReactionType, string> = {
  like: '👍',
  thanks: '🙏',
  insightful: '💡',
  celebrate: '🎉',
};

/** A post as pages show it; attachments where the page loaded them (hydrateWithAttachments). */
export type ShownPost = PostView & {
  attachments?: readonly Attachment[];
  documents?: readonly AttachedDocument[];
};

/** Links to the documents a post attaches (those the viewer may read). */
function PostDocuments({ ctx, docs }: { ctx: PageContext; docs: readonly AttachedDocument[] }) {
  if (docs.length === 0) return null;
  return (
    <ul class="post-documents" aria-label={ctx.i18n.t('documents.attached')}>
      {docs.map((d) => (
        <li>
          <span aria-hidden="true">📄 </span>
          <a href={`/documents/${d.id}`}>{d.title}</a>
        </li>
      ))}
    </ul>
  );
}

/** The dangerouslySetInnerHTML of a post is its Markdown rendered with raw HTML off (markdown.ts). */
function Body({ html }: { html: string }) {
  return <div class="post-body" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function Reactions({ ctx, post, back }: { ctx: PageContext; post: PostView; back: string }) {
  const { t } = ctx.i18n;
  const counts = JSON.parse(post.reaction_counts) as Partial<Record<ReactionType, number>>;
  return (
    <form method="post" action={`/posts/${post.id}/reactions`} class="reactions">
      <Csrf token={ctx.csrfToken} />
      <input type="hidden" name="back" value={back} />
      {REACTION_TYPES.map((type) => {
        const on = post.mine.has(type);
        return (
          <button
            type="submit"
            name="toggle"
            value={type}
            class="reaction"
            aria-pressed={on ? 'true' : 'false'}
          >
            <span aria-hidden="true">{REACTION_SYMBOL[type]} </span>
            {t(REACTION_LABEL[type])}
            {counts[type] ? <span class="count"> {ctx.i18n.number(counts[type])}</span> : null}
          </button>
        );
      })}
    </form>
  );
}

const QUESTION_STATE = {
  open: { symbol: '?', key: 'questions.card_open' },
  answered: { symbol: '💬', key: 'questions.card_answered' },
  accepted: { symbol: '✔', key: 'questions.card_accepted' },
} as const satisfies Record<string, { symbol: string; key: MessageKey }>;

/** A question's state on its card: a symbol and words, never colour alone. */
function QuestionState({ ctx, q }: { ctx: PageContext; q: NonNullable<PostView['question']> }) {
  const s = QUESTION_STATE[q.status];
  return (
    <span class={`q-status q-${q.status}`}>
      <span aria-hidden="true">{s.symbol} </span>
      {ctx.i18n.t(s.key, { count: q.answers })}
    </span>
  );
}

export function PostCard(props: {
  ctx: PageContext;
  post: ShownPost;
  isNew?: boolean;
  back: string;
  /** The post's own page names it with the page's level-one heading. */
  heading?: 'h1' | 'h2';
}) {
  const { ctx, post } = props;
  const { t } = ctx.i18n;
  const Heading = props.heading ?? 'h2';
  return (
    <article class={props.isNew ? 'post is-new' : 'post'} aria-labelledby={`p-${post.id}`}>
      <header class="post-head">
        {/* A system account (approved anonymous pain points): no profile, no photo, a word. */}
        {SYSTEM_USER_IDS.includes(post.author_id) ? (
          <span class="avatar avatar-small avatar-initials" aria-hidden="true">
            ?
          </span>
        ) : (
          <Avatar
            user={{ id: post.author_id, name: post.author_name, photo_key: post.author_photo_key }}
            size="small"
          />
        )}
        <div>
          <Heading id={`p-${post.id}`} class="post-title">
            {SYSTEM_USER_IDS.includes(post.author_id) ? (
              t('painpoints.anon.author')
            ) : (
              <a href={`/people/${post.author_id}`}>{post.author_name}</a>
            )}
            {post.group_name ? (
              <>
                {' › '}
                <a href={`/groups/${post.group_id}`}>{post.group_name}</a>
              </>
            ) : null}
          </Heading>
          <p class="meta">
            <a href={`/posts/${post.id}`}>
              <time datetime={post.created_at}>{ctx.i18n.dateTime(post.created_at)}</time>
            </a>
            {post.edited_at ? ` · ${t('posts.edited')}` : ''}
            {post.kind !== 'post'
              ? ` · ${t(post.kind === 'question' ? 'posts.kind_question' : 'posts.kind_announcement')}`
              : ''}
            {post.question ? (
              <>
                {' · '}
                <QuestionState ctx={ctx} q={post.question} />
              </>
            ) : null}
            {props.isNew ? (
              <>
                {' · '}
                <strong class="new-mark">{t('feed.new')}</strong>
              </>
            ) : null}
          </p>
        </div>
      </header>
      <Body html={post.html} />
      <AttachmentList ctx={ctx} files={post.attachments ?? []} />
      <PostDocuments ctx={ctx} docs={post.documents ?? []} />
      <footer class="post-foot">
        <Reactions ctx={ctx} post={post} back={props.back} />
        <a href={`/posts/${post.id}#comments`}>
          {t('posts.comments', { count: post.comment_count })}
        </a>
      </footer>
    </article>
  );
}

export function PostList(props: {
  ctx: PageContext;
  posts: ShownPost[];
  seenAt?: string | null;
  back: string;
  nextUrl: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  if (props.posts.length === 0) return <p class="empty">{t('feed.empty')}</p>;
  return (
    <>
      <div class="feed">
        {props.posts.map((p) => (
          <PostCard
            ctx={ctx}
            post={p}
            back={props.back}
            isNew={
              props.seenAt !== undefined &&
              p.author_id !== ctx.viewer?.id &&
              (props.seenAt === null || p.created_at > props.seenAt)
            }
          />
        ))}
      </div>
      <Pager href={props.nextUrl} label={t('feed.older')} />
    </>
  );
}

export interface ComposerGroup {
  id: string;
  name: string;
}

export function Composer(props: {
  ctx: PageContext;
  groups: ComposerGroup[];
  /** A fixed group (the composer on a group page). */
  groupId?: string;
  values: Record<string, unknown>;
  errors: Errors;
  back: string;
  /** ATTACHMENT_MAX_MB, for the file picker's hint. */
  maxFileMb: number;
  /** The field for a document to attach (the composer's own page; feeds leave it out). */
  withDocument?: boolean;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx.i18n;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const kinds = [
    { value: 'post', label: t('posts.kind_post') },
    { value: 'question', label: t('posts.kind_question') },
    ...(ctx.viewer?.role === 'admin'
      ? [{ value: 'announcement', label: t('posts.kind_announcement') }]
      : []),
  ];
  return (
    <section class="composer" aria-labelledby="composer-h">
      <h2 id="composer-h" class="sr-only">
        {t('posts.new')}
      </h2>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/posts" enctype="multipart/form-data" class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        <input type="hidden" name="back" value={props.back} />
        <TextArea
          name="body"
          label={t('posts.body_label')}
          value={v('body')}
          errors={errors}
          maxLength={BODY_MAX}
          rows={3}
          hint={t('posts.body_hint')}
        />
        <div class="row">
          {props.groupId ? (
            <input type="hidden" name="groupId" value={props.groupId} />
          ) : (
            <Select
              name="groupId"
              label={t('posts.where')}
              value={v('groupId')}
              errors={errors}
              options={[
                { value: '', label: t('posts.org_wide') },
                ...props.groups.map((g) => ({ value: g.id, label: g.name })),
              ]}
            />
          )}
          <Select
            name="kind"
            label={t('posts.kind')}
            value={v('kind') || 'post'}
            errors={errors}
            options={kinds}
          />
        </div>
        {/* Filled by app.js while a question is typed: answered questions like it. */}
        <section class="similar-questions" aria-live="polite" aria-labelledby="similar-h">
          <h3 id="similar-h" hidden>
            {t('questions.similar_live')}
          </h3>
          <ul hidden></ul>
        </section>
        <FilesField
          ctx={ctx}
          errors={errors}
          maxMb={props.maxFileMb}
          chooseAgain={v('filesSent') === '1'}
        />
        {props.withDocument || v('document') ? (
          <Field
            name="document"
            label={t('documents.attach_label')}
            hint={t('documents.attach_hint')}
            value={v('document')}
            errors={errors}
            maxLength={200}
          />
        ) : null}
        <button type="submit">{t('posts.publish')}</button>
      </form>
    </section>
  );
}

/**
 * The step before a question is published (without JavaScript): what another feature found
 * (similar answered questions), the question as written, and a button that publishes it with
 * everything carried over in hidden fields. Files cannot be carried: they are chosen again.
 */
export function QuestionPreviewPage(props: {
  ctx: PageContext;
  found: preact.VNode;
  /** The composer's fields, to send again. */
  values: Record<string, string>;
  filesSent: boolean;
  maxFileMb: number;
}) {
  const { ctx, values } = props;
  const { t } = ctx.i18n;
  return (
    <section class="question-preview">
      {props.found}
      <h2 id="your-question-h">{t('questions.your_question')}</h2>
      <blockquote class="your-question" aria-labelledby="your-question-h">
        {(values.body ?? '').split('\n').map((line, i) => (
          <>
            {i > 0 ? <br /> : null}
            {line}
          </>
        ))}
      </blockquote>
      <form method="post" action="/posts" enctype="multipart/form-data" class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        {Object.entries(values).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="1" />
        {props.filesSent ? (
          <FilesField ctx={ctx} errors={{}} maxMb={props.maxFileMb} chooseAgain />
        ) : null}
        <button type="submit">{t('questions.post_anyway')}</button>
      </form>
    </section>
  );
}

export interface CommentRow {
  id: string;
  parent_id: string | null;
  author_id: string;
  author_name: string;
  author_photo_key: string | null;
  html: string;
  created_at: string;
  edited_at: string | null;
}

/**
 * What another feature adds to a post page's comments (questions: the accepted answer first,
 * marked, with its buttons). Handed in from app.ts, so posts need not know of it.
 */
export interface CommentsExtension {
  /** Above the comments. */
  header?: preact.VNode | null;
  /** The top-level comment to show first. */
  first?: string | null;
  /** With a top-level comment: a class, a mark before its text, actions after it. */
  classOf?: (c: CommentRow) => string | null;
  mark?: (c: CommentRow) => preact.VNode | null;
  actions?: (c: CommentRow) => preact.VNode | null;
  /** Entries shown among the top-level comments by time (a pain point's changes of status). */
  timeline?: readonly TimelineEntry[];
}

/** Something that happened to a post, shown in its conversation at the time it happened. */
export interface TimelineEntry {
  at: string;
  node: preact.VNode;
}

/**
 * The top-level comments with the timeline's entries between them, by time (a comment before
 * an entry of the same time); the comment shown first stays first.
 */
export function interleave(
  comments: readonly CommentRow[],
  timeline: readonly TimelineEntry[],
  first: string | null,
): ({ comment: CommentRow } | { entry: TimelineEntry })[] {
  const entries = [...timeline].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const out: ({ comment: CommentRow } | { entry: TimelineEntry })[] = [];
  let i = 0;
  for (const c of comments) {
    if (c.id !== first)
      while (i < entries.length && entries[i]!.at < c.created_at)
        out.push({ entry: entries[i++]! });
    out.push({ comment: c });
  }
  while (i < entries.length) out.push({ entry: entries[i++]! });
  return out;
}

/**
 * Several features' additions to one post's comments (a question that is also a pain point):
 * headers one after another; for each comment, the first feature that has something for it.
 */
export function mergeExtensions(exts: readonly CommentsExtension[]): CommentsExtension | null {
  if (exts.length <= 1) return exts[0] ?? null;
  const firstOf =
    <T,>(pick: (e: CommentsExtension) => ((c: CommentRow) => T | null) | undefined) =>
    (c: CommentRow): T | null => {
      for (const e of exts) {
        const v = pick(e)?.(c);
        if (v !== null && v !== undefined) return v;
      }
      return null;
    };
  return {
    header: <>{exts.map((e) => e.header ?? null)}</>,
    first: exts.find((e) => e.first)?.first ?? null,
    classOf: firstOf((e) => e.classOf),
    mark: firstOf((e) => e.mark),
    actions: firstOf((e) => e.actions),
    timeline: exts.flatMap((e) => e.timeline ?? []),
  };
}

function CommentItem(props: {
  ctx: PageContext;
  c: CommentRow;
  canDelete: (c: CommentRow) => boolean;
  ext?: CommentsExtension | undefined;
  children?: preact.ComponentChildren;
}) {
  const { ctx, c, ext } = props;
  const { t } = ctx.i18n;
  const extra = ext?.classOf?.(c);
  return (
    <li class={extra ? `comment ${extra}` : 'comment'} id={`c-${c.id}`}>
      <Avatar
        user={{ id: c.author_id, name: c.author_name, photo_key: c.author_photo_key }}
        size="small"
      />
      <div>
        <p class="meta">
          <a href={`/people/${c.author_id}`}>{c.author_name}</a> ·{' '}
          <time datetime={c.created_at}>{ctx.i18n.dateTime(c.created_at)}</time>
        </p>
        {ext?.mark?.(c) ?? null}
        <Body html={c.html} />
        {ext?.actions?.(c) ?? null}
        {props.canDelete(c) ? (
          <form method="post" action={`/comments/${c.id}/delete`} class="inline">
            <Csrf token={ctx.csrfToken} />
            <button type="submit" class="link">
              {t('posts.delete_comment')}
            </button>
          </form>
        ) : null}
        {props.children}
      </div>
    </li>
  );
}

export function PostPage(props: {
  ctx: PageContext;
  post: ShownPost;
  comments: CommentRow[];
  reactors: { type: ReactionType; id: string; name: string }[];
  canEdit: boolean;
  canDelete: boolean;
  canDeleteComment: (c: CommentRow) => boolean;
  errors: Errors;
  values: Record<string, unknown>;
  /** Sharing, reporting, "seen by" (moderation.views.tsx). */
  extras?: preact.VNode | null;
  /** From another feature (questions). */
  commentsExt?: CommentsExtension | null;
}) {
  const { ctx, post } = props;
  const { t } = ctx.i18n;
  const ext = props.commentsExt ?? undefined;
  const all = props.comments.filter((c) => !c.parent_id);
  const top = ext?.first
    ? [...all.filter((c) => c.id === ext.first), ...all.filter((c) => c.id !== ext.first)]
    : all;
  const replies = (id: string) => props.comments.filter((c) => c.parent_id === id);
  const back = `/posts/${post.id}`;
  const asked = typeof props.values.parentId === 'string' ? props.values.parentId : '';
  // A reply to a comment that is gone (deleted meanwhile) comes back in the comment form, with
  // what was typed and the reason beside it.
  const replyTo = top.some((c) => c.id === asked) ? asked : '';
  const error = props.errors.body ?? props.errors.parentId;
  const commentForm = (parentId: string | null) => (
    <form method="post" action={`/posts/${post.id}/comments`} class="stack" novalidate>
      <Csrf token={ctx.csrfToken} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <TextArea
        name={parentId ? `body-${parentId}` : 'body'}
        label={t(parentId ? 'posts.reply_label' : 'posts.comment_label')}
        value={
          (parentId ?? '') === replyTo && typeof props.values.body === 'string'
            ? props.values.body
            : ''
        }
        errors={
          (parentId ?? '') === replyTo && error
            ? { [parentId ? `body-${parentId}` : 'body']: error }
            : {}
        }
        maxLength={COMMENT_MAX}
        rows={2}
      />
      <button type="submit">{t(parentId ? 'posts.reply' : 'posts.comment')}</button>
    </form>
  );
  return (
    <section>
      <PostCard ctx={ctx} post={post} back={back} heading="h1" />
      {props.canEdit || props.canDelete ? (
        <p class="actions">
          {props.canEdit ? (
            <a class="button secondary" href={`/posts/${post.id}/edit`}>
              {t('posts.edit')}
            </a>
          ) : null}
          {props.canDelete ? (
            <form method="post" action={`/posts/${post.id}/delete`} class="inline">
              <Csrf token={ctx.csrfToken} />
              <button type="submit" class="secondary">
                {t('posts.delete')}
              </button>
            </form>
          ) : null}
        </p>
      ) : null}
      {props.extras}
      {props.reactors.length ? (
        <section aria-labelledby="reactors-h">
          <h2 id="reactors-h">{t('posts.reactors')}</h2>
          <ul class="reactors">
            {REACTION_TYPES.filter((type) => props.reactors.some((r) => r.type === type)).map(
              (type) => (
                <li>
                  <span aria-hidden="true">{REACTION_SYMBOL[type]} </span>
                  {t(REACTION_LABEL[type])}:{' '}
                  {props.reactors
                    .filter((r) => r.type === type)
                    .map((r) => r.name)
                    .join(', ')}
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}
      <section id="comments" aria-labelledby="comments-h">
        <h2 id="comments-h">{t('posts.comments', { count: post.comment_count })}</h2>
        {ext?.header ?? null}
        <ul class="comments">
          {interleave(top, ext?.timeline ?? [], ext?.first ?? null).map((item) => {
            if ('entry' in item) return <li class="comment timeline-entry">{item.entry.node}</li>;
            const c = item.comment;
            return (
              <CommentItem ctx={ctx} c={c} canDelete={props.canDeleteComment} ext={ext}>
                {replies(c.id).length ? (
                  <ul class="comments replies">
                    {replies(c.id).map((r) => (
                      <CommentItem ctx={ctx} c={r} canDelete={props.canDeleteComment} />
                    ))}
                  </ul>
                ) : null}
                <details open={replyTo === c.id}>
                  <summary>{t('posts.reply')}</summary>
                  {commentForm(c.id)}
                </details>
              </CommentItem>
            );
          })}
        </ul>
        {commentForm(null)}
      </section>
    </section>
  );
}

export function EditPostPage(props: {
  ctx: PageContext;
  post: ShownPost;
  body: string;
  errors: Errors;
}) {
  const { ctx, post, errors } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{t('posts.edit')}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={`/posts/${post.id}`} class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        <TextArea
          name="body"
          label={t('posts.body_label')}
          value={props.body}
          errors={errors}
          maxLength={BODY_MAX}
          rows={8}
        />
        <AttachedFiles ctx={ctx} files={post.attachments ?? []} />
        <button type="submit">{t('form.save')}</button>
      </form>
    </section>
  );
}
