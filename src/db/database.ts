import type { AccountsTables } from '../features/accounts/accounts.table.ts';
import type { AdminTables } from '../features/admin/admin.table.ts';
import type { GroupsTables } from '../features/groups/groups.table.ts';
import type { HashtagsTables } from '../features/hashtags/hashtags.table.ts';
import type { NotificationsTables } from '../features/notifications/notifications.table.ts';
import type { AttachmentsTables } from '../features/posts/attachments.table.ts';
import type { PostsTables } from '../features/posts/posts.table.ts';
import type { QuestionsTables } from '../features/questions/questions.table.ts';
import type { SearchTables } from '../features/search/search.table.ts';
import type { AnalyticsTables } from '../features/analytics/analytics.table.ts';
import type { TeamsTables } from '../features/analytics/teams.table.ts';
import type { ContentTables } from '../features/analytics/content.table.ts';
import type { GoalsTables } from '../features/analytics/goals.table.ts';
import type { CustomersTables } from '../features/customers/customers.table.ts';
import type { PainPointsTables } from '../features/painpoints/painpoints.table.ts';
import type { JobsTables } from '../jobs/jobs.table.ts';
import type { DocumentsTables } from '../features/documents/documents.table.ts';

export interface SettingsTable {
  key: string;
  /** JSON-encoded value. */
  value: string;
  updated_at: string;
}

/** The whole schema, composed from each feature's tables. */
export interface Database
  extends
    AccountsTables,
    AdminTables,
    GroupsTables,
    HashtagsTables,
    PostsTables,
    AttachmentsTables,
    NotificationsTables,
    QuestionsTables,
    JobsTables,
    DocumentsTables,
    SearchTables,
    AnalyticsTables,
    TeamsTables,
    ContentTables,
    GoalsTables,
    CustomersTables,
    PainPointsTables {
  settings: SettingsTable;
}
