/** Analytics, teams: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const teamsEn = {
  'analytics.teams.title': 'Teams',
};

export const teamsDe: Record<keyof typeof teamsEn, string> = {
  'analytics.teams.title': 'Teams',
};
