import type { Db } from '../../db/connect.ts';
import { notFound } from '../../http/errors.ts';
import { foldPlain } from '../../lib/text.ts';
import type { Customer, CustomerStatus } from './customers.table.ts';

/** Reading customers: one, by name, a filtered page, the industries and owners in use. */

/** A customer with its owner's name and e-mail, as every surface shows it. */
export interface CustomerRow extends Customer {
  owner_name: string | null;
  owner_email: string | null;
}

/**
 * The name key: lower case without accents ("Müller" and "MULLER" are the same customer). Not
 * the people directory's searchKey, which also adds the German transliteration: as a unique key
 * that would let "Müller" and "Muller" both exist.
 */
export const customerKey = (name: string): string => foldPlain(name);

function baseQuery(db: Db) {
  return db
    .selectFrom('customers')
    .leftJoin('users', 'users.id', 'customers.owner_id')
    .selectAll('customers')
    .select(['users.name as owner_name', 'users.email as owner_email']);
}

export async function findCustomer(db: Db, id: string): Promise<CustomerRow | undefined> {
  return baseQuery(db).where('customers.id', '=', id).executeTakeFirst();
}

/** The customer, or 404. */
export async function loadCustomer(db: Db, id: string): Promise<CustomerRow> {
  const c = await findCustomer(db, id);
  if (!c) throw notFound();
  return c;
}

export interface CustomerFilter {
  status?: CustomerStatus | null;
  industry?: string | null;
  ownerId?: string | null;
}

const encodeCursor = (c: { name_key: string; id: string }) =>
  Buffer.from(JSON.stringify([c.name_key, c.id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return [v[0], v[1]];
    }
  } catch {
    // a broken cursor starts from the beginning
  }
  return null;
}

/** Customers by name, filtered; keyset pages of `limit`. */
export async function listCustomers(
  db: Db,
  filter: CustomerFilter,
  page: { cursor?: string | null; limit: number },
): Promise<{ items: CustomerRow[]; nextCursor: string | null }> {
  let q = baseQuery(db);
  if (filter.status) q = q.where('customers.status', '=', filter.status);
  if (filter.industry) q = q.where('customers.industry', '=', filter.industry);
  if (filter.ownerId) q = q.where('customers.owner_id', '=', filter.ownerId);
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  if (after) {
    const [key, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb('customers.name_key', '>', key),
        eb.and([eb('customers.name_key', '=', key), eb('customers.id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('customers.name_key')
    .orderBy('customers.id')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null };
}

/** The industries in use, for the filter. */
export async function customerIndustries(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('customers')
    .select('industry')
    .distinct()
    .where('industry', '<>', '')
    .orderBy('industry')
    .execute();
  return rows.map((r) => r.industry);
}

export interface Person {
  id: string;
  name: string;
  email: string;
}

/** Who may own an account: active people, by name. */
export async function activePeople(db: Db): Promise<Person[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('status', '=', 'active')
    .orderBy('name_key')
    .orderBy('id')
    .execute();
}

/** The people who own at least one customer, by name, for the owner filter. */
export async function customerOwners(db: Db): Promise<Person[]> {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name', 'users.email'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('customers')
          .select('customers.id')
          .whereRef('customers.owner_id', '=', 'users.id'),
      ),
    )
    .orderBy('users.name_key')
    .orderBy('users.id')
    .execute();
}

/** How many evaluations the customer has (the delete confirmation says what goes with it). */
export async function countEvaluationsOf(db: Db, customerId: string): Promise<number> {
  const r = await db
    .selectFrom('evaluations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every customer, by name (the round grid lists them all). */
export async function allCustomers(db: Db): Promise<Customer[]> {
  return db.selectFrom('customers').selectAll().orderBy('name_key').orderBy('id').execute();
}
