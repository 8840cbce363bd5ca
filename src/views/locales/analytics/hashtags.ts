/** Analytics, hashtags: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const hashtagsEn = {
  'analytics.hashtags.title': 'Hashtags',
};

export const hashtagsDe: Record<keyof typeof hashtagsEn, string> = {
  'analytics.hashtags.title': 'Hashtags',
};
