import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, invalid, type FieldError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { mustManage } from './customers.access.ts';
import { checkText, inTransaction } from './customers.checks.ts';
import { customerKey, loadCustomer, type CustomerRow } from './customers.queries.ts';
import { CUSTOMER_STATUSES, type Customer, type CustomerStatus } from './customers.table.ts';

/**
 * Customers (PRODUCT.md §8): a name unique regardless of case and accents, an industry, an
 * account owner (an active person) and a status. Admins change them; deleting one deletes its
 * evaluations.
 */
export const CUSTOMER_LIMITS = { name: 200, industry: 100 } as const;

export type CustomerInput = Partial<Record<'name' | 'industry' | 'ownerId' | 'status', unknown>>;

export interface CustomerFields {
  name: string;
  industry: string;
  ownerId: string | null;
  status: CustomerStatus;
}

type SDeps = Pick<Deps, 'db' | 'clock'>;

/** The fields with every bad one named. `current`: the customer being changed, if any. */
export async function checkCustomer(
  db: Db,
  input: CustomerInput,
  current: Customer | null,
): Promise<CustomerFields> {
  const errors: FieldError[] = [];
  const name = checkText(errors, 'name', input.name, {
    max: CUSTOMER_LIMITS.name,
    required: true,
  });
  const industry = checkText(errors, 'industry', input.industry, {
    max: CUSTOMER_LIMITS.industry,
  });
  const status = (input.status ?? 'active') as CustomerStatus;
  if (!CUSTOMER_STATUSES.includes(status)) {
    errors.push({ field: 'status', code: 'invalid_value', message: 'validation.invalid_value' });
  }
  let ownerId: string | null = null;
  if (input.ownerId !== undefined && input.ownerId !== null && input.ownerId !== '') {
    if (typeof input.ownerId !== 'string') {
      errors.push({ field: 'ownerId', code: 'unknown_owner', message: 'customers.unknown_owner' });
    } else {
      const owner = await db
        .selectFrom('users')
        .select(['id', 'status'])
        .where('id', '=', input.ownerId)
        .executeTakeFirst();
      // A deactivated owner may stay on a customer they already own; nobody new gets them.
      const keeps = owner !== undefined && current?.owner_id === owner.id;
      if (!owner || (owner.status !== 'active' && !keeps)) {
        errors.push({
          field: 'ownerId',
          code: 'unknown_owner',
          message: 'customers.unknown_owner',
        });
      } else {
        ownerId = owner.id;
      }
    }
  }
  if (name !== '' && !errors.some((e) => e.field === 'name')) {
    const same = await db
      .selectFrom('customers')
      .select('id')
      .where('name_key', '=', customerKey(name))
      .executeTakeFirst();
    if (same && same.id !== current?.id) {
      throw new AppError(409, 'name_taken', 'customers.name_taken', {}, [
        ...errors,
        { field: 'name', code: 'name_taken', message: 'customers.name_taken' },
      ]);
    }
  }
  if (errors.length > 0) throw invalid(errors);
  return { name, industry, ownerId, status };
}

export async function createCustomer(
  deps: SDeps,
  actor: User,
  input: CustomerInput,
): Promise<CustomerRow> {
  mustManage(actor);
  const now = deps.clock().toISOString();
  const id = newId();
  await inTransaction(deps.db, async (trx) => {
    const f = await checkCustomer(trx, input, null);
    await trx
      .insertInto('customers')
      .values({
        id,
        name: f.name,
        name_key: customerKey(f.name),
        industry: f.industry,
        owner_id: f.ownerId,
        status: f.status,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'customer.create',
      targetType: 'customer',
      targetId: id,
      data: f,
      now: deps.clock(),
    });
  });
  return loadCustomer(deps.db, id);
}

/** Changes what is given; what is left out stays. */
export async function updateCustomer(
  deps: SDeps,
  actor: User,
  id: string,
  patch: CustomerInput,
): Promise<CustomerRow> {
  mustManage(actor);
  await inTransaction(deps.db, async (trx) => {
    const c = await loadCustomer(trx, id);
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const f = await checkCustomer(
      trx,
      { name: c.name, industry: c.industry, ownerId: c.owner_id, status: c.status, ...given },
      c,
    );
    await trx
      .updateTable('customers')
      .set({
        name: f.name,
        name_key: customerKey(f.name),
        industry: f.industry,
        owner_id: f.ownerId,
        status: f.status,
        updated_at: deps.clock().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'customer.update',
      targetType: 'customer',
      targetId: id,
      data: f,
      now: deps.clock(),
    });
  });
  return loadCustomer(deps.db, id);
}

/** Deletes the customer with all its evaluations and their scores. */
export async function deleteCustomer(deps: SDeps, actor: User, id: string): Promise<Customer> {
  mustManage(actor);
  return inTransaction(deps.db, async (trx) => {
    const c = await loadCustomer(trx, id);
    const evaluations = trx.selectFrom('evaluations').select('id').where('customer_id', '=', id);
    await trx.deleteFrom('evaluation_scores').where('evaluation_id', 'in', evaluations).execute();
    await trx.deleteFrom('evaluations').where('customer_id', '=', id).execute();
    await trx.deleteFrom('customers').where('id', '=', id).execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'customer.delete',
      targetType: 'customer',
      targetId: id,
      data: { name: c.name },
      now: deps.clock(),
    });
    return c;
  });
}
