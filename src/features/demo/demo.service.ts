import type { Deps } from '../../http/app.ts';
import type { ReactionType } from '../posts/posts.table.ts';
import { newId } from '../../lib/ids.ts';
import { searchKey } from '../../lib/text.ts';
import { getSetting, setSetting } from '../admin/settings.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { replaceSkills } from '../accounts/users.queries.ts';
import { DEMO_COMPANY, DEMO_PEOPLE } from './demo.data.ts';
import { DEMO_GROUPS } from './demo.groups.ts';
import { DEMO_POSTS } from './demo.posts.ts';
import { createDemoDocuments } from './demo.documents.ts';
import { createDemoYear } from './demo.year.ts';
import { dayOf, rollupDays } from '../analytics/rollup.ts';
import { createDemoCustomers } from './demo.customers.ts';
import { createDemoPainPoints } from './demo.painpoints.ts';
import { createDemoGoals } from '../analytics/goals.demo.ts';
import { addComment, createPost, react } from '../posts/posts.service.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { acceptAnswer, voteHelpful } from '../questions/index.ts';

/** Everyone in the demo signs in with this password. */
export const DEMO_PASSWORD = 'kantine-demo-2026';

export const isDemo = (db: Deps['db']): Promise<boolean> => getSetting(db, 'demo', false);

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Creates the demo organisation: a German mid-sized company with its people, their titles,
 * skills, availability and managers, and its groups (teams, communities, a private and a secret one). Later features add their own demo content here.
 */
export async function createDemoOrganisation(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'bus'> & Partial<Pick<Deps, 'storage'>>,
): Promise<{ people: number; groups: number; posts: number; documents: number }> {
  const { db, config, clock } = deps;
  const now = clock();
  // One hash for all demo accounts: hashing 50 passwords at full cost would take a minute.
  const passwordHash = await hashPassword(DEMO_PASSWORD, config.passwordCost);
  const ids = new Map(DEMO_PEOPLE.map((p) => [p.key, newId()]));
  const groupIds = new Map(DEMO_GROUPS.map((g) => [g.key, newId()]));
  await db.transaction().execute(async (trx) => {
    await setSetting(trx, 'org.name', DEMO_COMPANY.name, now);
    for (const [i, p] of DEMO_PEOPLE.entries()) {
      // Join dates spread over the past two years, so the organisation has a history.
      const created = new Date(now.getTime() - (730 - i * 9) * 86_400_000).toISOString();
      await trx
        .insertInto('users')
        .values({
          id: ids.get(p.key)!,
          email: p.email,
          name: p.name,
          name_key: searchKey(p.name),
          password_hash: passwordHash,
          role: p.admin || i === 0 ? 'admin' : 'member',
          status: 'active',
          title: p.title,
          department: p.department,
          location: p.location,
          bio: p.bio,
          photo_key: null,
          availability: p.availability,
          capacity: p.capacity,
          away_until: p.awayUntilDays
            ? isoDay(new Date(now.getTime() + p.awayUntilDays * 86_400_000))
            : null,
          manager_id: null,
          locale: p.locale ?? null,
          time_zone: config.timeZone,
          created_at: created,
          updated_at: created,
          activated_at: created,
          last_seen_at: null,
          deactivated_at: null,
        })
        .execute();
      await replaceSkills(trx, ids.get(p.key)!, p.skills);
    }
    for (const p of DEMO_PEOPLE) {
      if (!p.managerKey) continue;
      await trx
        .updateTable('users')
        .set({ manager_id: ids.get(p.managerKey)! })
        .where('id', '=', ids.get(p.key)!)
        .execute();
    }
    for (const g of DEMO_GROUPS) {
      const groupId = groupIds.get(g.key)!;
      const created = new Date(now.getTime() - 700 * 86_400_000).toISOString();
      const members = new Set<string>([g.owner, ...(g.people ?? [])]);
      DEMO_PEOPLE.forEach((p, i) => {
        if (g.departments?.includes(p.department)) members.add(p.key);
        if (g.everyNth && i % g.everyNth === 0) members.add(p.key);
      });
      await trx
        .insertInto('groups')
        .values({
          id: groupId,
          name: g.name,
          name_key: searchKey(g.name),
          description: g.description,
          visibility: g.visibility,
          kind: g.kind,
          member_count: members.size,
          created_by: ids.get(g.owner)!,
          created_at: created,
          updated_at: created,
        })
        .execute();
      await trx
        .insertInto('group_members')
        .values(
          [...members].map((key) => ({
            group_id: groupId,
            user_id: ids.get(key)!,
            role: key === g.owner ? ('owner' as const) : ('member' as const),
            joined_at: created,
          })),
        )
        .execute();
    }
    await setSetting(trx, 'demo', true, now);
  });
  const posts = await createDemoPosts(deps, ids, groupIds);
  // Documents need somewhere to keep their files.
  const documents = deps.storage
    ? await createDemoDocuments({ ...deps, storage: deps.storage }, ids, groupIds)
    : 0;
  // The year of use before today that the measurement dashboards show (demo.year.ts), and the
  // business goals an admin set for it.
  const year = await createDemoYear(deps, ids, groupIds);
  await createDemoGoals(deps.db, ids.get(DEMO_PEOPLE[0]!.key)!, now);
  // Customer voice over two years, and the pain-point board worked on over the year.
  await createDemoCustomers(deps, ids, now);
  await createDemoPainPoints(deps, ids);
  await visitedWhenActive(deps.db, now);
  return {
    people: DEMO_PEOPLE.length,
    groups: DEMO_GROUPS.length,
    posts: posts + year.posts,
    documents: documents + year.documents,
  };
}

/**
 * Whoever posted, commented or reacted on a day visited that day (the year's visits are
 * written with it; the later demo steps post through the use cases, which record no visit), and
 * was last seen no earlier than that.
 */
async function visitedWhenActive(db: Deps['db'], now: Date): Promise<void> {
  await db
    .updateTable('activity_days')
    .set({ visited: 1 })
    .where('visited', '=', 0)
    .where((eb) => eb(eb('posts', '+', eb('comments', '+', eb.ref('reactions'))), '>', 0))
    .execute();
  const last = await db
    .selectFrom('activity_days')
    .select(['user_id', (eb) => eb.fn.max('day').as('day')])
    .where('visited', '=', 1)
    .groupBy('user_id')
    .execute();
  for (const { user_id, day } of last) {
    const seen = new Date(Math.min(Date.parse(`${day}T16:00:00.000Z`), now.getTime()));
    await db
      .updateTable('users')
      .set({ last_seen_at: seen.toISOString() })
      .where('id', '=', user_id)
      .where((eb) =>
        eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', `${day}T00:00:00.000Z`)]),
      )
      .execute();
  }
  // These steps wrote to days the year had already rolled up: every day is rolled up again.
  const days = (
    await db
      .selectFrom('activity_days')
      .select('day')
      .distinct()
      .where('day', '<=', dayOf(now))
      .execute()
  ).map((d) => d.day);
  await rollupDays(db, days, now);
}

/** What the demo prints: where to go and how to sign in. */
export async function demoSignInHelp(deps: Pick<Deps, 'config'>): Promise<string> {
  const ceo = DEMO_PEOPLE[0]!;
  const member =
    DEMO_PEOPLE.find((p) => !p.admin && p.department === 'Vertrieb') ?? DEMO_PEOPLE[1]!;
  return [
    `Open ${deps.config.baseUrl} and sign in:`,
    `  as ${ceo.name} (${ceo.title}, admin): ${ceo.email}`,
    `  as ${member.name} (${member.title}): ${member.email}`,
    `  password for everyone in the demo: ${DEMO_PASSWORD}`,
  ].join('\n');
}

/**
 * The demo's conversation, written through the same use cases as real posts (so hashtags,
 * mentions and counters are right), each at its own time in the past.
 */
async function createDemoPosts(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'>,
  ids: Map<string, string>,
  groupIds: Map<string, string>,
): Promise<number> {
  const now = deps.clock().getTime();
  const person = async (key: string) => {
    const user = await findUserById(deps.db, ids.get(key) ?? '');
    if (!user) throw new Error(`demo post by unknown person ${key}`);
    return user;
  };
  const ordered = [...DEMO_POSTS].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const p of ordered) {
    let minute = 0;
    const at = () => new Date(now - p.daysAgo * 86_400_000 + minute++ * 17 * 60_000);
    const clocked = { db: deps.db, clock: at, bus: deps.bus };
    const post = await createPost(clocked, await person(p.author), {
      body: p.body,
      groupId: p.group ? groupIds.get(p.group) : null,
      kind: p.kind ?? 'post',
    });
    for (const c of p.comments ?? []) {
      const comment = await addComment(clocked, await person(c.author), post.id, { body: c.body });
      for (const r of c.replies ?? []) {
        await addComment(clocked, await person(r.author), post.id, {
          body: r.body,
          parentId: comment.id,
        });
      }
      // Questions: the asker accepts, colleagues find answers helpful (questions feature).
      if (c.accepted) await acceptAnswer(clocked, await person(p.author), post.id, comment.id);
      for (const key of c.helpful ?? [])
        await voteHelpful(clocked, await person(key), comment.id, true);
    }
    for (const [type, keys] of Object.entries(p.reactions ?? {})) {
      for (const key of keys)
        await react(clocked, await person(key), post.id, type as ReactionType, true);
    }
  }
  return DEMO_POSTS.length;
}
