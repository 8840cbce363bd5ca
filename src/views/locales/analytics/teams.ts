/** Analytics, teams: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const teamsEn = {
  'analytics.teams.title': 'Teams',
  'analytics.teams.conversations_h': 'Conversations over time',
  'analytics.teams.intro':
    'Groups, how active they are, and how people work together across departments. Only totals are shown, never individuals; a figure behind which fewer than {k} people stand is shown as “fewer than {k}”. Days are counted in UTC.',
  'analytics.teams.scope_all': 'Every group is included. Conversations outside groups count too.',
  'analytics.teams.scope_member':
    'Included are public groups and the groups you belong to. Conversations outside groups count too.',
  'analytics.teams.scope_group': 'Only the group “{name}”.',
  'analytics.teams.figures': 'Figures',
  'analytics.teams.groups': 'Groups',
  'analytics.teams.groups_detail':
    'Teams {team} · communities {community} · public {public} · private {private} · secret {secret}',
  'analytics.teams.how_groups':
    'The groups that exist now, by kind (team or community) and visibility. Admins see every group; everyone else sees public groups and their own.',
  'analytics.teams.active': 'Active groups',
  'analytics.teams.active_value': '{active} of {total} ({share})',
  'analytics.teams.how_active':
    'As of {day}, the last day of the period or, if the period goes on, the last complete day: groups in which at least 5 % of the members, and at least one, posted, commented or reacted in the group in the 28 days up to and including that day. Members are people whose account is active; only members count as engaged. Both are taken once for each such day.',
  'analytics.teams.members': 'Members per group',
  'analytics.teams.members_value': 'median {median} · mean {mean}',
  'analytics.teams.how_members':
    'The current number of members of each group (people whose account is active): the middle value and the average.',
  'analytics.teams.sizes': 'Groups by size',
  'analytics.teams.size_range': '{min}–{max} members',
  'analytics.teams.size_open': '{min} or more members',
  'analytics.teams.size_groups': 'Groups',
  'analytics.teams.how_sizes': 'How many groups have so many current members.',
  'analytics.teams.conversations': 'Conversations',
  'analytics.teams.how_conversations':
    'A conversation is a post with its comments, counted in the period of the post’s day. Shown when at least {k} different people wrote the posts.',
  'analytics.teams.cross': 'Across departments',
  'analytics.teams.cross_value': '{count} ({share} of conversations)',
  'analytics.teams.how_cross':
    'Conversations in which people of at least two different departments wrote: the author and the commenters, each with the department they had when they wrote. People without a department are not counted. Shown when at least {k} different people wrote the posts.',
  'analytics.teams.chart': 'Conversations, and those across departments',
  'analytics.teams.series_conversations': 'Conversations',
  'analytics.teams.series_cross': 'Across departments',
  'analytics.teams.breakdown': 'Per group',
  'analytics.teams.how_breakdown':
    'Members now; engaged members and “active” as of {day} (28 days, see above); posts, comments and reactions in the group in the period, by anyone. Private and secret groups appear only to their members and to admins. A figure behind which fewer than {k} people stand is not shown; nor is “active” when the engaged members are not.',
  'analytics.teams.col_group': 'Group',
  'analytics.teams.col_kind': 'Kind',
  'analytics.teams.col_visibility': 'Visibility',
  'analytics.teams.col_members': 'Members',
  'analytics.teams.col_engaged': 'Engaged members (28 days)',
  'analytics.teams.col_posts': 'Posts',
  'analytics.teams.col_comments': 'Comments',
  'analytics.teams.col_reactions': 'Reactions',
  'analytics.teams.col_active': 'Active',
  'analytics.teams.yes': 'yes',
  'analytics.teams.no': 'no',
  'analytics.teams.team': 'Team',
  'analytics.teams.community': 'Community',
  'analytics.teams.public': 'Public',
  'analytics.teams.private': 'Private',
  'analytics.teams.secret': 'Secret',
  'analytics.teams.no_groups': 'No groups to show.',
  'analytics.teams.csv_series': 'Download this series as CSV',
  'analytics.teams.csv_groups': 'Download this table as CSV',
  'analytics.teams.csv_figures': 'Download the figures as CSV',
  'analytics.teams.fix_filters': 'Correct the filters to see the figures.',
};

export const teamsDe: Record<keyof typeof teamsEn, string> = {
  'analytics.teams.title': 'Teams',
  'analytics.teams.conversations_h': 'Gespräche im Zeitverlauf',
  'analytics.teams.intro':
    'Gruppen, wie aktiv sie sind und wie Menschen über Abteilungen hinweg zusammenarbeiten. Es werden nur Summen gezeigt, nie einzelne Personen; eine Zahl, hinter der weniger als {k} Personen stehen, erscheint als „weniger als {k}“. Tage werden in UTC gezählt.',
  'analytics.teams.scope_all':
    'Alle Gruppen sind enthalten. Gespräche außerhalb von Gruppen zählen mit.',
  'analytics.teams.scope_member':
    'Enthalten sind öffentliche Gruppen und die Gruppen, denen Sie angehören. Gespräche außerhalb von Gruppen zählen mit.',
  'analytics.teams.scope_group': 'Nur die Gruppe „{name}“.',
  'analytics.teams.figures': 'Kennzahlen',
  'analytics.teams.groups': 'Gruppen',
  'analytics.teams.groups_detail':
    'Teams {team} · Communitys {community} · öffentlich {public} · privat {private} · geheim {secret}',
  'analytics.teams.how_groups':
    'Die Gruppen, die es jetzt gibt, nach Art (Team oder Community) und Sichtbarkeit. Admins sehen alle Gruppen, alle anderen öffentliche Gruppen und ihre eigenen.',
  'analytics.teams.active': 'Aktive Gruppen',
  'analytics.teams.active_value': '{active} von {total} ({share})',
  'analytics.teams.how_active':
    'Stand {day}, dem letzten Tag des Zeitraums oder, wenn der Zeitraum noch andauert, dem letzten vollständigen Tag: Gruppen, in denen mindestens 5 % der Mitglieder, und mindestens eine Person, in den 28 Tagen bis einschließlich diesem Tag in der Gruppe etwas gepostet, kommentiert oder reagiert haben. Mitglieder sind Personen mit aktivem Konto; als beteiligt zählen nur Mitglieder. Beides wird für jeden solchen Tag einmal festgestellt.',
  'analytics.teams.members': 'Mitglieder je Gruppe',
  'analytics.teams.members_value': 'Median {median} · Mittelwert {mean}',
  'analytics.teams.how_members':
    'Die heutige Zahl der Mitglieder jeder Gruppe (Personen mit aktivem Konto): der mittlere Wert und der Durchschnitt.',
  'analytics.teams.sizes': 'Gruppen nach Größe',
  'analytics.teams.size_range': '{min}–{max} Mitglieder',
  'analytics.teams.size_open': '{min} oder mehr Mitglieder',
  'analytics.teams.size_groups': 'Gruppen',
  'analytics.teams.how_sizes': 'Wie viele Gruppen heute so viele Mitglieder haben.',
  'analytics.teams.conversations': 'Gespräche',
  'analytics.teams.how_conversations':
    'Ein Gespräch ist ein Beitrag mit seinen Kommentaren, gezählt im Zeitraum des Tages, an dem der Beitrag erschien. Gezeigt, wenn mindestens {k} verschiedene Personen die Beiträge geschrieben haben.',
  'analytics.teams.cross': 'Abteilungsübergreifend',
  'analytics.teams.cross_value': '{count} ({share} der Gespräche)',
  'analytics.teams.how_cross':
    'Gespräche, in denen Personen aus mindestens zwei verschiedenen Abteilungen geschrieben haben: die Autorin oder der Autor und die Kommentierenden, jeweils mit der Abteilung, der sie beim Schreiben angehörten. Personen ohne Abteilung zählen nicht. Gezeigt, wenn mindestens {k} verschiedene Personen die Beiträge geschrieben haben.',
  'analytics.teams.chart': 'Gespräche, davon abteilungsübergreifend',
  'analytics.teams.series_conversations': 'Gespräche',
  'analytics.teams.series_cross': 'Abteilungsübergreifend',
  'analytics.teams.breakdown': 'Je Gruppe',
  'analytics.teams.how_breakdown':
    'Mitglieder heute; beteiligte Mitglieder und „aktiv“ mit Stand {day} (28 Tage, siehe oben); Beiträge, Kommentare und Reaktionen in der Gruppe im Zeitraum, von allen. Private und geheime Gruppen erscheinen nur ihren Mitgliedern und Admins. Eine Zahl, hinter der weniger als {k} Personen stehen, wird nicht gezeigt, ebenso wenig „aktiv“, wenn die beteiligten Mitglieder nicht gezeigt werden.',
  'analytics.teams.col_group': 'Gruppe',
  'analytics.teams.col_kind': 'Art',
  'analytics.teams.col_visibility': 'Sichtbarkeit',
  'analytics.teams.col_members': 'Mitglieder',
  'analytics.teams.col_engaged': 'Beteiligte Mitglieder (28 Tage)',
  'analytics.teams.col_posts': 'Beiträge',
  'analytics.teams.col_comments': 'Kommentare',
  'analytics.teams.col_reactions': 'Reaktionen',
  'analytics.teams.col_active': 'Aktiv',
  'analytics.teams.yes': 'ja',
  'analytics.teams.no': 'nein',
  'analytics.teams.team': 'Team',
  'analytics.teams.community': 'Community',
  'analytics.teams.public': 'Öffentlich',
  'analytics.teams.private': 'Privat',
  'analytics.teams.secret': 'Geheim',
  'analytics.teams.no_groups': 'Keine Gruppen vorhanden.',
  'analytics.teams.csv_series': 'Diese Reihe als CSV herunterladen',
  'analytics.teams.csv_groups': 'Diese Tabelle als CSV herunterladen',
  'analytics.teams.csv_figures': 'Die Kennzahlen als CSV herunterladen',
  'analytics.teams.fix_filters': 'Bitte korrigieren Sie die Filter, um die Kennzahlen zu sehen.',
};
