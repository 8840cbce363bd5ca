import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { notificationsRoutes } from './notifications.routes.tsx';
import { registerNotificationHandlers } from './notifications.service.ts';

export { notificationsApi } from './notifications.api.ts';
export { unreadCount } from './notifications.queries.ts';
export { registerNotificationHandlers, sendNotifications } from './notifications.service.ts';

export async function registerNotifications(app: FastifyInstance, deps: Deps): Promise<void> {
  registerNotificationHandlers(deps, deps.bus);
  await notificationsRoutes(app, deps);
}
