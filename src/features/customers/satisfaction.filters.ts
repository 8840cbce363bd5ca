import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/connect.ts';
import type { SatisfactionFilter } from './satisfaction.ts';

/** The query of the full page, its CSV and the API: every field optional, '' meaning "all". */
export const FilterQuery = Type.Object({
  roundId: Type.Optional(
    Type.String({ maxLength: 40, description: 'a round; default: the latest with evaluations' }),
  ),
  industry: Type.Optional(
    Type.String({ maxLength: 200, description: 'customers of this industry' }),
  ),
  ownerId: Type.Optional(
    Type.String({ maxLength: 40, description: 'customers of this account owner' }),
  ),
});
export type FilterQueryType = { roundId?: string; industry?: string; ownerId?: string };

export const filterOf = (q: FilterQueryType): SatisfactionFilter => ({
  roundId: q.roundId?.trim() || null,
  industry: q.industry?.trim() || null,
  ownerId: q.ownerId?.trim() || null,
});

/** The same filter as a query string (for the CSV link), leaving out what is not set. */
export function filterQueryString(f: SatisfactionFilter): string {
  const q = new URLSearchParams();
  if (f.roundId) q.set('roundId', f.roundId);
  if (f.industry) q.set('industry', f.industry);
  if (f.ownerId) q.set('ownerId', f.ownerId);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface FilterOptions {
  rounds: { id: string; name: string }[];
  industries: string[];
  owners: { id: string; name: string }[];
}

/** What the filters offer: every round (newest first), the industries, the account owners. */
export async function filterOptions(db: Db): Promise<FilterOptions> {
  const [rounds, industries, owners] = await Promise.all([
    db
      .selectFrom('satisfaction_rounds')
      .select(['id', 'name'])
      .orderBy('starts_on', 'desc')
      .orderBy('name', 'desc')
      .execute(),
    db
      .selectFrom('customers')
      .select('industry')
      .distinct()
      .where('industry', '<>', '')
      .orderBy('industry')
      .execute(),
    db
      .selectFrom('users')
      .select(['users.id', 'users.name'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('customers')
            .select('customers.id')
            .whereRef('customers.owner_id', '=', 'users.id'),
        ),
      )
      .orderBy('users.name_key')
      .execute(),
  ]);
  return { rounds, industries: industries.map((r) => r.industry), owners };
}
