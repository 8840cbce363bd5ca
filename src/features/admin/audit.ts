import type { Db } from '../../db/connect.ts';
import { newId } from '../../lib/ids.ts';

/** Records an admin action in the audit log (PRODUCT §12). */
export async function audit(
  db: Db,
  e: {
    actorId: string | null;
    action: string;
    targetType: string;
    targetId: string;
    data?: object;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      actor_id: e.actorId,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId,
      data: JSON.stringify(e.data ?? {}),
      created_at: e.now.toISOString(),
    })
    .execute();
}
