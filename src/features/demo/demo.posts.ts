import type { ReactionType } from '../posts/posts.table.ts';

export interface DemoComment {
  author: string;
  body: string;
  /** Replies to this comment (one level). */
  replies?: { author: string; body: string }[];
}

export interface DemoPost {
  author: string;
  /** A DEMO_GROUPS key, or absent for org-wide. */
  group?: string;
  kind?: 'post' | 'question' | 'announcement';
  /** How long ago, in days (fractions allowed). */
  daysAgo: number;
  body: string;
  comments?: DemoComment[];
  /** Reaction type → person keys. */
  reactions?: Partial<Record<ReactionType, string[]>>;
}

export const DEMO_POSTS: readonly DemoPost[] = [
  {
    author: 'hbrandt',
    kind: 'announcement',
    daysAgo: 0.2,
    body: 'Liebe Kolleginnen und Kollegen, willkommen in **Kantine**, unserem neuen Intranet! Hier teilen wir Wissen, stellen Fragen und feiern Erfolge. Erzählt von euren Projekten mit #intranetarbeiten.',
    reactions: { celebrate: ['lwagner', 'tkrueger', 'bschuster'], like: ['skoehler'] },
    comments: [
      {
        author: 'bschuster',
        body: 'Fragen zur Kantine gern an mich oder in die Gruppe „Kaffeeküche“.',
      },
    ],
  },
];
