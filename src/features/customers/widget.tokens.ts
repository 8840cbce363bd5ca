import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { cleanLine } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { getSetting, setSetting } from '../admin/settings.ts';

/**
 * Read tokens for the embeddable satisfaction widget. An intranet page has no Kantine session,
 * so the token in its address is the only credential: it grants reading the aggregate figures,
 * nothing else. Stored as its SHA-256; shown once when made.
 */
export const TOKEN_PREFIX = 'ksw_';
export const NAME_MAX = 100;

export interface WidgetToken {
  id: string;
  name: string;
  created_at: string;
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Whether the widget through a token names the customers below standard (default: counts). */
export const SHOW_NAMES_KEY = 'widgets.satisfaction.show_names';
/** Origins that may frame the widget's page; empty: any (`frame-ancestors *`). */
export const FRAME_ANCESTORS_KEY = 'widgets.frame_ancestors';

export interface WidgetSettings {
  showNames: boolean;
  frameAncestors: string[];
}

export async function widgetSettings(db: Db): Promise<WidgetSettings> {
  return {
    showNames: await getSetting<boolean>(db, SHOW_NAMES_KEY, false),
    frameAncestors: await getSetting<string[]>(db, FRAME_ANCESTORS_KEY, []),
  };
}

// An origin as CSP source expressions write it: scheme, host (optionally `*.` for subdomains),
// port. Anything else (paths, quotes, semicolons) could change the policy's meaning.
const ORIGIN_RE =
  /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/** Origins from text (one per line, or separated by spaces or commas), each checked. */
export function parseOrigins(text: string): string[] {
  const list = text
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase().replace(/\/$/, ''))
    .filter(Boolean);
  const bad = list.find((o) => !ORIGIN_RE.test(o));
  if (bad)
    throw fieldError('frameAncestors', 'bad_origin', 'satisfaction.tokens.bad_origin', {
      origin: bad,
    });
  if (list.length > 20)
    throw fieldError('frameAncestors', 'too_many', 'satisfaction.tokens.too_many_origins', {
      max: 20,
    });
  return [...new Set(list)];
}

export async function saveWidgetSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  s: WidgetSettings,
): Promise<WidgetSettings> {
  const now = deps.clock();
  await setSetting(deps.db, SHOW_NAMES_KEY, s.showNames, now);
  await setSetting(deps.db, FRAME_ANCESTORS_KEY, s.frameAncestors, now);
  await audit(deps.db, {
    actorId: actor.id,
    action: 'satisfaction.widget_settings',
    targetType: 'setting',
    targetId: 'widgets',
    data: s,
    now,
  });
  return s;
}

export const listWidgetTokens = (db: Db): Promise<WidgetToken[]> =>
  db
    .selectFrom('widget_tokens')
    .select(['id', 'name', 'created_at', 'created_by', 'last_used_at', 'revoked_at'])
    .where('scope', '=', 'satisfaction')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();

/** Makes a token; the token itself is returned here only. */
export async function createWidgetToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  name: string,
): Promise<{ token: string; row: WidgetToken }> {
  const clean = cleanLine(name);
  if (!clean) throw fieldError('name', 'required', 'validation.required');
  if (clean.length > NAME_MAX)
    throw fieldError('name', 'too_long', 'validation.too_long', { max: NAME_MAX });
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const now = deps.clock().toISOString();
  const row: WidgetToken = {
    id: newId(),
    name: clean,
    created_at: now,
    created_by: actor.id,
    last_used_at: null,
    revoked_at: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('widget_tokens')
      .values({ ...row, token_hash: hashSecret(token), scope: 'satisfaction' })
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'satisfaction.widget_token_created',
      targetType: 'widget_token',
      targetId: row.id,
      data: { name: clean },
      now: deps.clock(),
    });
  });
  return { token, row };
}

/** Revokes a token (again: nothing changes); an unknown id is not found. */
export async function revokeWidgetToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  id: string,
): Promise<WidgetToken> {
  const row = await deps.db
    .selectFrom('widget_tokens')
    .select(['id', 'name', 'created_at', 'created_by', 'last_used_at', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.revoked_at) return row;
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('widget_tokens')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      actorId: actor.id,
      action: 'satisfaction.widget_token_revoked',
      targetType: 'widget_token',
      targetId: id,
      data: { name: row.name },
      now,
    });
  });
  return { ...row, revoked_at: now.toISOString() };
}

const USE_INTERVAL_MS = 60_000;

/**
 * The token's row if it is valid (known, not revoked), else null. Its last use is written at
 * most once a minute, so that a busy intranet page does not write on every view.
 */
export async function useWidgetToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string | undefined,
): Promise<WidgetToken | null> {
  if (!token || token.length > 200) return null;
  const row = await deps.db
    .selectFrom('widget_tokens')
    .select(['id', 'name', 'created_at', 'created_by', 'last_used_at', 'revoked_at'])
    .where('token_hash', '=', hashSecret(token))
    .where('scope', '=', 'satisfaction')
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const now = deps.clock();
  const before = new Date(now.getTime() - USE_INTERVAL_MS).toISOString();
  if (!row.last_used_at || row.last_used_at < before) {
    await deps.db
      .updateTable('widget_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', before)]))
      .execute();
  }
  return row;
}
