import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, fieldError, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { cleanLine, cleanText, searchKey } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { canJoinNow, canManage, canRequest, canSeeGroup, type Relation } from './groups.policy.ts';
import {
  addMember,
  countActiveOwners,
  findGroup,
  lockGroup,
  lockPerson,
  membershipOf,
  relationOf,
  removeMember,
} from './groups.queries.ts';
import type { Group, GroupKind, MemberRole, Visibility } from './groups.table.ts';

type GroupDeps = Pick<Deps, 'db' | 'clock' | 'bus'>;

export interface GroupInput {
  name: string;
  description: string;
  visibility: Visibility;
  kind: GroupKind;
}

/** The group and the viewer's relation to it; "not found" when the viewer may not know of it. */
export async function loadGroup(
  deps: Pick<Deps, 'db'>,
  viewer: User,
  id: string,
): Promise<{ group: Group; rel: Relation }> {
  const group = await findGroup(deps.db, id);
  if (!group) throw notFound();
  const rel = await relationOf(deps.db, group.id, viewer.id);
  if (!canSeeGroup(viewer, group, rel)) throw notFound();
  return { group, rel };
}

async function loadManaged(deps: GroupDeps, actor: User, id: string) {
  const loaded = await loadGroup(deps, actor, id);
  if (!canManage(actor, loaded.group, loaded.rel))
    throw new AppError(403, 'forbidden', 'error.forbidden');
  return loaded;
}

export async function createGroup(deps: GroupDeps, actor: User, input: GroupInput): Promise<Group> {
  const name = cleanLine(input.name);
  if (name === '') throw fieldError('name', 'required', 'validation.required');
  const now = deps.clock();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('groups')
      .values({
        id,
        name,
        name_key: searchKey(name),
        description: cleanText(input.description),
        visibility: input.visibility,
        kind: input.kind,
        member_count: 0,
        created_by: actor.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await addMember(trx, id, actor.id, 'owner', now);
  });
  return (await findGroup(deps.db, id))!;
}

export async function updateGroup(
  deps: GroupDeps,
  actor: User,
  id: string,
  input: Partial<GroupInput>,
) {
  const { group } = await loadManaged(deps, actor, id);
  const set: Partial<Group> = { updated_at: deps.clock().toISOString() };
  if (input.name !== undefined) {
    const name = cleanLine(input.name);
    if (name === '') throw fieldError('name', 'required', 'validation.required');
    set.name = name;
    set.name_key = searchKey(name);
  }
  if (input.description !== undefined) set.description = cleanText(input.description);
  if (input.visibility !== undefined) set.visibility = input.visibility;
  if (input.kind !== undefined) set.kind = input.kind;
  await deps.db.updateTable('groups').set(set).where('id', '=', group.id).execute();
  return (await findGroup(deps.db, group.id))!;
}

export type JoinOutcome = 'joined' | 'requested';

/** Joins a public group or accepts an invitation; asks to join a private one. */
export async function joinGroup(
  deps: GroupDeps,
  actor: User,
  id: string,
  message = '',
): Promise<JoinOutcome> {
  const { group, rel } = await loadGroup(deps, actor, id);
  if (rel.role) return 'joined';
  if (canJoinNow(group, rel)) {
    await deps.db
      .transaction()
      .execute((trx) => addMember(trx, group.id, actor.id, 'member', deps.clock()));
    return 'joined';
  }
  if (rel.pending === 'request') return 'requested';
  if (!canRequest(group, rel)) throw notFound();
  await deps.db
    .insertInto('group_pending')
    .values({
      group_id: group.id,
      user_id: actor.id,
      kind: 'request',
      invited_by: null,
      message: cleanText(message).slice(0, 500),
      created_at: deps.clock().toISOString(),
    })
    // A concurrent second click has put it there already.
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .execute();
  await deps.bus.emit({ type: 'group.requested', groupId: group.id, userId: actor.id });
  return 'requested';
}

/**
 * Inside a transaction holding the group's lock (`lockGroup`): the member is about to stop
 * being an owner. Refused if they are the last active owner; deactivated owners do not count
 * (admins manage a group whose owners are all deactivated), and may themselves go.
 */
async function keepAnOwner(
  trx: Db,
  groupId: string,
  target: { role: MemberRole; active: boolean },
) {
  if (target.role === 'owner' && target.active && (await countActiveOwners(trx, groupId)) <= 1) {
    throw new AppError(422, 'last_owner', 'groups.last_owner');
  }
}

/** Leaves a group, or (as an owner or admin) removes someone. The last active owner stays. */
export async function leaveOrRemove(deps: GroupDeps, actor: User, id: string, userId: string) {
  const { group, rel } = await loadGroup(deps, actor, id);
  if (userId !== actor.id && !canManage(actor, group, rel))
    throw new AppError(403, 'forbidden', 'error.forbidden');
  await deps.db.transaction().execute(async (trx) => {
    await lockPerson(trx, userId);
    if (!(await lockGroup(trx, group.id))) throw notFound();
    const target = await membershipOf(trx, group.id, userId);
    if (!target) throw notFound();
    await keepAnOwner(trx, group.id, target);
    await removeMember(trx, group.id, userId);
  });
}

/** An owner adds a person at once (approving their request, if any). */
export async function addPerson(deps: GroupDeps, actor: User, id: string, userId: string) {
  const { group } = await loadManaged(deps, actor, id);
  const person = await findUserById(deps.db, userId);
  if (!person || person.status === 'deactivated')
    throw fieldError('userId', 'unknown_person', 'groups.unknown_person');
  const target = await relationOf(deps.db, group.id, userId);
  if (target.role) return;
  await deps.db
    .transaction()
    .execute((trx) => addMember(trx, group.id, userId, 'member', deps.clock()));
}

/** An owner invites a person; they join when they accept. */
export async function invitePerson(deps: GroupDeps, actor: User, id: string, userId: string) {
  const { group } = await loadManaged(deps, actor, id);
  const person = await findUserById(deps.db, userId);
  if (!person || person.status === 'deactivated')
    throw fieldError('userId', 'unknown_person', 'groups.unknown_person');
  const target = await relationOf(deps.db, group.id, userId);
  if (target.role) throw new AppError(409, 'already_member', 'groups.already_member');
  // A waiting request turns into membership: both sides want it.
  if (target.pending === 'request') {
    await deps.db
      .transaction()
      .execute((trx) => addMember(trx, group.id, userId, 'member', deps.clock()));
    return;
  }
  if (target.pending === 'invitation') return;
  await deps.db
    .insertInto('group_pending')
    .values({
      group_id: group.id,
      user_id: userId,
      kind: 'invitation',
      invited_by: actor.id,
      message: '',
      created_at: deps.clock().toISOString(),
    })
    // A concurrent second click has put it there already.
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .execute();
  await deps.bus.emit({ type: 'group.invited', groupId: group.id, userId, by: actor.id });
}

/**
 * Ends a waiting request or invitation: the person themself (withdraw, decline) or an owner
 * (decline a request, withdraw an invitation).
 */
export async function dropPending(deps: GroupDeps, actor: User, id: string, userId: string) {
  const { group, rel } = await loadGroup(deps, actor, id);
  if (userId !== actor.id && !canManage(actor, group, rel))
    throw new AppError(403, 'forbidden', 'error.forbidden');
  const r = await deps.db
    .deleteFrom('group_pending')
    .where('group_id', '=', group.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound();
}

export async function setMemberRole(
  deps: GroupDeps,
  actor: User,
  id: string,
  userId: string,
  role: MemberRole,
) {
  const { group } = await loadManaged(deps, actor, id);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await lockGroup(trx, group.id))) throw notFound();
    const target = await membershipOf(trx, group.id, userId);
    if (!target) throw notFound();
    if (target.role === role) return;
    await keepAnOwner(trx, group.id, target);
    await trx
      .updateTable('group_members')
      .set({ role })
      .where('group_id', '=', group.id)
      .where('user_id', '=', userId)
      .execute();
  });
}
