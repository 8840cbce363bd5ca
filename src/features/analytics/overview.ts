import type { Db } from '../../db/connect.ts';
import type { User } from '../accounts/accounts.table.ts';
import { contentTotal, type ContentLevel } from './content.level.ts';
import { breakdownGroups } from './access.ts';
import { dashboard, type Dashboard, type Period } from './dashboard.ts';
import {
  goalStatus,
  latestMeasurement,
  listGoals,
  type GoalStatus,
  type Measurement,
} from './goals.ts';
import type { Goal } from './goals.ts';
import { dayOf } from './rollup.ts';
import { teamsLevel, type TeamsLevel } from './teams.level.ts';
import { valueReport, type ValueReport } from './value.ts';

/**
 * The one page for management: the headline figures of every level for one period and the
 * goals with their status, each computed by its own level (so the figures, the
 * privacy threshold and what a viewer may see are exactly those of the level's page). The
 * hashtag KPIs are only linked: their department breakdown reads the authors of every tagged
 * post of the period, which would add half again to the page's time for a year.
 */
export interface Overview {
  base: Dashboard;
  teams: TeamsLevel;
  content: Pick<ContentLevel, 'total' | 'targets'>;
  value: ValueReport;
  goals: { goal: Goal; latest: Measurement | null; status: GoalStatus }[];
}

export async function overview(db: Db, viewer: User, period: Period, now: Date): Promise<Overview> {
  const visible = await breakdownGroups(db, viewer);
  const base = await dashboard(db, period, now);
  const teams = await teamsLevel(db, viewer, period, null, now);
  const content = await contentTotal(db, period, now, visible);
  const value = await valueReport(db, viewer, period);
  const today = dayOf(now);
  const goals = [];
  for (const goal of await listGoals(db)) {
    const latest = await latestMeasurement(db, goal, now);
    goals.push({ goal, latest, status: goalStatus(goal, latest, today).status });
  }
  return { base, teams, content, value, goals };
}
