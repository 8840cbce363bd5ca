/** Analytics, content: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const contentEn = {
  'analytics.content.title': 'Content',
  'analytics.content.intro':
    'How well questions get answered, and how often documents are reused. Only totals are shown, never individuals; a figure behind which fewer than {k} askers stand is shown as “fewer than {k}”. Days are counted in UTC.',
  'analytics.content.cutoff':
    'Answers count as of now. “Unanswered after 7 days” counts up to {cutoff} (now, or the end of the period if earlier).',
  'analytics.content.against_targets': 'Questions against their targets',
  'analytics.content.figure': 'Figure',
  'analytics.content.value': 'Value',
  'analytics.content.target': 'Target',
  'analytics.content.status': 'Status',
  'analytics.content.asked': 'Questions asked',
  'analytics.content.answer_rate': 'Answer rate',
  'analytics.content.accepted_rate': 'Accepted-answer rate',
  'analytics.content.within_24h': 'Answered within 24 h',
  'analytics.content.within_target': 'Answered within target',
  'analytics.content.target_hours': 'Target for a first answer',
  'analytics.content.first_p50': 'Time to first answer, median (p50)',
  'analytics.content.first_p90': 'Time to first answer, p90',
  'analytics.content.accepted_p50': 'Time to accepted answer, median (p50)',
  'analytics.content.accepted_p90': 'Time to accepted answer, p90',
  'analytics.content.unanswered_7d': 'Unanswered after 7 days',
  'analytics.content.own_targets': 'each question’s own',
  'analytics.content.hours': '{n} h',
  'analytics.content.hours_pair': '{calendar} h · {business} business h',
  'analytics.content.none': 'no figure',
  'analytics.content.on_target': 'on target',
  'analytics.content.below_target': 'below target',
  'analytics.content.meets_target': 'within target',
  'analytics.content.misses_target': 'over target',
  'analytics.content.of_asked': '({n} of {asked})',
  'analytics.content.org_wide': 'Org-wide (no group)',
  'analytics.content.rate_targets': 'Targets for the rates',
  'analytics.content.target_percent': '{figure}: target in %',
  'analytics.content.targets_saved': 'The targets are saved.',
  'analytics.content.bad_target': 'A target is a share from 0 to 1.',
  'analytics.content.bad_target_percent': 'Enter a percentage from 0 to 100.',
  'analytics.content.bad_part': 'part is one of: {parts}.',
  'analytics.content.over_time': 'Over time',
  'analytics.content.chart_rates': 'Answer rate, accepted-answer rate and answered within 24 h',
  'analytics.content.chart_times': 'Median hours to an answer',
  'analytics.content.first_p50_calendar': 'First answer, p50 (hours)',
  'analytics.content.first_p50_business': 'First answer, p50 (business hours)',
  'analytics.content.accepted_p50_calendar': 'Accepted answer, p50 (hours)',
  'analytics.content.none_or_fewer': 'none, or fewer than {k}',
  'analytics.content.per_group': 'Per group',
  'analytics.content.per_group_hint':
    'The groups you may see that had questions in the period, and the org-wide questions. Each rate with its status against the target; times as hours · business hours.',
  'analytics.content.no_questions': 'No questions were asked in this period.',
  'analytics.content.groups_shown': 'Groups {from}–{to} of {n}; the CSV download has them all.',
  'analytics.content.previous': 'Previous groups',
  'analytics.content.next': 'Next groups',
  'analytics.content.per_hashtag': 'Per hashtag',
  'analytics.content.per_hashtag_hint':
    'The {n} hashtags on most questions of the period; a question with several hashtags counts for each.',
  'analytics.content.hashtags_not_shown': '{n} more hashtags are not shown.',
  'analytics.content.no_hashtags': 'No question of this period has a hashtag.',
  'analytics.content.hashtag': 'Hashtag',
  'analytics.content.documents_reused': 'Documents reused',
  'analytics.content.how_reuse':
    'A reuse is a download by someone who shares no team with the document’s author (each person once per document), or a post in another group that attaches the document (each post once), counted in the period in which it happened. Reusers: the distinct people behind them (the downloader, or the post’s author). Documents of the groups you may see and personal shelves; the group filter does not apply.',
  'analytics.content.reuse_total': 'Reuses in the period:',
  'analytics.content.reuses': 'Reuses',
  'analytics.content.reusers': 'Reusers',
  'analytics.content.times': 'Times to an answer',
  'analytics.content.business_hours': 'Business hours',
  'analytics.content.p50_vs_target': 'Median against the target',
  'analytics.content.privacy': 'Privacy threshold',
  'analytics.content.how_asked':
    'The questions of a period are those asked in it. For people who are not administrators, questions in groups they may not see are not counted anywhere.',
  'analytics.content.how_answer_rate':
    'Questions with a first answer (a top-level comment by someone other than the asker) divided by the questions asked.',
  'analytics.content.how_accepted_rate':
    'Questions with an accepted answer divided by the questions asked.',
  'analytics.content.how_times':
    'From asking to the first answer, and from asking to the answer accepted, over the questions that have one. p50 (median) and p90 by the nearest-rank method: the values sorted from fastest, the one at rank ⌈p × n / 100⌉.',
  'analytics.content.how_business_hours':
    'Only the organisation’s working time counts (working days and hours in its time zone, not public holidays), as on each question’s page; calendar hours count all the time.',
  'analytics.content.how_within_24h':
    'Questions whose first answer came within 24 calendar hours, divided by the questions asked.',
  'analytics.content.how_within_target':
    'Questions whose first answer came within their target (the group’s target for a first answer; for org-wide questions the organisation’s), in calendar hours, divided by the questions asked.',
  'analytics.content.how_p50_target':
    'Within target when at least half of the answered questions were answered within their target; with one target this means the median is at most the target.',
  'analytics.content.how_unanswered_7d':
    'Questions asked at least 7 days before now (or the end of the period, if earlier) that still have no answer; in brackets their share of the questions asked that long ago.',
  'analytics.content.how_rate_targets':
    'Set by administrators. A rate is on target when it reaches the target, below target otherwise; the symbol and the word say which.',
  'analytics.content.how_privacy':
    'A row resting on fewer than k different askers is hidden, and where rows add up to the total (groups, periods) as many more as it takes that none can be worked out; times are hidden when fewer than k askers stand behind the answered questions.',
};

export const contentDe: Record<keyof typeof contentEn, string> = {
  'analytics.content.title': 'Inhalte',
  'analytics.content.intro':
    'Wie gut Fragen beantwortet und wie oft Dokumente wiederverwendet werden. Es werden nur Summen gezeigt, nie einzelne Personen; eine Zahl, hinter der weniger als {k} Fragende stehen, erscheint als „weniger als {k}“. Tage werden in UTC gezählt.',
  'analytics.content.cutoff':
    'Antworten zählen mit dem heutigen Stand. „Nach 7 Tagen unbeantwortet“ zählt bis {cutoff} (jetzt oder, falls früher, das Ende des Zeitraums).',
  'analytics.content.against_targets': 'Fragen gemessen an ihren Zielen',
  'analytics.content.figure': 'Kennzahl',
  'analytics.content.value': 'Wert',
  'analytics.content.target': 'Ziel',
  'analytics.content.status': 'Stand',
  'analytics.content.asked': 'Gestellte Fragen',
  'analytics.content.answer_rate': 'Antwortquote',
  'analytics.content.accepted_rate': 'Quote akzeptierter Antworten',
  'analytics.content.within_24h': 'Innerhalb von 24 Std. beantwortet',
  'analytics.content.within_target': 'Innerhalb des Ziels beantwortet',
  'analytics.content.target_hours': 'Ziel für eine erste Antwort',
  'analytics.content.first_p50': 'Zeit bis zur ersten Antwort, Median (p50)',
  'analytics.content.first_p90': 'Zeit bis zur ersten Antwort, p90',
  'analytics.content.accepted_p50': 'Zeit bis zur akzeptierten Antwort, Median (p50)',
  'analytics.content.accepted_p90': 'Zeit bis zur akzeptierten Antwort, p90',
  'analytics.content.unanswered_7d': 'Nach 7 Tagen unbeantwortet',
  'analytics.content.own_targets': 'je Frage ihr eigenes',
  'analytics.content.hours': '{n} Std.',
  'analytics.content.hours_pair': '{calendar} Std. · {business} Arbeitsstd.',
  'analytics.content.none': 'keine Zahl',
  'analytics.content.on_target': 'Ziel erreicht',
  'analytics.content.below_target': 'unter dem Ziel',
  'analytics.content.meets_target': 'im Ziel',
  'analytics.content.misses_target': 'über dem Ziel',
  'analytics.content.of_asked': '({n} von {asked})',
  'analytics.content.org_wide': 'Organisationsweit (ohne Gruppe)',
  'analytics.content.rate_targets': 'Ziele für die Quoten',
  'analytics.content.target_percent': '{figure}: Ziel in %',
  'analytics.content.targets_saved': 'Die Ziele sind gespeichert.',
  'analytics.content.bad_target': 'Ein Ziel ist ein Anteil von 0 bis 1.',
  'analytics.content.bad_target_percent': 'Bitte geben Sie einen Prozentwert von 0 bis 100 ein.',
  'analytics.content.bad_part': 'part ist eines von: {parts}.',
  'analytics.content.over_time': 'Im Zeitverlauf',
  'analytics.content.chart_rates':
    'Antwortquote, Quote akzeptierter Antworten und innerhalb von 24 Std. beantwortet',
  'analytics.content.chart_times': 'Median der Stunden bis zu einer Antwort',
  'analytics.content.first_p50_calendar': 'Erste Antwort, p50 (Stunden)',
  'analytics.content.first_p50_business': 'Erste Antwort, p50 (Arbeitsstunden)',
  'analytics.content.accepted_p50_calendar': 'Akzeptierte Antwort, p50 (Stunden)',
  'analytics.content.none_or_fewer': 'keine oder weniger als {k}',
  'analytics.content.per_group': 'Nach Gruppe',
  'analytics.content.per_group_hint':
    'Die Gruppen, die Sie sehen dürfen und in denen im Zeitraum Fragen gestellt wurden, sowie die organisationsweiten Fragen. Jede Quote mit ihrem Stand gegenüber dem Ziel; Zeiten als Stunden · Arbeitsstunden.',
  'analytics.content.no_questions': 'In diesem Zeitraum wurden keine Fragen gestellt.',
  'analytics.content.groups_shown': 'Gruppen {from}–{to} von {n}; der CSV-Download enthält alle.',
  'analytics.content.previous': 'Vorherige Gruppen',
  'analytics.content.next': 'Nächste Gruppen',
  'analytics.content.per_hashtag': 'Nach Hashtag',
  'analytics.content.per_hashtag_hint':
    'Die {n} Hashtags mit den meisten Fragen im Zeitraum; eine Frage mit mehreren Hashtags zählt bei jedem.',
  'analytics.content.hashtags_not_shown': '{n} weitere Hashtags werden nicht gezeigt.',
  'analytics.content.no_hashtags': 'Keine Frage dieses Zeitraums hat einen Hashtag.',
  'analytics.content.hashtag': 'Hashtag',
  'analytics.content.documents_reused': 'Wiederverwendete Dokumente',
  'analytics.content.how_reuse':
    'Eine Wiederverwendung ist ein Download durch jemanden, der mit der Autorin oder dem Autor des Dokuments kein Team teilt (jede Person einmal je Dokument), oder ein Beitrag in einer anderen Gruppe, der das Dokument anhängt (jeder Beitrag einmal), gezählt in dem Zeitraum, in dem sie geschah. Wiederverwendende: die verschiedenen Personen dahinter (wer herunterlud oder den Beitrag schrieb). Dokumente der Gruppen, die Sie sehen dürfen, und persönliche Ablagen; der Gruppenfilter gilt hier nicht.',
  'analytics.content.reuse_total': 'Wiederverwendungen im Zeitraum:',
  'analytics.content.reuses': 'Wiederverwendungen',
  'analytics.content.reusers': 'Wiederverwendende',
  'analytics.content.times': 'Zeiten bis zu einer Antwort',
  'analytics.content.business_hours': 'Arbeitsstunden',
  'analytics.content.p50_vs_target': 'Median gegenüber dem Ziel',
  'analytics.content.privacy': 'Datenschutzschwelle',
  'analytics.content.how_asked':
    'Die Fragen eines Zeitraums sind die darin gestellten. Für Personen, die keine Administratoren sind, zählen Fragen in Gruppen, die sie nicht sehen dürfen, nirgends mit.',
  'analytics.content.how_answer_rate':
    'Fragen mit einer ersten Antwort (ein Kommentar auf oberster Ebene von jemand anderem als der fragenden Person) geteilt durch die gestellten Fragen.',
  'analytics.content.how_accepted_rate':
    'Fragen mit einer akzeptierten Antwort geteilt durch die gestellten Fragen.',
  'analytics.content.how_times':
    'Von der Frage bis zur ersten Antwort und bis zur akzeptierten Antwort, über die Fragen, die eine haben. p50 (Median) und p90 nach dem Nearest-Rank-Verfahren: die Werte vom schnellsten an sortiert, der Wert an Rang ⌈p × n / 100⌉.',
  'analytics.content.how_business_hours':
    'Es zählt nur die Arbeitszeit der Organisation (Arbeitstage und -zeiten in ihrer Zeitzone, ohne Feiertage), wie auf der Seite jeder Frage; Kalenderstunden zählen die ganze Zeit.',
  'analytics.content.how_within_24h':
    'Fragen, deren erste Antwort innerhalb von 24 Kalenderstunden kam, geteilt durch die gestellten Fragen.',
  'analytics.content.how_within_target':
    'Fragen, deren erste Antwort innerhalb ihres Ziels kam (das Ziel der Gruppe für eine erste Antwort; bei organisationsweiten Fragen das der Organisation), in Kalenderstunden, geteilt durch die gestellten Fragen.',
  'analytics.content.how_p50_target':
    'Im Ziel, wenn mindestens die Hälfte der beantworteten Fragen innerhalb ihres Ziels beantwortet wurde; bei einem einzigen Ziel heißt das: Der Median liegt höchstens beim Ziel.',
  'analytics.content.how_unanswered_7d':
    'Fragen, die mindestens 7 Tage vor jetzt (oder vor dem Ende des Zeitraums, falls früher) gestellt wurden und noch keine Antwort haben; in Klammern ihr Anteil an den so lange zurückliegenden Fragen.',
  'analytics.content.how_rate_targets':
    'Von Administratoren festgelegt. Eine Quote hat ihr Ziel erreicht, wenn sie es erreicht, sonst liegt sie darunter; Symbol und Wort sagen es.',
  'analytics.content.how_privacy':
    'Eine Zeile, hinter der weniger als k verschiedene Fragende stehen, wird verborgen, und wo Zeilen die Summe ergeben (Gruppen, Zeiträume), so viele weitere, dass sich keine errechnen lässt; Zeiten werden verborgen, wenn hinter den beantworteten Fragen weniger als k Fragende stehen.',
};
