import type { Migration } from 'kysely';
import * as m0001 from './2026_11_28_0001_foundation.ts';
import * as m0002 from './2026_11_28_0002_groups.ts';
import * as m0003 from './2026_11_28_0003_posts.ts';
import * as m0004 from './2026_11_28_0004_notifications.ts';
import * as m0005 from './2026_11_28_0005_moderation.ts';
import * as m0006 from './2026_11_28_0006_attachments.ts';
import * as m0007 from './2026_11_28_0007_hashtag_counts.ts';
import * as m0008 from './2026_11_28_0008_questions.ts';

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
};
