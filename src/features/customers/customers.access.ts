import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect.ts';
import { requireViewer } from '../../http/context.tsx';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import { canManageCustomers, canSeeSatisfaction } from './customers.policy.ts';

/**
 * Where a refusal shows. Pages answer 403 like the analytics pages; the API answers 404 to
 * those who may not see customer satisfaction at all (API.md: what you may not see is "not
 * found"), and 403 to those who see it but may not change it.
 */
export type Surface = 'page' | 'api';

/** The viewer, if they may read customers, rounds and scores. */
export async function requireSatisfaction(
  req: FastifyRequest,
  db: Db,
  surface: Surface,
): Promise<User> {
  const viewer = requireViewer(req);
  if (!(await canSeeSatisfaction(db, viewer))) throw surface === 'api' ? notFound() : forbidden();
  return viewer;
}

/** The viewer, if they may change customers, dimensions, rounds, settings and imports. */
export async function requireCustomerAdmin(
  req: FastifyRequest,
  db: Db,
  surface: Surface,
): Promise<User> {
  const viewer = await requireSatisfaction(req, db, surface);
  if (!canManageCustomers(viewer)) throw forbidden();
  return viewer;
}

/** For use cases called from anywhere (pages, API, import): admins only. */
export function mustManage(actor: User): void {
  if (!canManageCustomers(actor)) throw new AppError(403, 'forbidden', 'error.forbidden');
}
