import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import { lazyRequire } from '../lib/lazy.ts';

/** What happened, published after the transaction that made it so has committed. */
export type DomainEvent =
  | {
      type: 'post.created';
      postId: string;
      authorId: string;
      groupId: string | null;
      kind: string;
      mentions: string[];
    }
  | {
      /** The author changed a post's text (its hashtags and mentions follow it). */
      type: 'post.edited';
      postId: string;
      authorId: string;
      groupId: string | null;
    }
  | {
      type: 'comment.created';
      commentId: string;
      postId: string;
      postAuthorId: string;
      authorId: string;
      parentAuthorId: string | null;
      mentions: string[];
    }
  | {
      type: 'reaction.added';
      postId: string;
      postAuthorId: string;
      userId: string;
      reaction: string;
    }
  | {
      type: 'answer.accepted';
      postId: string;
      commentId: string;
      answerAuthorId: string;
      by: string;
    }
  | {
      type: 'question.overdue';
      postId: string;
      /** null: an org-wide question (the admins are told). */
      groupId: string | null;
      askerId: string;
    }
  | {
      /** A pain point's status, owner or resolving post changed (painpoints feature). */
      type: 'painpoint.changed';
      painPointId: string;
      postId: string;
      actorId: string;
      change: 'status' | 'owner' | 'resolving_post';
      toStatus: string | null;
      ownerId: string | null;
    }
  | { type: 'group.invited'; groupId: string; userId: string; by: string }
  | { type: 'group.requested'; groupId: string; userId: string }
  | { type: 'notifications.changed'; userId: string };

type Handler = (event: DomainEvent) => Promise<void>;

/**
 * The event bus. `emit` runs this node's handlers (they write, e.g. notifications: once per
 * event, on the node that made it) and then tells every node, so that each can push live
 * updates to the browsers connected to it: in-process for one node, Redis pub/sub for many.
 */
export interface Bus {
  on(type: DomainEvent['type'], handler: Handler): void;
  emit(event: DomainEvent): Promise<void>;
  /** Every event from every node, for live updates. Returns the unsubscribe function. */
  listen(listener: (event: DomainEvent) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'kantine:events';

export function createBus(opts: { redisUrl: string | null; log?: Logger }): Bus {
  const handlers = new Map<string, Handler[]>();
  const local = new EventEmitter();
  local.setMaxListeners(0);
  let pub: Redis | null = null;
  let sub: Redis | null = null;
  if (opts.redisUrl) {
    const { Redis } = lazyRequire<typeof IORedis>('ioredis');
    pub = new Redis(opts.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
    sub = new Redis(opts.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
    void sub.subscribe(CHANNEL);
    sub.on('message', (_channel: string, message: string) => {
      try {
        local.emit('event', JSON.parse(message) as DomainEvent);
      } catch (err) {
        opts.log?.warn({ err }, 'unreadable event from redis');
      }
    });
    for (const c of [pub, sub]) c.on('error', (err) => opts.log?.warn({ err }, 'redis'));
  }
  return {
    on(type, handler) {
      handlers.set(type, [...(handlers.get(type) ?? []), handler]);
    },
    async emit(event) {
      for (const h of handlers.get(event.type) ?? []) {
        try {
          await h(event);
        } catch (err) {
          // A failing side effect must not undo or fail what was already committed.
          opts.log?.error({ err, event: event.type }, 'event handler failed');
        }
      }
      if (pub) await pub.publish(CHANNEL, JSON.stringify(event));
      else local.emit('event', event);
    },
    listen(listener) {
      local.on('event', listener);
      return () => local.off('event', listener);
    },
    async close() {
      local.removeAllListeners();
      await Promise.all([pub?.quit(), sub?.quit()]);
    },
  };
}
