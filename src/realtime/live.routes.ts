import type { FastifyInstance } from 'fastify';
import type { Deps } from '../http/app.ts';
import { requireViewer } from '../http/context.tsx';
import { inHomeFeed } from '../features/feed/feed.queries.ts';
import { unreadCount } from '../features/notifications/index.ts';
import type { DomainEvent } from './bus.ts';

const HEARTBEAT_MS = 25_000;

/**
 * The live stream (server-sent events): the unread count whenever it changes, and each new
 * post that belongs in the viewer's home feed (which only shows posts they may read). Fed by the bus, so a post written on another app node arrives too.
 * Without JavaScript nothing connects here, and a reload shows the same.
 */
export async function liveRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { db, bus } = deps;
  // Open streams end when the server closes, so shutdown does not wait for them.
  const open = new Set<{ close(): void }>();
  app.addHook('onClose', async () => {
    for (const s of open) s.close();
    open.clear();
  });

  app.get('/events', async (req, reply) => {
    const viewer = requireViewer(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (event: string, data: unknown) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('unread', { count: await unreadCount(db, viewer.id) });

    // One check at a time per connection, in order: a burst of events does not pile up queries.
    let queue = Promise.resolve();
    const onEvent = (event: DomainEvent) => {
      queue = queue
        .then(async () => {
          if (event.type === 'notifications.changed' && event.userId === viewer.id) {
            send('unread', { count: await unreadCount(db, viewer.id) });
          } else if (
            event.type === 'post.created' &&
            event.authorId !== viewer.id &&
            (await inHomeFeed(db, viewer.id, event.postId))
          ) {
            send('post', { postId: event.postId, groupId: event.groupId });
          }
        })
        .catch((err: unknown) => req.log.warn({ err }, 'live update failed'));
    };
    const unlisten = bus.listen(onEvent);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unlisten();
    };
    const stream = { close: () => (close(), res.end()) };
    open.add(stream);
    req.raw.on('close', () => {
      close();
      open.delete(stream);
    });
  });
}
