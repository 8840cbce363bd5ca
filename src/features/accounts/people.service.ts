import type { Deps } from '../../http/app.ts';
import { AppError, invalid, type FieldError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { cleanLine, cleanText, foldPlain, searchKey } from '../../lib/text.ts';
import type { Availability, User, UserUpdate } from './accounts.table.ts';
import { canEditProfile } from './accounts.policy.ts';
import { processPhoto, PHOTO_SIZES } from './photos.ts';
import { findUserByEmail, findUserById, replaceSkills } from './users.queries.ts';

export const MAX_SKILLS = 20;
export const SKILL_MAX = 60;

export interface ProfileInput {
  name?: string;
  title?: string;
  department?: string;
  location?: string;
  bio?: string;
  skills?: string[];
  availability?: Availability;
  capacity?: number;
  /** YYYY-MM-DD, or null to clear. */
  awayUntil?: string | null;
  /** The manager's id, or null for none. */
  managerId?: string | null;
  /** Alternative to managerId in forms: the manager's e-mail, or '' for none. */
  managerEmail?: string;
  locale?: 'de' | 'en' | null;
  timeZone?: string;
}

/** Splits "a, b; c" into distinct skills, keeping the first spelling of each. */
export function parseSkills(raw: string): string[] {
  return raw
    .split(/[,;\n]/)
    .map(cleanLine)
    .filter((s) => s !== '');
}

function dedupeSkills(skills: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of skills.map(cleanLine)) {
    const key = foldPlain(s);
    if (s === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

function today(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Validates and saves a profile change; names every wrong field at once. */
export async function updateProfile(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  userId: string,
  input: ProfileInput,
): Promise<User> {
  const { db, clock } = deps;
  const user = await findUserById(db, userId);
  if (!user) throw new AppError(404, 'not_found', 'error.not_found');
  if (!canEditProfile(actor, user)) throw new AppError(403, 'forbidden', 'error.forbidden');

  const problems: FieldError[] = [];
  const set: UserUpdate = {};
  if (input.name !== undefined) {
    const name = cleanLine(input.name);
    if (name === '')
      problems.push({ field: 'name', code: 'required', message: 'validation.required' });
    set.name = name;
    set.name_key = searchKey(name);
  }
  if (input.title !== undefined) set.title = cleanLine(input.title);
  if (input.department !== undefined) set.department = cleanLine(input.department);
  if (input.location !== undefined) set.location = cleanLine(input.location);
  if (input.bio !== undefined) set.bio = cleanText(input.bio);

  let skills: string[] | undefined;
  if (input.skills !== undefined) {
    skills = dedupeSkills(input.skills);
    if (skills.length > MAX_SKILLS) {
      problems.push({
        field: 'skills',
        code: 'too_many',
        message: 'validation.too_many',
        params: { max: MAX_SKILLS },
      });
    } else if (skills.some((s) => s.length > SKILL_MAX)) {
      problems.push({
        field: 'skills',
        code: 'too_long',
        message: 'profile.skill_too_long',
        params: { max: SKILL_MAX },
      });
    }
  }

  const availability = input.availability ?? user.availability;
  if (input.availability !== undefined) set.availability = input.availability;
  if (input.capacity !== undefined) set.capacity = input.capacity;
  if (input.awayUntil !== undefined) {
    if (input.awayUntil && input.awayUntil < today(user.time_zone, clock())) {
      problems.push({ field: 'awayUntil', code: 'in_past', message: 'profile.away_in_past' });
    }
    set.away_until = input.awayUntil || null;
  }
  if (
    availability !== 'away' &&
    (input.availability !== undefined || input.awayUntil !== undefined)
  ) {
    set.away_until = null;
  }
  if (availability === 'away' && input.capacity === undefined && input.availability !== undefined)
    set.capacity = 0;

  let managerId = input.managerId;
  if (input.managerEmail !== undefined) {
    const email = input.managerEmail.trim();
    if (email === '') managerId = null;
    else {
      const manager = await findUserByEmail(db, email);
      if (!manager || manager.status === 'deactivated') {
        problems.push({
          field: 'manager',
          code: 'unknown_person',
          message: 'profile.manager_unknown',
        });
      } else managerId = manager.id;
    }
  }
  if (managerId !== undefined && managerId !== null) {
    const problem = await managerProblem(deps, user.id, managerId);
    if (problem)
      problems.push({
        field: input.managerEmail !== undefined ? 'manager' : 'managerId',
        ...problem,
      });
  }
  if (managerId !== undefined) set.manager_id = managerId;
  if (input.locale !== undefined) set.locale = input.locale;
  if (input.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
      set.time_zone = input.timeZone;
    } catch {
      problems.push({
        field: 'timeZone',
        code: 'invalid_value',
        message: 'validation.invalid_value',
      });
    }
  }
  if (problems.length) throw invalid(problems);

  set.updated_at = clock().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set(set).where('id', '=', user.id).execute();
    if (skills) await replaceSkills(trx, user.id, skills);
  });
  return (await findUserById(db, user.id))!;
}

/** A manager must exist, be someone else, and not report (directly or not) to this person. */
async function managerProblem(
  deps: Pick<Deps, 'db'>,
  userId: string,
  managerId: string,
): Promise<Omit<FieldError, 'field'> | null> {
  if (managerId === userId) return { code: 'self', message: 'profile.manager_self' };
  let current: string | null = managerId;
  for (let depth = 0; current && depth < 100; depth++) {
    const row: { id: string; manager_id: string | null; status: string } | undefined = await deps.db
      .selectFrom('users')
      .select(['id', 'manager_id', 'status'])
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) return { code: 'unknown_person', message: 'profile.manager_unknown' };
    if (depth === 0 && row.status === 'deactivated')
      return { code: 'unknown_person', message: 'profile.manager_unknown' };
    if (row.manager_id === userId) return { code: 'cycle', message: 'profile.manager_cycle' };
    current = row.manager_id;
  }
  return null;
}

/** Stores a new profile photo in both sizes; the old one is replaced. */
export async function setPhoto(
  deps: Pick<Deps, 'db' | 'clock' | 'storage'>,
  actor: User,
  userId: string,
  data: Buffer,
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError(404, 'not_found', 'error.not_found');
  if (!canEditProfile(actor, user)) throw new AppError(403, 'forbidden', 'error.forbidden');
  const sizes = await processPhoto(data);
  const key = `photos/${user.id}/${newId().toLowerCase()}`;
  for (const size of Object.keys(PHOTO_SIZES) as (keyof typeof PHOTO_SIZES)[]) {
    await deps.storage.put(`${key}-${size}.jpg`, sizes[size]);
  }
  await deps.db
    .updateTable('users')
    .set({ photo_key: key, updated_at: deps.clock().toISOString() })
    .where('id', '=', user.id)
    .execute();
  if (user.photo_key) await removePhotoFiles(deps, user.photo_key);
}

export async function removePhoto(
  deps: Pick<Deps, 'db' | 'clock' | 'storage'>,
  actor: User,
  userId: string,
) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError(404, 'not_found', 'error.not_found');
  if (!canEditProfile(actor, user)) throw new AppError(403, 'forbidden', 'error.forbidden');
  if (!user.photo_key) return;
  await deps.db
    .updateTable('users')
    .set({ photo_key: null, updated_at: deps.clock().toISOString() })
    .where('id', '=', user.id)
    .execute();
  await removePhotoFiles(deps, user.photo_key);
}

async function removePhotoFiles(deps: Pick<Deps, 'storage'>, key: string): Promise<void> {
  for (const size of Object.keys(PHOTO_SIZES))
    await deps.storage.removePrefix(`${key}-${size}.jpg`);
}
