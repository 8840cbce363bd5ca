import type { Migration } from 'kysely';
import * as m0001 from './2026_11_28_0001_foundation.ts';

/** Every migration, in order. Migrations are frozen once committed: add a new one instead. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0001_foundation': m0001,
};
