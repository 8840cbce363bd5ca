import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { forbidden, invalid, notFound, type FieldError } from '../../http/errors.ts';
import { cleanLine } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { canManageLeads } from './painpoints.policy.ts';
import { findActivePerson } from './painpoints.queries.ts';

export const DEPARTMENT_MAX = 100;

/** Every department's leads, by department and name. */
export async function listLeads(db: Db) {
  return db
    .selectFrom('department_leads')
    .innerJoin('users', 'users.id', 'department_leads.user_id')
    .select([
      'department_leads.department',
      'department_leads.user_id',
      'department_leads.created_at',
      'users.name',
      'users.status',
    ])
    .orderBy('department_leads.department')
    .orderBy('users.name_key')
    .orderBy('users.id')
    .execute();
}

export type LeadRow = Awaited<ReturnType<typeof listLeads>>[number];

/** Departments people name in their profiles or that have leads: the form's suggestions. */
export async function knownDepartments(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('department')
    .where('status', '=', 'active')
    .where('department', '!=', '')
    .union(db.selectFrom('department_leads').select('department'))
    .execute();
  return [...new Set(rows.map((r) => r.department))].sort((a, b) => a.localeCompare(b));
}

/**
 * Makes an active person a lead of a department (admins only; recorded in the audit log).
 * Whether they were added (false: a lead already).
 */
export async function addLead(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  input: { department: string; userId: string },
): Promise<{ added: boolean; department: string; userId: string; name: string }> {
  if (!canManageLeads(actor)) throw forbidden();
  const department = cleanLine(input.department);
  const person = input.userId ? await findActivePerson(deps.db, input.userId) : undefined;
  const wrong: FieldError[] = [];
  if (department === '')
    wrong.push({ field: 'department', code: 'required', message: 'validation.required' });
  else if ([...department].length > DEPARTMENT_MAX)
    wrong.push({
      field: 'department',
      code: 'too_long',
      message: 'validation.too_long',
      params: { max: DEPARTMENT_MAX },
    });
  if (!person)
    wrong.push({
      field: 'userId',
      code: 'unknown_person',
      message: 'painpoints.err_unknown_person',
    });
  if (wrong.length || !person) throw invalid(wrong);
  const now = deps.clock();
  const r = await deps.db
    .insertInto('department_leads')
    .values({ department, user_id: person.id, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['department', 'user_id']).doNothing())
    .executeTakeFirst();
  const added = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  if (added)
    await audit(deps.db, {
      actorId: actor.id,
      action: 'department_lead.add',
      targetType: 'user',
      targetId: person.id,
      data: { department },
      now,
    });
  return { added, department, userId: person.id, name: person.name };
}

/** Takes a lead off a department (admins only); "not found" if they were none. */
export async function removeLead(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  department: string,
  userId: string,
): Promise<void> {
  if (!canManageLeads(actor)) throw forbidden();
  const r = await deps.db
    .deleteFrom('department_leads')
    .where('department', '=', department)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound();
  await audit(deps.db, {
    actorId: actor.id,
    action: 'department_lead.remove',
    targetType: 'user',
    targetId: userId,
    data: { department },
    now: deps.clock(),
  });
}
