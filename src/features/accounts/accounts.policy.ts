import type { User } from './accounts.table.ts';

/** A person edits their own profile; admins edit anyone's. */
export const canEditProfile = (actor: User, target: User): boolean =>
  actor.id === target.id || actor.role === 'admin';

export const isAdmin = (actor: User | null): boolean =>
  actor?.role === 'admin' && actor.status === 'active';

/** Deactivated and not-yet-activated people are visible to admins only. */
export const canSeeProfile = (viewer: User, target: User): boolean =>
  target.status === 'active' || isAdmin(viewer);
