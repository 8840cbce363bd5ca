/** Customer satisfaction: the widget, its full page, publishing, import and export: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const satisfactionEn = {} as const;

export const satisfactionDe: Record<keyof typeof satisfactionEn, string> = {};
