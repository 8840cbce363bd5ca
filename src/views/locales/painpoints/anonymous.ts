/** Pain points: anonymous submission, moderation, notifications and figures: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const anonymousEn = {} as const;

export const anonymousDe: Record<keyof typeof anonymousEn, string> = {};
