/** Analytics, hashtags: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const hashtagsEn = {
  'analytics.hashtags.title': 'Hashtag KPIs',
  'analytics.hashtags.intro':
    'Posts with hashtags that an admin gave a meaning: success stories, customer voices, pain points and campaigns. Only totals are shown; a figure behind which fewer than {k} people stand is shown as “fewer than {k}”. Only posts in groups you may see count, and org-wide posts.',
  'analytics.hashtags.none': 'No hashtag has a meaning yet.',
  'analytics.hashtags.none_admin': 'Give hashtags a meaning in the hashtag administration.',
  'analytics.hashtags.over_time': 'Posts per meaning over time',
  'analytics.hashtags.how_over_time':
    'Posts written in the period with at least one hashtag of that meaning, in the day, week (from Monday) or month in which they were written (UTC). A post counts once per meaning, however many of its hashtags have that meaning. A figure is shown when at least {k} different people wrote those posts.',
  'analytics.hashtags.per_tag': 'Per hashtag',
  'analytics.hashtags.how_per_tag':
    'Posts written in the period with the hashtag; posts with an alias are filed under the hashtag it stands for. Each hashtag links to its posts. A figure is shown when at least {k} different people wrote those posts.',
  'analytics.hashtags.tag': 'Hashtag',
  'analytics.hashtags.meaning': 'Meaning',
  'analytics.hashtags.posts': 'Posts',
  'analytics.hashtags.aliases': 'also {aliases}',
  'analytics.hashtags.by_department': 'By department',
  'analytics.hashtags.how_by_department':
    'Posts per meaning by the department the author gives in their profile now. Totals add up the cells, so a post with hashtags of two meanings counts in each. A figure behind which fewer than {k} people stand is hidden, and so is any figure that could be worked out from the totals and the other figures.',
  'analytics.hashtags.department': 'Department',
  'analytics.hashtags.no_department': 'No department given',
  'analytics.hashtags.total': 'Total',
  'analytics.hashtags.no_posts': 'No posts with these hashtags in this period.',
  'analytics.hashtags.csv_series': 'Download this series as CSV',
  'analytics.hashtags.csv_tags': 'Download this table as CSV',
  'analytics.hashtags.csv_departments': 'Download this breakdown as CSV',
  'analytics.hashtags.bad_table': 'part is one of: series, hashtags or departments.',

  'analytics.impact.title': 'Your impact',
  'analytics.impact.intro':
    'What your posts, questions, answers and documents brought about, month by month. Only you see this page. It shows counts only, never who reacted, voted, commented or reused.',
  'analytics.impact.own_content':
    'It counts your own content and what others did with it, read from the content itself, not from recorded activity. Months are counted in UTC.',
  'analytics.impact.analytics_off':
    'Analytics is switched off in this organisation. This page still works, because it counts your own content rather than recorded activity.',
  'analytics.impact.totals': 'In this period',
  'analytics.impact.posts': 'Posts',
  'analytics.impact.how_posts': 'Posts and announcements you wrote.',
  'analytics.impact.questions': 'Questions asked',
  'analytics.impact.how_questions': 'Questions you asked.',
  'analytics.impact.answers': 'Answers given',
  'analytics.impact.how_answers':
    'Comments you wrote directly on other people’s questions (replies to comments do not count).',
  'analytics.impact.accepted': 'Answers accepted',
  'analytics.impact.how_accepted':
    'Of those answers, the ones the asker accepted; counted in the month of the answer.',
  'analytics.impact.helpful_votes': 'Helpful votes received',
  'analytics.impact.how_helpful_votes':
    'Votes by others marking one of your answers as helpful, in the month of the vote.',
  'analytics.impact.reactions_received': 'Reactions received',
  'analytics.impact.how_reactions_received':
    'Reactions by others on your posts and questions, in the month they were given. Comments take no reactions; answers get helpful votes instead.',
  'analytics.impact.comments_received': 'Comments received',
  'analytics.impact.how_comments_received':
    'Comments and replies by others on your posts and questions, in the month they were written.',
  'analytics.impact.questions_answered': 'Your questions answered',
  'analytics.impact.how_questions_answered':
    'Of the questions you asked that month, those that have an answer by now.',
  'analytics.impact.median_wait': 'Median time to first answer',
  'analytics.impact.how_median_wait':
    'Half of your answered questions got their first answer within this time, from asking to the first comment by someone else.',
  'analytics.impact.hours': '{hours} h',
  'analytics.impact.median_wait_hours': 'Median time to first answer, in hours',
  'analytics.impact.reuses': 'Reuses of your documents',
  'analytics.impact.how_reuses':
    'Someone outside your teams downloaded one of your documents for the first time, or someone else attached it to a post in another group; in the month it happened.',
  'analytics.impact.downloads': 'Downloads of your documents',
  'analytics.impact.how_downloads':
    'Every download of every version of the documents you uploaded first, since they were uploaded (downloads are counted without a date, so not per month).',
  'analytics.impact.documents': 'Your documents',
  'analytics.impact.how_documents': 'Documents you uploaded first.',
  'analytics.impact.chart_given': 'What you contributed',
  'analytics.impact.chart_received': 'What came back',
  'analytics.impact.chart_questions': 'Your questions',
  'analytics.impact.month': 'Month',
};

export const hashtagsDe: Record<keyof typeof hashtagsEn, string> = {
  'analytics.hashtags.title': 'Hashtag-Kennzahlen',
  'analytics.hashtags.intro':
    'Beiträge mit Hashtags, denen ein Admin eine Bedeutung gegeben hat: Erfolgsgeschichten, Kundenstimmen, Ärgernisse und Kampagnen. Gezeigt werden nur Summen; eine Zahl, hinter der weniger als {k} Personen stehen, erscheint als „weniger als {k}“. Es zählen nur Beiträge in Gruppen, die Sie sehen dürfen, und Beiträge an alle.',
  'analytics.hashtags.none': 'Noch kein Hashtag hat eine Bedeutung.',
  'analytics.hashtags.none_admin': 'Bedeutungen vergeben Sie in der Hashtag-Verwaltung.',
  'analytics.hashtags.over_time': 'Beiträge je Bedeutung im Zeitverlauf',
  'analytics.hashtags.how_over_time':
    'Beiträge aus dem Zeitraum mit mindestens einem Hashtag dieser Bedeutung, gezählt am Tag, in der Woche (ab Montag) oder im Monat, in dem sie geschrieben wurden (UTC). Ein Beitrag zählt je Bedeutung einmal, auch wenn mehrere seiner Hashtags sie tragen. Eine Zahl wird gezeigt, wenn mindestens {k} verschiedene Personen diese Beiträge geschrieben haben.',
  'analytics.hashtags.per_tag': 'Je Hashtag',
  'analytics.hashtags.how_per_tag':
    'Beiträge aus dem Zeitraum mit dem Hashtag; Beiträge mit einem Alias zählen beim Hashtag, für den er steht. Jeder Hashtag führt zu seinen Beiträgen. Eine Zahl wird gezeigt, wenn mindestens {k} verschiedene Personen diese Beiträge geschrieben haben.',
  'analytics.hashtags.tag': 'Hashtag',
  'analytics.hashtags.meaning': 'Bedeutung',
  'analytics.hashtags.posts': 'Beiträge',
  'analytics.hashtags.aliases': 'auch {aliases}',
  'analytics.hashtags.by_department': 'Nach Abteilung',
  'analytics.hashtags.how_by_department':
    'Beiträge je Bedeutung nach der Abteilung, die die Verfasserin oder der Verfasser jetzt im Profil angibt. Die Summen addieren die Zellen, ein Beitrag mit Hashtags zweier Bedeutungen zählt also bei beiden. Eine Zahl, hinter der weniger als {k} Personen stehen, wird ausgeblendet, ebenso jede Zahl, die sich aus den Summen und den übrigen Zahlen errechnen ließe.',
  'analytics.hashtags.department': 'Abteilung',
  'analytics.hashtags.no_department': 'Keine Abteilung angegeben',
  'analytics.hashtags.total': 'Summe',
  'analytics.hashtags.no_posts': 'Keine Beiträge mit diesen Hashtags in diesem Zeitraum.',
  'analytics.hashtags.csv_series': 'Diese Reihe als CSV herunterladen',
  'analytics.hashtags.csv_tags': 'Diese Tabelle als CSV herunterladen',
  'analytics.hashtags.csv_departments': 'Diese Aufschlüsselung als CSV herunterladen',
  'analytics.hashtags.bad_table':
    'Wählen Sie eine der Tabellen: series, hashtags oder departments.',

  'analytics.impact.title': 'Ihre Wirkung',
  'analytics.impact.intro':
    'Was Ihre Beiträge, Fragen, Antworten und Dokumente bewirkt haben, Monat für Monat. Nur Sie sehen diese Seite. Sie zeigt nur Anzahlen, nie, wer reagiert, abgestimmt, kommentiert oder wiederverwendet hat.',
  'analytics.impact.own_content':
    'Gezählt werden Ihre eigenen Inhalte und was andere damit getan haben, gelesen aus den Inhalten selbst, nicht aus aufgezeichneter Aktivität. Monate gelten in UTC.',
  'analytics.impact.analytics_off':
    'Die Auswertungen sind in dieser Organisation abgeschaltet. Diese Seite funktioniert trotzdem, weil sie Ihre eigenen Inhalte zählt und keine aufgezeichnete Aktivität.',
  'analytics.impact.totals': 'In diesem Zeitraum',
  'analytics.impact.posts': 'Beiträge',
  'analytics.impact.how_posts': 'Beiträge und Ankündigungen, die Sie geschrieben haben.',
  'analytics.impact.questions': 'Gestellte Fragen',
  'analytics.impact.how_questions': 'Fragen, die Sie gestellt haben.',
  'analytics.impact.answers': 'Gegebene Antworten',
  'analytics.impact.how_answers':
    'Kommentare, die Sie direkt zu Fragen anderer geschrieben haben (Antworten auf Kommentare zählen nicht).',
  'analytics.impact.accepted': 'Akzeptierte Antworten',
  'analytics.impact.how_accepted':
    'Von diesen Antworten die, die die fragende Person akzeptiert hat; gezählt im Monat der Antwort.',
  'analytics.impact.helpful_votes': 'Erhaltene „Hilfreich“-Stimmen',
  'analytics.impact.how_helpful_votes':
    'Stimmen anderer, die eine Ihrer Antworten als hilfreich markieren, im Monat der Stimme.',
  'analytics.impact.reactions_received': 'Erhaltene Reaktionen',
  'analytics.impact.how_reactions_received':
    'Reaktionen anderer auf Ihre Beiträge und Fragen, im Monat, in dem sie gegeben wurden. Kommentare erhalten keine Reaktionen; Antworten erhalten stattdessen „Hilfreich“-Stimmen.',
  'analytics.impact.comments_received': 'Erhaltene Kommentare',
  'analytics.impact.how_comments_received':
    'Kommentare und Antworten darauf von anderen zu Ihren Beiträgen und Fragen, im Monat, in dem sie geschrieben wurden.',
  'analytics.impact.questions_answered': 'Beantwortete Fragen von Ihnen',
  'analytics.impact.how_questions_answered':
    'Von den Fragen, die Sie in dem Monat gestellt haben, die, die inzwischen eine Antwort haben.',
  'analytics.impact.median_wait': 'Mittlere Zeit bis zur ersten Antwort',
  'analytics.impact.how_median_wait':
    'Die Hälfte Ihrer beantworteten Fragen erhielt die erste Antwort innerhalb dieser Zeit, gemessen vom Fragen bis zum ersten Kommentar einer anderen Person (Median).',
  'analytics.impact.hours': '{hours} Std.',
  'analytics.impact.median_wait_hours': 'Mittlere Zeit bis zur ersten Antwort, in Stunden',
  'analytics.impact.reuses': 'Wiederverwendungen Ihrer Dokumente',
  'analytics.impact.how_reuses':
    'Jemand außerhalb Ihrer Teams hat eines Ihrer Dokumente zum ersten Mal heruntergeladen, oder jemand anderes hat es einem Beitrag in einer anderen Gruppe angehängt; im Monat, in dem es geschah.',
  'analytics.impact.downloads': 'Downloads Ihrer Dokumente',
  'analytics.impact.how_downloads':
    'Jeder Download jeder Version der Dokumente, die Sie als Erste oder Erster hochgeladen haben, seit dem Hochladen (Downloads werden ohne Datum gezählt, daher nicht je Monat).',
  'analytics.impact.documents': 'Ihre Dokumente',
  'analytics.impact.how_documents': 'Dokumente, die Sie als Erste oder Erster hochgeladen haben.',
  'analytics.impact.chart_given': 'Was Sie beigetragen haben',
  'analytics.impact.chart_received': 'Was zurückkam',
  'analytics.impact.chart_questions': 'Ihre Fragen',
  'analytics.impact.month': 'Monat',
};
