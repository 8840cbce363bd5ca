import type { GroupKind, Visibility } from '../groups/groups.table.ts';

export interface DemoGroup {
  key: string;
  name: string;
  description: string;
  visibility: Visibility;
  kind: GroupKind;
  /** The owner (by person key). */
  owner: string;
  /** Members: whole departments and single people (by key). */
  departments?: string[];
  people?: string[];
  /** Every n-th person of the organisation joins, for communities that grew by themselves. */
  everyNth?: number;
}

export const DEMO_GROUPS: readonly DemoGroup[] = [
  {
    key: 'vertrieb',
    name: 'Team Vertrieb',
    description:
      'Angebote, Ausschreibungen, Kundentermine. Hier stimmen wir uns ab, bevor ein Angebot das Haus verlässt.',
    visibility: 'public',
    kind: 'team',
    owner: 'tkrueger',
    departments: ['Vertrieb'],
  },
  {
    key: 'projekte',
    name: 'Team Projekte',
    description: 'Projektstände, Ressourcen und Erfahrungen aus laufenden Kundenprojekten.',
    visibility: 'public',
    kind: 'team',
    owner: 'skoehler',
    departments: ['Projekte'],
  },
  {
    key: 'support',
    name: 'Team Support',
    description:
      'Tickets, Störungen, Wissen aus dem Service Desk. Eskalationen bitte mit Ticketnummer.',
    visibility: 'public',
    kind: 'team',
    owner: 'aschroeder',
    departments: ['Support'],
  },
  {
    key: 'entwicklung',
    name: 'Team Entwicklung',
    description: 'Automatisierung, Integrationen und interne Werkzeuge.',
    visibility: 'public',
    kind: 'team',
    owner: 'mneumann',
    departments: ['Entwicklung'],
  },
  {
    key: 'hr',
    name: 'Personal & Onboarding',
    description:
      'Neue Kolleginnen und Kollegen, Weiterbildung, Fragen rund ums Arbeiten bei Nordlicht.',
    visibility: 'public',
    kind: 'team',
    owner: 'cwinkler',
    departments: ['HR'],
    everyNth: 4,
  },
  {
    key: 'fuehrungskreis',
    name: 'Führungskreis',
    description: 'Abstimmung der Bereichsleitungen. Vertraulich: Inhalte bleiben im Kreis.',
    visibility: 'private',
    kind: 'team',
    owner: 'hbrandt',
    departments: ['Geschäftsführung'],
    people: ['tkrueger', 'aschroeder', 'mneumann', 'cwinkler'],
  },
  {
    key: 'polarstern',
    name: 'Projekt Polarstern',
    description: 'Vorbereitung einer möglichen Übernahme. Streng vertraulich, nur auf Einladung.',
    visibility: 'secret',
    kind: 'team',
    owner: 'hbrandt',
    people: ['skoehler', 'lwagner', 'tkrueger'],
  },
  {
    key: 'm365',
    name: 'Microsoft 365 Tipps',
    description: 'Kniffe für Teams, SharePoint, Outlook und Co. Fragen ausdrücklich erwünscht.',
    visibility: 'public',
    kind: 'community',
    owner: 'ahartmann',
    everyNth: 2,
  },
  {
    key: 'kaffee',
    name: 'Kaffeeküche',
    description: 'Was sonst nirgends hinpasst: Fundsachen, Kuchen im 3. OG, Feierabendpläne.',
    visibility: 'public',
    kind: 'community',
    owner: 'bschuster',
    everyNth: 1,
  },
  {
    key: 'fahrrad',
    name: 'Radpendler Hamburg & Leipzig',
    description: 'Routen, Reparaturtipps und das JobRad-Programm.',
    visibility: 'public',
    kind: 'community',
    owner: 'jpetersen',
    everyNth: 5,
  },
];
