/** Pain points: the board, a pain point's panel, department leads: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const boardEn = {} as const;

export const boardDe: Record<keyof typeof boardEn, string> = {};
