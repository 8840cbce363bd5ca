import type { Db } from '../../db/connect.ts';
import type { User } from '../accounts/accounts.table.ts';
import { getSetting } from '../admin/settings.ts';
import type { Customer } from './customers.table.ts';

/**
 * Who sees customer satisfaction (the widget, the full page, the API): admins always; with the
 * setting `satisfaction.audience` 'owners' (the default) also every account owner; with
 * 'members' every member. Confidential comments are for those who may evaluate the customer.
 */
export type SatisfactionAudience = 'owners' | 'members';
export const AUDIENCE_KEY = 'satisfaction.audience';

export const getAudience = (db: Db): Promise<SatisfactionAudience> =>
  getSetting<SatisfactionAudience>(db, AUDIENCE_KEY, 'owners');

export async function canSeeSatisfaction(db: Db, viewer: User): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  if ((await getAudience(db)) === 'members') return true;
  const owned = await db
    .selectFrom('customers')
    .select('id')
    .where('owner_id', '=', viewer.id)
    .limit(1)
    .executeTakeFirst();
  return owned !== undefined;
}

/** Customers, dimensions, standards, rounds, publishing, import and widget tokens. */
export const canManageCustomers = (viewer: User): boolean => viewer.role === 'admin';

/** Enter or change a customer's evaluation, and read its confidential comment. */
export const canEvaluate = (viewer: User, customer: Pick<Customer, 'owner_id'>): boolean =>
  viewer.role === 'admin' || customer.owner_id === viewer.id;
