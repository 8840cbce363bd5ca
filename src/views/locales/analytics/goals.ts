/** Analytics, goals: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const goalsEn = {
  'analytics.goals.title': 'Goals',
};

export const goalsDe: Record<keyof typeof goalsEn, string> = {
  'analytics.goals.title': 'Ziele',
};
