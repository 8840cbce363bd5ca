import type { User } from '../accounts/accounts.table.ts';
import { ANONYMOUS_USER_ID, type PainPoint } from './painpoints.table.ts';

/*
 * Who may see a pain point is who may read its post: every query and load goes through the
 * posts feature's `readableBy` / `loadPost` (painpoints.queries.ts), so a private group's pain
 * point is "not found" for a non-member on every surface. The checks below are for acting on
 * one the person can already see. `isLead`: the person leads the pain point's department.
 */

/** Admins, the owner and the department's leads move it through the workflow. */
export const canChangeStatus = (actor: User, pp: PainPoint, isLead: boolean): boolean =>
  actor.role === 'admin' || (pp.owner_id !== null && pp.owner_id === actor.id) || isLead;

/** The resolving post is part of the workflow: the same people link it. */
export const canSetResolvingPost = canChangeStatus;

/** Admins and the department's leads say who owns it (an owner does not hand it on alone). */
export const canAssignOwner = (actor: User, isLead: boolean): boolean =>
  actor.role === 'admin' || isLead;

/** Department leads are an organisational role: admins manage them. */
export const canManageLeads = (actor: User): boolean => actor.role === 'admin';

/**
 * "Me too" is for everyone who reads it but its author (who said so already by posting); the
 * anonymous system account never votes.
 */
export const canVote = (actor: User, postAuthorId: string): boolean =>
  actor.id !== postAuthorId && actor.id !== ANONYMOUS_USER_ID;
