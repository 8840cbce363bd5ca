import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Deps } from '../src/http/app.ts';
import type { User } from '../src/features/accounts/accounts.table.ts';
import { hashPassword } from '../src/features/accounts/passwords.ts';
import { replaceSkills } from '../src/features/accounts/users.queries.ts';
import { newId } from '../src/lib/ids.ts';
import { searchKey } from '../src/lib/text.ts';
import { createToken } from '../src/features/accounts/tokens.ts';
import { setSetting } from '../src/features/admin/settings.ts';
import { collectCookies, csrfFrom } from './helpers.ts';

export const PASSWORD = 'tasty lunch at noon';
let hashed: Promise<string> | undefined;
let counter = 0;

export interface UserFactoryInput extends Partial<Omit<User, 'id'>> {
  skills?: string[];
}

/** Inserts a person (active member by default) who signs in with PASSWORD. */
export async function createUser(
  deps: Pick<Deps, 'db' | 'config'>,
  input: UserFactoryInput = {},
): Promise<User> {
  hashed ??= hashPassword(PASSWORD, deps.config.passwordCost);
  counter += 1;
  const now = new Date().toISOString();
  const { skills, ...fields } = input;
  const name = fields.name ?? `Person ${counter}`;
  const row = {
    id: newId(),
    email: `person${counter}.${newId().slice(-6).toLowerCase()}@example.com`,
    name,
    name_key: searchKey(name),
    password_hash: await hashed,
    role: 'member' as const,
    status: 'active' as const,
    title: '',
    department: '',
    location: '',
    bio: '',
    photo_key: null,
    availability: 'available' as const,
    capacity: 100,
    away_until: null,
    manager_id: null,
    locale: 'en' as const,
    time_zone: 'Europe/Berlin',
    created_at: now,
    updated_at: now,
    activated_at: now,
    last_seen_at: null,
    deactivated_at: null,
    ...fields,
  };
  if (fields.name) row.name_key = searchKey(fields.name);
  await deps.db.insertInto('users').values(row).execute();
  await setSetting(deps.db, 'org.name', 'Testfirma GmbH', new Date());
  if (skills) await replaceSkills(deps.db, row.id, skills);
  return (await deps.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow()) as User;
}

export const createAdmin = (deps: Pick<Deps, 'db' | 'config'>, input: UserFactoryInput = {}) =>
  createUser(deps, { role: 'admin', ...input });

export async function tokenFor(deps: Pick<Deps, 'db'>, user: User): Promise<string> {
  return (await createToken(deps.db, { userId: user.id, name: 'test', now: new Date() })).token;
}

/** A browser-like client: keeps cookies, knows a CSRF token, posts forms. */
export class Client {
  jar: Record<string, string> = {};
  csrf = '';
  /** The browser's language, sent as Accept-Language. */
  constructor(
    readonly app: FastifyInstance,
    readonly lang = 'en',
  ) {}

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      ...opts,
      headers: {
        'accept-language': this.lang,
        ...(opts.headers as Record<string, string> | undefined),
      },
      cookies: { ...this.jar, ...(opts.cookies ?? {}) },
    });
    collectCookies(res, this.jar);
    if (res.headers['content-type']?.toString().startsWith('text/html')) {
      const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
      if (m?.[1]) this.csrf = m[1];
    }
    return res;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  /** Posts a form the way a browser does, with the CSRF token unless one is given. */
  async post(
    url: string,
    fields: Record<string, string | string[]> = {},
    headers: Record<string, string> = {},
  ) {
    if (!this.csrf) await this.get('/login');
    const body = new URLSearchParams();
    if (!('_csrf' in fields)) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields))
      for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: body.toString(),
    });
  }

  /** JSON API call with the session cookie and the CSRF header. */
  async api(method: InjectOptions['method'], url: string, payload?: unknown) {
    if (!this.csrf) await this.get('/settings');
    return this.request({
      method,
      url,
      headers: {
        'x-csrf-token': this.csrf,
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  }

  async signIn(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/login');
    const res = await this.post('/login', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in failed with ${res.statusCode}`);
    return res;
  }
}

export async function signedIn(app: FastifyInstance, user: User): Promise<Client> {
  const c = new Client(app);
  await c.signIn(user.email);
  return c;
}

export { csrfFrom };
