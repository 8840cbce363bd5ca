import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { setSetting } from '../admin/settings.ts';
import type { PainPointStatus } from '../painpoints/painpoints.table.ts';
import { medianHours, painPointsLevel, type PainPointRow } from './painpoints.level.ts';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const PERIOD = { from: '2026-10-01', to: '2026-11-30', grain: 'month' as const };

/** A row with every figure shown. */
const shown = (
  open: number,
  acknowledged: number,
  resolved: number,
  acknowledgeMedianHours: number | null,
  resolveMedianHours: number | null,
): PainPointRow => ({
  open,
  acknowledged,
  resolved,
  acknowledgeMedianHours,
  resolveMedianHours,
  hidden: {
    open: false,
    acknowledged: false,
    resolved: false,
    acknowledgeMedian: false,
    resolveMedian: false,
  },
});

describe('the median of pain-point times', () => {
  it('takes the nearest rank ⌈n / 2⌉ of the sorted times, in hours to 0.1', () => {
    const h = 3_600_000;
    expect(medianHours([])).toBeNull();
    expect(medianHours([5 * h])).toBe(5);
    expect(medianHours([20 * h, 2 * h])).toBe(2);
    expect(medianHours([10 * h, 2 * h, 20 * h])).toBe(10);
    expect(medianHours([1.26 * h, 9 * h])).toBe(1.3);
  });
});

/**
 * The fixture, k = 3 (by department; times from reporting):
 *
 * Vertrieb: p1 A ack 10 h, resolved 48 h (Oct) · p2 B ack 2 h, in progress · p3 anonymous
 *   ack 20 h, resolved 744 h (Nov) · p4 anonymous, new · p5 A, new · o1 G, acknowledged in
 *   September (open, outside the period) · x1 H, new, in a private group.
 * Einkauf: q1 D ack 4 h, resolved 48 h (Oct) · q2 E ack 6 h, resolved 48 h (Oct) · q3 F ack 1 h,
 *   resolved 744 h (Nov) · q4 D ack 12 h, won't fix.
 *
 * Open: Vertrieb p2 p4 p5 o1 x1 = 5 (5 reporters: B, p4, A, G, H), Einkauf 0. Acknowledged:
 * Vertrieb 3 (A, B, p3: exactly k), Einkauf 4 (D, E, F). Resolved: Vertrieb 2 (A, p3: below
 * k, hidden), Einkauf 3 (D, E, F: hidden all the same, as total 5 minus it would give
 * Vertrieb's). Medians: Vertrieb acknowledged [2, 10, 20] → 10; Einkauf [1, 4, 6, 12] → 4,
 * resolved [48, 48, 744] → 48 (3 reporters: shown); all acknowledged [1, 2, 4, 6, 10, 12, 20] →
 * 6, resolved [48, 48, 48, 744, 744] → 48. Months: Oct 3 (A, D, E), Nov 2 (p3, F: hidden), so
 * October (total 5 minus November) is hidden too.
 */
describe.each(DIALECTS)('pain points on the content level (%s)', (dialect) => {
  let t: TestApp;
  let admin: User;
  let member: User;
  let ac: Client;
  const p: Record<string, User> = {};

  const at = (s: string) => `2026-${s}:00.000Z`;
  async function painPoint(
    author: User | 'anonymous',
    department: string,
    created: string,
    opts: {
      status?: PainPointStatus;
      ack?: string;
      resolved?: string;
      groupId?: string;
    } = {},
  ) {
    const postId = newId();
    await t.deps.db
      .insertInto('posts')
      .values({
        id: postId,
        author_id: author === 'anonymous' ? 'anonymous' : author.id,
        group_id: opts.groupId ?? null,
        body: 'Ärgernis',
        html: '<p>Ärgernis</p>',
        created_at: at(created),
        edited_at: null,
        pinned_until: null,
      })
      .execute();
    await t.deps.db
      .insertInto('pain_points')
      .values({
        id: `pp_${postId}`,
        post_id: postId,
        status: opts.status ?? (opts.resolved ? 'resolved' : opts.ack ? 'acknowledged' : 'new'),
        department,
        group_id: opts.groupId ?? null,
        author_id: author === 'anonymous' ? 'anonymous' : author.id,
        owner_id: null,
        anonymous: author === 'anonymous' ? 1 : 0,
        resolving_post_id: null,
        vote_count: 0,
        created_at: at(created),
        acknowledged_at: opts.ack ? at(opts.ack) : null,
        resolved_at: opts.resolved ? at(opts.resolved) : null,
        status_changed_at: at(opts.resolved ?? opts.ack ?? created),
        stale_notified_at: null,
      })
      .execute();
  }

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    admin = await createAdmin(t.deps);
    member = await createUser(t.deps);
    ac = await signedIn(t.app, admin);
    await setSetting(t.deps.db, 'analytics.k', 3, NOW);
    for (const name of ['A', 'B', 'D', 'E', 'F', 'G', 'H']) p[name] = await createUser(t.deps);
    const hc = await signedIn(t.app, p.H!);
    const secret = (
      await hc.api('POST', '/api/v1/groups', { name: 'Geheimrat', visibility: 'private' })
    ).json();
    await painPoint(p.A!, 'Vertrieb', '10-01T00:00', {
      ack: '10-01T10:00',
      resolved: '10-03T00:00',
    });
    await painPoint(p.B!, 'Vertrieb', '10-05T00:00', { ack: '10-05T02:00', status: 'in_progress' });
    await painPoint('anonymous', 'Vertrieb', '10-10T00:00', {
      ack: '10-10T20:00',
      resolved: '11-10T00:00',
    });
    await painPoint('anonymous', 'Vertrieb', '11-01T00:00');
    await painPoint(p.A!, 'Vertrieb', '11-02T00:00');
    await painPoint(p.G!, 'Vertrieb', '09-01T00:00', { ack: '09-02T00:00' });
    await painPoint(p.H!, 'Vertrieb', '11-20T00:00', { groupId: secret.id });
    await painPoint(p.D!, 'Einkauf', '10-02T00:00', {
      ack: '10-02T04:00',
      resolved: '10-04T00:00',
    });
    await painPoint(p.E!, 'Einkauf', '10-03T00:00', {
      ack: '10-03T06:00',
      resolved: '10-05T00:00',
    });
    await painPoint(p.F!, 'Einkauf', '10-04T00:00', {
      ack: '10-04T01:00',
      resolved: '11-04T00:00',
    });
    await painPoint(p.D!, 'Einkauf', '10-06T00:00', {
      ack: '10-06T12:00',
      resolved: '10-07T00:00',
      status: 'wont_fix',
    });
  });
  afterAll(async () => t.close());

  it('counts by department with the threshold: at k shown, below k hidden, derivable hidden', async () => {
    const data = await painPointsLevel(t.deps.db, admin, PERIOD);
    expect(data.k).toBe(3);
    expect(data.total).toEqual(shown(5, 7, 5, 6, 48));
    expect(data.departments).toEqual([
      {
        department: 'Einkauf',
        ...shown(0, 4, 0, 4, 48),
        resolved: null,
        hidden: { ...shown(0, 0, 0, 0, 0).hidden, resolved: true },
      },
      {
        department: 'Vertrieb',
        ...shown(5, 3, 0, 10, null),
        resolved: null,
        hidden: { ...shown(0, 0, 0, 0, 0).hidden, resolved: true, resolveMedian: true },
      },
    ]);
    expect(data.months).toEqual([
      { month: '2026-10', resolved: null, hidden: true },
      { month: '2026-11', resolved: null, hidden: true },
    ]);
  });

  it('shows a month resting on k reporters when nothing can be worked out from it', async () => {
    const october = await painPointsLevel(t.deps.db, admin, {
      ...PERIOD,
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(october.months).toEqual([{ month: '2026-10', resolved: 3, hidden: false }]);
    // Resolved in October: Vertrieb 1 (A), Einkauf 2 (D, E): both below k; the total rests on 3.
    expect(october.total.resolved).toBe(3);
    expect(october.total.resolveMedianHours).toBe(48);
    expect(october.departments.map((d) => [d.department, d.resolved, d.hidden.resolved])).toEqual([
      ['Einkauf', null, true],
      ['Vertrieb', null, true],
    ]);
  });

  it('counts for others only the pain points whose post they may read', async () => {
    const data = await painPointsLevel(t.deps.db, member, PERIOD);
    // x1 is in a private group: Vertrieb's open ones are p2, p4, p5, o1 (B, p4, A, G).
    expect(data.total.open).toBe(4);
    expect(data.departments.find((d) => d.department === 'Vertrieb')?.open).toBe(4);
    const owner = await painPointsLevel(t.deps.db, p.H!, PERIOD);
    expect(owner.total.open).toBe(5);
  });

  it('each anonymous pain point is a reporter of its own', async () => {
    // Two anonymous pain points and one by A in "Werk": 3 reporters, at k, shown.
    await painPoint('anonymous', 'Werk', '11-05T00:00');
    await painPoint('anonymous', 'Werk', '11-06T00:00');
    await painPoint(p.A!, 'Werk', '11-07T00:00');
    const data = await painPointsLevel(t.deps.db, admin, PERIOD);
    const werk = data.departments.find((d) => d.department === 'Werk')!;
    expect([werk.open, werk.hidden.open]).toEqual([3, false]);
    expect(data.total.open).toBe(8);
    await t.deps.db
      .deleteFrom('posts')
      .where('created_at', 'in', [at('11-05T00:00'), at('11-06T00:00'), at('11-07T00:00')])
      .execute();
  });

  it('shows on the content page, in its CSV part and in the API', async () => {
    const q = `from=${PERIOD.from}&to=${PERIOD.to}`;
    const page = await ac.get(`/analytics/content?${q}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="content-painpoints">Pain points</h2>');
    expect(page.body).toContain('<dt><a href="/pain-points">Open pain points</a></dt>');
    expect(page.body).toContain('<strong>6 h</strong>');
    expect(page.body).toContain('<th scope="row">Einkauf</th><td class="num">0</td>');
    expect(page.body).toContain('<td class="num suppressed">fewer than 3</td>');
    expect(page.body).toContain('each anonymous pain point counts as one reporter');
    expect(page.body).toContain(
      `href="/analytics/content.csv?${q.replace('&', '&amp;')}&amp;grain=week&amp;part=painpoints"`,
    );

    const csv = await ac.get(`/analytics/content.csv?${q}&part=painpoints`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'row,department_or_month,open,acknowledged,resolved,acknowledge_median_hours,resolve_median_hours',
      'department,Einkauf,0,4,<3,4,48',
      'department,Vertrieb,5,3,<3,10,<3',
      'total,,5,7,5,6,48',
      'month,2026-10,,,<3,,',
      'month,2026-11,,,<3,,',
      '',
    ]);

    const api = (await ac.api('GET', `/api/v1/analytics/content?${q}`)).json();
    expect(api.painPoints.total).toEqual(shown(5, 7, 5, 6, 48));
    expect(api.painPoints.departments.map((d: { department: string }) => d.department)).toEqual([
      'Einkauf',
      'Vertrieb',
    ]);
    expect(api.painPoints.months).toHaveLength(2);
    const bad = await ac.get(`/analytics/content.csv?${q}&part=nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('painpoints');
  });

  it('in German', async () => {
    const de = await signedIn(t.app, await createAdmin(t.deps, { locale: 'de' }));
    const page = await de.get(`/analytics/content?from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(page.body).toContain('<h2 id="content-painpoints">Ärgernisse</h2>');
    expect(page.body).toContain('Zeit bis zur Lösung, Median');
    expect(page.body).toContain('weniger als 3');
  });
});
