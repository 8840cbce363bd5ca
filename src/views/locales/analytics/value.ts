/** Analytics, value: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const valueEn = {
  'analytics.value.title': 'Value',
};

export const valueDe: Record<keyof typeof valueEn, string> = {
  'analytics.value.title': 'Nutzen',
};
