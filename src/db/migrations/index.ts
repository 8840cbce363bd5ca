import type { Migration } from 'kysely';
import * as m0001 from './2026_11_28_0001_foundation.ts';
import * as m0002 from './2026_11_28_0002_groups.ts';
import * as m0003 from './2026_11_28_0003_posts.ts';
import * as m0004 from './2026_11_28_0004_notifications.ts';
import * as m0005 from './2026_11_28_0005_moderation.ts';
import * as m0006 from './2026_11_28_0006_attachments.ts';
import * as m0007 from './2026_11_28_0007_hashtag_counts.ts';
import * as m0008 from './2026_11_28_0008_questions.ts';
import * as m0009 from './2026_11_28_0009_jobs.ts';
import * as m0010 from './2026_11_28_0010_documents.ts';
import * as m0011 from './2026_11_28_0011_questions_targets.ts';
import * as m0012 from './2026_11_28_0012_search.ts';
import * as m0013 from './2026_11_28_0013_activity.ts';
import * as m0014 from './2026_11_28_0014_team_activity.ts';
import * as m0015 from './2026_11_28_0015_content.ts';
import * as m0016 from './2026_11_28_0016_goals.ts';
import * as m0017 from './2026_11_28_0017_analytics_switch.ts';
import * as m0018 from './2026_11_28_0018_activity_periods.ts';
import * as m0019 from './2026_11_28_0019_customer_voice.ts';
import * as m0020 from './2026_11_28_0020_pain_points.ts';
import * as m0021 from './2026_11_28_0021_kept_figures.ts';
import * as m0022 from './2026_11_28_0022_pain_point_board.ts';
import * as m0023 from './2026_11_28_0023_pain_points_new_tag.ts';
import * as m0024 from './2026_11_28_0024_analytics_speed.ts';

/** Every migration, in order. Migrations are frozen once committed: add a new one instead. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0001_foundation': m0001,
  '2026_11_28_0002_groups': m0002,
  '2026_11_28_0003_posts': m0003,
  '2026_11_28_0004_notifications': m0004,
  '2026_11_28_0005_moderation': m0005,
  '2026_11_28_0006_attachments': m0006,
  '2026_11_28_0007_hashtag_counts': m0007,
  '2026_11_28_0008_questions': m0008,
  '2026_11_28_0009_jobs': m0009,
  '2026_11_28_0010_documents': m0010,
  '2026_11_28_0011_questions_targets': m0011,
  '2026_11_28_0012_search': m0012,
  '2026_11_28_0013_activity': m0013,
  '2026_11_28_0014_team_activity': m0014,
  '2026_11_28_0015_content': m0015,
  '2026_11_28_0016_goals': m0016,
  '2026_11_28_0017_analytics_switch': m0017,
  '2026_11_28_0018_activity_periods': m0018,
  '2026_11_28_0019_customer_voice': m0019,
  '2026_11_28_0020_pain_points': m0020,
  '2026_11_28_0021_kept_figures': m0021,
  '2026_11_28_0022_pain_point_board': m0022,
  '2026_11_28_0023_pain_points_new_tag': m0023,
  '2026_11_28_0024_analytics_speed': m0024,
};
