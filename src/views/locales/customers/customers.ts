/** Customers: customers, dimensions and standards, rounds and evaluations: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const customersEn = {} as const;

export const customersDe: Record<keyof typeof customersEn, string> = {};
