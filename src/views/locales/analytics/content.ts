/** Analytics, content: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const contentEn = {
  'analytics.content.title': 'Content',
};

export const contentDe: Record<keyof typeof contentEn, string> = {
  'analytics.content.title': 'Inhalte',
};
