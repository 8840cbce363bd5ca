import type { Deps } from '../../http/app.ts';
import { newId } from '../../lib/ids.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { createPost } from '../posts/posts.service.ts';
import { approveSubmission, submitAnonymous } from '../painpoints/index.ts';
import { Rng } from './demo.year.ts';

/**
 * The demo's pain-point board. The year of use (demo.year.ts) wrote the #ärger posts; here the
 * people responsible worked on them as they would have: department leads, owners who take a
 * pain point on (the owner is whoever can fix it: the service desk for the VPN, purchasing for
 * approvals), "me too" votes from colleagues, and a history of every change. Old pain points are
 * mostly resolved or declined, recent ones new or acknowledged, and a few have been left
 * without a change for weeks (stale). Two came in anonymously through moderation, and one more
 * waits for a moderator.
 */
export const DEMO_LEADS: readonly [string, string][] = [
  ['Geschäftsführung', 'hbrandt'],
  ['Vertrieb', 'tkrueger'],
  ['Projekte', 'kvogel'],
  ['Support', 'okrause'],
  ['Entwicklung', 'mneumann'],
  ['HR', 'cwinkler'],
  ['Marketing', 'khansen'],
  ['Finanzen', 'ghuber'],
  ['Einkauf', 'jbeck'],
];

/** Who can fix what a pain point is about (by a word in it); otherwise its department's lead. */
const FIXERS: readonly [RegExp, string][] = [
  [/VPN|Passwort|Zeiterfassung|Drucker|WLAN|Laptop/i, 'okrause'],
  [/Ticketvorlage|Servicewagen/i, 'aschroeder'],
  [/Reisekosten|Abrechnung/i, 'ghuber'],
  [/Freigabe|Lieferzeit|Bestell/i, 'jbeck'],
  [/Besprechungsr|Parkplatz/i, 'lwagner'],
];

const NOTES: Record<string, readonly string[]> = {
  acknowledged: [
    'Danke, ist angekommen. Wir schauen uns das diese Woche an.',
    'Bekannt, betrifft mehrere Teams. Ich kümmere mich.',
    '',
  ],
  in_progress: [
    'Ursache gefunden, Umsetzung läuft.',
    'Angebot für eine Lösung liegt vor, Entscheidung in der nächsten Runde.',
    'Pilot mit zwei Teams gestartet.',
    '',
  ],
  resolved: [
    'Umgestellt, bitte Bescheid geben, falls es noch hakt.',
    'Erledigt: neuer Prozess gilt ab sofort.',
    'Behoben mit dem letzten Update.',
  ],
  wont_fix: [
    'Vorgabe der Versicherung, die können wir leider nicht ändern.',
    'Geprüft: der Aufwand steht in keinem Verhältnis, wir bleiben beim jetzigen Stand.',
  ],
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Status = 'new' | 'acknowledged' | 'in_progress' | 'resolved' | 'wont_fix';

/** The final status of a pain point of this age, drawn with the demo's seeded randomness. */
function finalStatus(rng: Rng, ageDays: number): Status {
  const x = rng.next();
  if (ageDays > 120) return x < 0.6 ? 'resolved' : x < 0.8 ? 'wont_fix' : 'in_progress';
  if (ageDays > 30)
    return x < 0.3 ? 'resolved' : x < 0.65 ? 'in_progress' : x < 0.9 ? 'acknowledged' : 'new';
  return x < 0.5 ? 'new' : x < 0.8 ? 'acknowledged' : 'in_progress';
}

const PATH: Record<Status, Status[]> = {
  new: [],
  acknowledged: ['acknowledged'],
  in_progress: ['acknowledged', 'in_progress'],
  resolved: ['acknowledged', 'in_progress', 'resolved'],
  wont_fix: ['acknowledged', 'wont_fix'],
};

export async function createDemoPainPoints(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'>,
  ids: Map<string, string>,
): Promise<{ painPoints: number; resolved: number }> {
  const { db } = deps;
  const now = deps.clock().getTime();
  const rng = new Rng(20_261_014);
  const id = (key: string) => ids.get(key)!;
  const people = await db
    .selectFrom('users')
    .select(['id', 'department'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();

  // Pain points that came in anonymously, filed and approved as people do it: the moderator
  // never learns who sent them, and the database forgets it with the decision.
  const moderator = (await findUserById(db, id('hbrandt')))!;
  const anonymousTexts: [string, string, string, number][] = [
    [
      'ayilmaz',
      'Im Lager wird bei Krankheit erwartet, dass man trotzdem kurz reinschaut. Das setzt Leute unter Druck. #ärger',
      'Einkauf',
      41,
    ],
    [
      'ekaya',
      'Überstunden aus Projekteinsätzen verfallen, wenn sie nicht binnen vier Wochen abgebaut sind – bei voller Auslastung unmöglich. #ärger',
      'Projekte',
      12,
    ],
  ];
  for (const [key, body, department, daysAgo] of anonymousTexts) {
    const at = new Date(now - daysAgo * DAY_MS);
    const sender = (await findUserById(db, id(key)))!;
    const submission = await submitAnonymous({ ...deps, clock: () => at }, sender, {
      body,
      department,
    });
    const decidedAt = new Date(at.getTime() + 20 * HOUR_MS);
    await approveSubmission({ ...deps, clock: () => decidedAt }, moderator, submission);
  }
  // One more waits for a moderator; only while it waits does the database know who sent it.
  await submitAnonymous(
    { ...deps, clock: () => new Date(now - 5 * HOUR_MS) },
    (await findUserById(db, id('jmueller')))!,
    {
      body: 'Die Schichtplanung im Service Desk kommt immer erst am Freitag für die nächste Woche. So kann niemand planen. #ärger',
      department: 'Support',
    },
  );

  for (const [department, key] of DEMO_LEADS) {
    await db
      .insertInto('department_leads')
      .values({
        department,
        user_id: id(key),
        created_at: new Date(now - 200 * DAY_MS).toISOString(),
      })
      .execute();
  }
  const leadOf = new Map(DEMO_LEADS.map(([d, k]) => [d, id(k)]));
  const members = new Map<string, Set<string>>();
  const membersOf = async (groupId: string) => {
    let set = members.get(groupId);
    if (!set) {
      const rows = await db
        .selectFrom('group_members')
        .select('user_id')
        .where('group_id', '=', groupId)
        .execute();
      members.set(groupId, (set = new Set(rows.map((r) => r.user_id))));
    }
    return set;
  };

  const points = await db
    .selectFrom('pain_points')
    .innerJoin('posts', 'posts.id', 'pain_points.post_id')
    .select([
      'pain_points.id',
      'pain_points.department',
      'posts.body',
      'posts.author_id',
      'posts.group_id',
      'posts.created_at',
    ])
    .orderBy('posts.created_at')
    .execute();
  let resolvedWithPost = 0;
  let resolved = 0;
  for (const p of points) {
    const created = Date.parse(p.created_at);
    const ageDays = (now - created) / DAY_MS;
    const status = finalStatus(rng, ageDays);
    const fixer = FIXERS.find(([re]) => re.test(p.body))?.[1];
    const owner = fixer ? id(fixer) : (leadOf.get(p.department) ?? id('hbrandt'));
    const lead = leadOf.get(p.department) ?? id('hbrandt');

    // The changes, each some days after the one before and never after now; a stale one has
    // had no change for weeks.
    let t = created;
    let acknowledgedAt: string | null = null;
    let resolvedAt: string | null = null;
    let from: Status = 'new';
    const span = Math.max(1, now - created);
    for (const [i, to] of PATH[status].entries()) {
      const step = i === 0 ? rng.between(0.05, 0.12) : rng.between(0.1, 0.3);
      t = Math.min(now - HOUR_MS, t + Math.max(2 * HOUR_MS, span * step));
      const at = new Date(t).toISOString();
      if (i === 0) {
        acknowledgedAt = at;
        await event(p.id, lead, { kind: 'owner', owner_id: owner, created_at: at });
      }
      if (to === 'resolved' || to === 'wont_fix') resolvedAt = at;
      await event(p.id, i === 0 ? lead : owner, {
        kind: 'status',
        from_status: from,
        to_status: to,
        note: rng.pick(NOTES[to]!),
        created_at: at,
      });
      from = to;
    }
    let resolvingPostId: string | null = null;
    if (status === 'resolved') {
      resolved += 1;
      // A few have a post that says what was done, in the pain point's place.
      if (resolvedWithPost < 6 && p.group_id === null) {
        const ownerUser = await findUserById(db, owner);
        if (ownerUser) {
          const post = await createPost({ ...deps, clock: () => new Date(t) }, ownerUser, {
            body: `Gelöst: ${p.body
              .replace(/#ärger/g, '')
              .trim()
              .slice(0, 140)} – ${rng.pick(NOTES.resolved!)} #intranetarbeiten`,
          });
          resolvingPostId = post.id;
          resolvedWithPost += 1;
          await event(p.id, owner, {
            kind: 'resolving_post',
            resolving_post_id: post.id,
            created_at: new Date(t).toISOString(),
          });
        }
      }
    }
    // "Me too": colleagues who can read it, more for older ones.
    const readers = p.group_id ? await membersOf(p.group_id) : null;
    const voters = people.filter(
      (u) =>
        u.id !== p.author_id &&
        (readers === null || readers.has(u.id)) &&
        rng.chance(0.08 + Math.min(0.12, ageDays / 1500)),
    );
    for (const v of voters) {
      await db
        .insertInto('pain_point_votes')
        .values({
          pain_point_id: p.id,
          user_id: v.id,
          created_at: new Date(created + rng.between(0.1, 0.9) * span).toISOString(),
        })
        .execute();
    }
    await db
      .updateTable('pain_points')
      .set({
        status,
        owner_id: status === 'new' ? null : owner,
        acknowledged_at: acknowledgedAt,
        resolved_at: resolvedAt,
        resolving_post_id: resolvingPostId,
        status_changed_at: new Date(t).toISOString(),
        vote_count: voters.length,
      })
      .where('id', '=', p.id)
      .execute();
  }
  return { painPoints: points.length, resolved };

  async function event(
    painPointId: string,
    actorId: string,
    e: {
      kind: 'status' | 'owner' | 'resolving_post';
      from_status?: Status;
      to_status?: Status;
      owner_id?: string;
      resolving_post_id?: string;
      note?: string;
      created_at: string;
    },
  ) {
    await db
      .insertInto('pain_point_events')
      .values({
        id: newId(),
        pain_point_id: painPointId,
        actor_id: actorId,
        kind: e.kind,
        from_status: e.from_status ?? null,
        to_status: e.to_status ?? null,
        owner_id: e.owner_id ?? null,
        resolving_post_id: e.resolving_post_id ?? null,
        note: e.note ?? '',
        created_at: e.created_at,
      })
      .execute();
  }
}
