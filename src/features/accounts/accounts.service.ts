import type { Deps } from '../../http/app.ts';
import { AppError, fieldError, invalid, type FieldError } from '../../http/errors.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { cleanLine, searchKey } from '../../lib/text.ts';
import { audit } from '../admin/audit.ts';
import { getOrgName, setSetting } from '../admin/settings.ts';
import { shiftMemberCounts } from '../groups/index.ts';
import type { Role, User } from './accounts.table.ts';
import { checkPassword, hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { createSession, endOtherSessions } from './sessions.ts';
import {
  countActiveAdmins,
  findUserByEmail,
  findUserById,
  hasPeople,
  insertUser,
  normaliseEmail,
} from './users.queries.ts';

type AccountDeps = Pick<Deps, 'db' | 'config' | 'clock'>;

export function passwordError(field: string, password: string, email?: string): FieldError | null {
  const problem = checkPassword(password, email);
  if (!problem) return null;
  const messages = {
    too_short: 'password.too_short',
    too_long: 'password.too_long',
    common: 'password.common',
    contains_email: 'password.contains_email',
  } as const;
  return {
    field,
    code: `password_${problem}`,
    message: messages[problem],
    params: { min: 8, max: 128 },
  };
}

function newUserRow(
  deps: AccountDeps,
  input: {
    email: string;
    name: string;
    role: Role;
    status: User['status'];
    passwordHash: string | null;
  },
  extra: { title?: string; department?: string; location?: string } = {},
) {
  const now = deps.clock().toISOString();
  const name = cleanLine(input.name);
  return {
    id: newId(),
    email: normaliseEmail(input.email),
    name,
    name_key: searchKey(name),
    password_hash: input.passwordHash,
    role: input.role,
    status: input.status,
    title: cleanLine(extra.title ?? ''),
    department: cleanLine(extra.department ?? ''),
    location: cleanLine(extra.location ?? ''),
    photo_key: null,
    away_until: null,
    manager_id: null,
    locale: null,
    time_zone: deps.config.timeZone,
    created_at: now,
    updated_at: now,
    activated_at: input.status === 'active' ? now : null,
    last_seen_at: null,
    deactivated_at: null,
  };
}

/** First start: the organisation and its first admin. Refused once anyone exists. */
export async function setupOrganisation(
  deps: AccountDeps,
  input: { orgName: string; name: string; email: string; password: string },
): Promise<User> {
  const pwError = passwordError('password', input.password, input.email);
  if (pwError) throw invalid([pwError]);
  const passwordHash = await hashPassword(input.password, deps.config.passwordCost);
  return deps.db.transaction().execute(async (trx) => {
    if (await hasPeople(trx)) throw new AppError(409, 'already_set_up', 'setup.already_done');
    const row = newUserRow(deps, { ...input, role: 'admin', status: 'active', passwordHash });
    await insertUser(trx, row);
    await setSetting(trx, 'org.name', cleanLine(input.orgName), deps.clock());
    return (await findUserById(trx, row.id))!;
  });
}

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
}

/**
 * Checks the rate limits (account first, then address) before the expensive hash, then the
 * password; opens a session. Failures count against both keys.
 */
export async function signIn(
  deps: AccountDeps & Pick<Deps, 'limiter'>,
  input: SignInInput,
): Promise<{ user: User; token: string; expiresAt: Date }> {
  const { config, limiter, db } = deps;
  const email = normaliseEmail(input.email);
  const windowMs = config.loginWindowMinutes * 60_000;
  const accountKey = `login:account:${email}`;
  const addressKey = `login:address:${input.ip}`;
  const wait = Math.max(
    limiter.retryAfter(accountKey, config.loginMaxPerAccount, windowMs),
    limiter.retryAfter(addressKey, config.loginMaxPerAddress, windowMs),
  );
  if (wait > 0) {
    throw new AppError(429, 'rate_limited', 'login.rate_limited', {
      minutes: Math.ceil(wait / 60),
      seconds: wait,
    });
  }
  const user = await findUserByEmail(db, email);
  const ok = user?.password_hash ? await verifyPassword(input.password, user.password_hash) : false;
  if (!user || !ok) {
    limiter.fail(accountKey, windowMs);
    limiter.fail(addressKey, windowMs);
    throw new AppError(401, 'invalid_credentials', 'login.invalid');
  }
  if (user.status === 'deactivated') throw new AppError(403, 'deactivated', 'login.deactivated');
  limiter.reset(accountKey);
  const now = deps.clock();
  if (needsRehash(user.password_hash!, config.passwordCost)) {
    const rehashed = await hashPassword(input.password, config.passwordCost);
    await db
      .updateTable('users')
      .set({ password_hash: rehashed })
      .where('id', '=', user.id)
      .execute();
  }
  const session = await createSession(db, {
    userId: user.id,
    ip: input.ip,
    userAgent: input.userAgent,
    now,
    lifetimes: config,
  });
  await db
    .updateTable('users')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', user.id)
    .execute();
  return { user, token: session.token, expiresAt: session.expiresAt };
}

export interface NewPersonInput {
  email: string;
  name: string;
  title?: string;
  department?: string;
  location?: string;
  role: Role;
  /** Given: the account is active at once. Absent: an invitation is sent. */
  password?: string;
}

/** An admin creates a person, either with a password or by invitation. */
export async function createPerson(
  deps: AccountDeps & Pick<Deps, 'mailer'>,
  actor: User | null,
  input: NewPersonInput,
): Promise<{ user: User; inviteUrl: string | null }> {
  const { db, config } = deps;
  const problems: FieldError[] = [];
  if (cleanLine(input.name) === '')
    problems.push({ field: 'name', code: 'required', message: 'validation.required' });
  if (await findUserByEmail(db, input.email)) {
    problems.push({ field: 'email', code: 'email_taken', message: 'people.email_taken' });
  }
  if (input.password !== undefined) {
    const pw = passwordError('password', input.password, input.email);
    if (pw) problems.push(pw);
  }
  if (problems.length) throw invalid(problems);
  const passwordHash =
    input.password !== undefined ? await hashPassword(input.password, config.passwordCost) : null;
  const row = newUserRow(
    deps,
    { ...input, status: passwordHash ? 'active' : 'invited', passwordHash },
    { title: input.title, department: input.department, location: input.location },
  );
  const inviteToken = await db.transaction().execute(async (trx) => {
    await insertUser(trx, row);
    await audit(trx, {
      actorId: actor?.id ?? null,
      action: passwordHash ? 'user.create' : 'user.invite',
      targetType: 'user',
      targetId: row.id,
      data: { email: row.email, role: row.role },
      now: deps.clock(),
    });
    return passwordHash ? null : await insertInvitation(trx, deps, row.id, actor?.id ?? null);
  });
  const user = (await findUserById(db, row.id))!;
  const inviteUrl = inviteToken ? await mailInvitation(deps, user, actor, inviteToken) : null;
  return { user, inviteUrl };
}

async function insertInvitation(
  db: Deps['db'],
  deps: AccountDeps,
  userId: string,
  actorId: string | null,
) {
  const token = newSecret();
  const now = deps.clock();
  await db
    .insertInto('invitations')
    .values({
      id: newId(),
      token_hash: hashSecret(token),
      user_id: userId,
      invited_by: actorId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + deps.config.inviteValidHours * 3_600_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

async function mailInvitation(
  deps: AccountDeps & Pick<Deps, 'mailer'>,
  user: User,
  actor: User | null,
  token: string,
): Promise<string> {
  const url = `${deps.config.baseUrl}/invite/${token}`;
  const org = (await getOrgName(deps.db)) || 'Kantine';
  const days = Math.round(deps.config.inviteValidHours / 24);
  const inviter = actor?.name ?? org;
  // Mails go out in both languages: the person has not chosen one yet.
  await deps.mailer.send({
    to: user.email,
    subject: `Einladung zu ${org} / Invitation to ${org}`,
    text: [
      `Hallo ${user.name},`,
      '',
      `${inviter} lädt Sie zu ${org} ein. Legen Sie hier Ihr Passwort fest (gültig ${days} Tage):`,
      url,
      '',
      '---',
      '',
      `Hello ${user.name},`,
      '',
      `${inviter} invites you to ${org}. Set your password here (valid for ${days} days):`,
      url,
      '',
    ].join('\n'),
  });
  return url;
}

/** Sends a fresh invitation; earlier links stop working. */
export async function resendInvitation(
  deps: AccountDeps & Pick<Deps, 'mailer'>,
  actor: User,
  userId: string,
): Promise<string> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError(404, 'not_found', 'error.not_found');
  if (user.status !== 'invited') throw new AppError(409, 'not_invited', 'people.not_invited');
  const token = await deps.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('invitations')
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'user.reinvite',
      targetType: 'user',
      targetId: userId,
      now: deps.clock(),
    });
    return insertInvitation(trx, deps, userId, actor.id);
  });
  return mailInvitation(deps, user, actor, token);
}

/** The invitation behind a link, if it still works. */
export async function findInvitation(deps: AccountDeps, token: string) {
  const row = await deps.db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .select([
      'invitations.id',
      'invitations.expires_at',
      'invitations.used_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.status',
    ])
    .where('invitations.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (
    !row ||
    row.used_at ||
    row.status !== 'invited' ||
    Date.parse(row.expires_at) <= deps.clock().getTime()
  ) {
    return null;
  }
  return row;
}

/** Sets the invited person's password, activates the account and signs them in. */
export async function acceptInvitation(
  deps: AccountDeps,
  input: { token: string; password: string; ip: string; userAgent: string },
): Promise<{ user: User; token: string; expiresAt: Date }> {
  const invitation = await findInvitation(deps, input.token);
  if (!invitation) throw new AppError(404, 'invitation_invalid', 'invite.invalid');
  const pw = passwordError('password', input.password, invitation.email);
  if (pw) throw invalid([pw]);
  const hash = await hashPassword(input.password, deps.config.passwordCost);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('invitations')
      .set({ used_at: now.toISOString() })
      .where('id', '=', invitation.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1)
      throw new AppError(404, 'invitation_invalid', 'invite.invalid');
    const activated = await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        status: 'active',
        activated_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', invitation.user_id)
      .where('status', '=', 'invited')
      .executeTakeFirst();
    if (Number(activated.numUpdatedRows) !== 1)
      throw new AppError(404, 'invitation_invalid', 'invite.invalid');
    // Groups they were added to before signing up count them from now on.
    await shiftMemberCounts(trx, invitation.user_id, 1);
  });
  const session = await createSession(deps.db, {
    userId: invitation.user_id,
    ip: input.ip,
    userAgent: input.userAgent,
    now,
    lifetimes: deps.config,
  });
  const user = (await findUserById(deps.db, invitation.user_id))!;
  return { user, token: session.token, expiresAt: session.expiresAt };
}

/** Deactivation ends the person's sessions and tokens at once. */
export async function deactivateUser(
  deps: AccountDeps,
  actor: User,
  userId: string,
): Promise<void> {
  if (actor.id === userId)
    throw new AppError(422, 'cannot_deactivate_self', 'people.cannot_deactivate_self');
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError(404, 'not_found', 'error.not_found');
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const deactivate = () =>
      trx
        .updateTable('users')
        .set({ status: 'deactivated', deactivated_at: now, updated_at: now })
        .where('id', '=', userId);
    // Only an active account is counted in its groups' member counts (and only once taken out,
    // should two deactivations meet).
    const wasActive = await deactivate().where('status', '=', 'active').executeTakeFirst();
    if (Number(wasActive.numUpdatedRows) > 0) await shiftMemberCounts(trx, userId, -1);
    else await deactivate().execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .deleteFrom('invitations')
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'user.deactivate',
      targetType: 'user',
      targetId: userId,
      now: deps.clock(),
    });
  });
}

export async function reactivateUser(
  deps: AccountDeps,
  actor: User,
  userId: string,
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError(404, 'not_found', 'error.not_found');
  if (user.status !== 'deactivated') return;
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const status = user.password_hash ? 'active' : 'invited';
    const r = await trx
      .updateTable('users')
      .set({ status, deactivated_at: null, updated_at: now })
      .where('id', '=', userId)
      .where('status', '=', 'deactivated')
      .executeTakeFirst();
    if (status === 'active' && Number(r.numUpdatedRows) > 0)
      await shiftMemberCounts(trx, userId, 1);
    await audit(trx, {
      actorId: actor.id,
      action: 'user.reactivate',
      targetType: 'user',
      targetId: userId,
      now: deps.clock(),
    });
  });
}

/** Makes a person admin or member; the last active admin stays admin. */
export async function setRole(
  deps: AccountDeps,
  actor: User,
  userId: string,
  role: Role,
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError(404, 'not_found', 'error.not_found');
  if (user.role === role) return;
  await deps.db.transaction().execute(async (trx) => {
    // Counted inside the transaction, so two admins demoting each other cannot leave none
    // (SQLite serialises writers; PostgreSQL would need SERIALIZABLE for full safety).
    if (role === 'member' && user.status === 'active' && (await countActiveAdmins(trx)) <= 1) {
      throw new AppError(422, 'last_admin', 'people.last_admin');
    }
    await trx
      .updateTable('users')
      .set({ role, updated_at: deps.clock().toISOString() })
      .where('id', '=', userId)
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: `user.role.${role}`,
      targetType: 'user',
      targetId: userId,
      now: deps.clock(),
    });
  });
}

/** Changes one's own password; every other session ends. */
export async function changePassword(
  deps: AccountDeps,
  user: User,
  input: { current: string; next: string; keepSessionId: string | null },
): Promise<void> {
  if (!user.password_hash || !(await verifyPassword(input.current, user.password_hash))) {
    throw fieldError('current', 'wrong_password', 'password.wrong_current');
  }
  const pw = passwordError('password', input.next, user.email);
  if (pw) throw invalid([pw]);
  const hash = await hashPassword(input.next, deps.config.passwordCost);
  await deps.db
    .updateTable('users')
    .set({ password_hash: hash, updated_at: deps.clock().toISOString() })
    .where('id', '=', user.id)
    .execute();
  await endOtherSessions(deps.db, user.id, input.keepSessionId);
}
