/**
 * Analytics, its settings and the page "what is measured": English and German messages (spread
 * into the catalogues in ../en.ts and ../de.ts). The page is written to be shown to a works
 * council: plain words, what is recorded and what is not.
 */
export const aboutEn = {
  'analytics.about.title': 'What is measured',
  'analytics.about.intro':
    'Kantine measures what the network brings to the organisation, in aggregate figures. This page says exactly what is recorded, what is not, and who sees what.',
  'analytics.about.state_on': 'Measurement is switched on in this organisation.',
  'analytics.about.state_off':
    'Measurement is switched off in this organisation: no activity is being recorded and no dashboard is shown.',
  'analytics.about.recorded_h': 'What is recorded',
  'analytics.about.recorded_1':
    'For each person and each day on which they used Kantine: whether they visited, and how many posts, comments, reactions, uploaded documents and downloads they made that day. Only these counts: no pages viewed, no clicks, no times of day, no reading behaviour. The same per week and per month, only whether each kind of activity happened, so that the people active in a period can be counted quickly.',
  'analytics.about.recorded_2':
    'For each group and each day: how many posts, comments and reactions each member made in it, so that the share of active members can be worked out.',
  'analytics.about.recorded_3':
    'For each conversation: whether people from more than one department took part (the departments themselves are not stored with it).',
  'analytics.about.recorded_4':
    'What content itself carries, and which everyone who may read it can see anyway: when a question was asked, first answered and an answer accepted; which hashtags a post carries; when a document was reused in another team.',
  'analytics.about.not_h': 'What is not recorded',
  'analytics.about.not_1':
    'No click stream, no list of pages a person opened, no time spent, no location, no device data for analytics.',
  'analytics.about.not_2':
    'No individual performance figures: no dashboard lists or ranks people, and none shows a figure about a single person.',
  'analytics.about.not_3':
    'No content of private or secret groups appears in analytics, and such groups appear in breakdowns only for their members and admins.',
  'analytics.about.shown_h': 'What is shown, and to whom',
  'analytics.about.shown_1':
    'Dashboards show totals for the whole organisation and breakdowns by group, department or hashtag. A figure in a breakdown that rests on fewer than {k} people is shown as "fewer than {k}", and so is any figure that could be worked out from the others in its row or column.',
  'analytics.about.shown_admins': 'The dashboards are for administrators only.',
  'analytics.about.shown_members':
    'The dashboards are open to every member; each sees breakdowns only of groups they may see.',
  'analytics.about.shown_2':
    'Every person sees their own impact (their answers, the reuse of their documents, the reactions they received) on their own page. Nobody else sees it.',
  'analytics.about.keep_h': 'How long it is kept, and switching it off',
  'analytics.about.keep_1':
    'Daily counts are kept while the organisation uses measurement. An administrator can switch measurement off at any time (from then on nothing is recorded) and delete every recorded count in one step; content and the figures taken from content stay.',
  'analytics.about.keep_2':
    'Deactivating a person keeps their past counts in the totals; deleting a person deletes their counts.',
  'analytics.settings.title': 'Analytics settings',
  'analytics.settings.intro':
    'Whether activity is measured, who sees the dashboards, and the privacy threshold. Changes are recorded in the audit log.',
  'analytics.settings.enabled': 'Measure activity and show the dashboards',
  'analytics.settings.enabled_hint':
    'Switched off, nothing new is recorded and the dashboards are hidden. Each person still sees their own impact.',
  'analytics.settings.audience': 'Who sees the dashboards',
  'analytics.settings.audience_admins': 'Administrators only',
  'analytics.settings.audience_members': 'Every member (breakdowns only of groups they may see)',
  'analytics.settings.k': 'Privacy threshold (people)',
  'analytics.settings.k_hint':
    'A figure in a breakdown that rests on fewer people is not shown. At least {min}, at most {max}.',
  'analytics.settings.saved': 'The analytics settings were saved.',
  'analytics.settings.erase_h': 'Delete recorded activity',
  'analytics.settings.erase_intro':
    'Deletes every recorded daily count (people, groups, daily totals). Content and figures taken from content stay. This cannot be undone.',
  'analytics.settings.erase_confirm': 'Yes, delete all recorded activity',
  'analytics.settings.erase': 'Delete recorded activity',
  'analytics.settings.erased': 'All recorded activity was deleted.',
  'analytics.settings_bad_enabled': 'Choose on or off.',
  'analytics.settings_bad_audience': 'Choose administrators only or every member.',
  'analytics.settings_bad_k': 'Enter a whole number from {min} to {max}.',
  'analytics.erase_confirm_required': 'Tick the box to confirm the deletion.',
  'analytics.nav_settings': 'Settings',
};

export const aboutDe: Record<keyof typeof aboutEn, string> = {
  'analytics.about.title': 'Was gemessen wird',
  'analytics.about.intro':
    'Kantine misst, was das Netzwerk der Organisation bringt, in zusammengefassten Zahlen. Diese Seite sagt genau, was aufgezeichnet wird, was nicht, und wer was sieht.',
  'analytics.about.state_on': 'Die Messung ist in dieser Organisation eingeschaltet.',
  'analytics.about.state_off':
    'Die Messung ist in dieser Organisation ausgeschaltet: Es wird keine Aktivität aufgezeichnet und keine Auswertung angezeigt.',
  'analytics.about.recorded_h': 'Was aufgezeichnet wird',
  'analytics.about.recorded_1':
    'Für jede Person und jeden Tag, an dem sie Kantine genutzt hat: ob sie da war, und wie viele Beiträge, Kommentare, Reaktionen, hochgeladene Dokumente und Downloads sie an diesem Tag gemacht hat. Nur diese Anzahlen: keine aufgerufenen Seiten, keine Klicks, keine Uhrzeiten, kein Leseverhalten. Dasselbe je Woche und je Monat, nur ob jede Art von Aktivität vorkam, damit sich die in einem Zeitraum aktiven Personen schnell zählen lassen.',
  'analytics.about.recorded_2':
    'Für jede Gruppe und jeden Tag: wie viele Beiträge, Kommentare und Reaktionen jedes Mitglied darin gemacht hat, damit sich der Anteil aktiver Mitglieder berechnen lässt.',
  'analytics.about.recorded_3':
    'Für jede Unterhaltung: ob Menschen aus mehr als einer Abteilung daran teilgenommen haben (die Abteilungen selbst werden dabei nicht gespeichert).',
  'analytics.about.recorded_4':
    'Was die Inhalte selbst tragen und was alle, die sie lesen dürfen, ohnehin sehen: wann eine Frage gestellt, zuerst beantwortet und eine Antwort akzeptiert wurde; welche Hashtags ein Beitrag trägt; wann ein Dokument in einem anderen Team wiederverwendet wurde.',
  'analytics.about.not_h': 'Was nicht aufgezeichnet wird',
  'analytics.about.not_1':
    'Kein Klickverlauf, keine Liste der Seiten, die jemand geöffnet hat, keine Verweildauer, kein Ort, keine Gerätedaten für die Auswertung.',
  'analytics.about.not_2':
    'Keine Leistungszahlen einzelner Personen: Keine Auswertung listet Personen auf oder ordnet sie in eine Rangfolge, und keine zeigt eine Zahl über eine einzelne Person.',
  'analytics.about.not_3':
    'Inhalte privater oder geheimer Gruppen erscheinen in keiner Auswertung, und solche Gruppen erscheinen in Aufschlüsselungen nur für ihre Mitglieder und die Verwaltung.',
  'analytics.about.shown_h': 'Was gezeigt wird, und wem',
  'analytics.about.shown_1':
    'Die Auswertungen zeigen Summen für die ganze Organisation und Aufschlüsselungen nach Gruppe, Abteilung oder Hashtag. Eine Zahl in einer Aufschlüsselung, die auf weniger als {k} Personen beruht, wird als „weniger als {k}“ gezeigt, ebenso jede Zahl, die sich aus den anderen ihrer Zeile oder Spalte errechnen ließe.',
  'analytics.about.shown_admins':
    'Die Auswertungen sehen nur Administratorinnen und Administratoren.',
  'analytics.about.shown_members':
    'Die Auswertungen stehen allen Mitgliedern offen; jede Person sieht Aufschlüsselungen nur der Gruppen, die sie sehen darf.',
  'analytics.about.shown_2':
    'Jede Person sieht ihre eigene Wirkung (ihre Antworten, die Wiederverwendung ihrer Dokumente, die Reaktionen, die sie bekommen hat) auf ihrer eigenen Seite. Niemand sonst sieht sie.',
  'analytics.about.keep_h': 'Wie lange es aufbewahrt wird, und Ausschalten',
  'analytics.about.keep_1':
    'Die täglichen Anzahlen werden aufbewahrt, solange die Organisation die Messung nutzt. Die Verwaltung kann die Messung jederzeit ausschalten (ab dann wird nichts aufgezeichnet) und alle aufgezeichneten Anzahlen in einem Schritt löschen; Inhalte und die aus Inhalten gewonnenen Zahlen bleiben.',
  'analytics.about.keep_2':
    'Wird eine Person deaktiviert, bleiben ihre früheren Anzahlen in den Summen; wird sie gelöscht, werden auch ihre Anzahlen gelöscht.',
  'analytics.settings.title': 'Einstellungen der Auswertung',
  'analytics.settings.intro':
    'Ob Aktivität gemessen wird, wer die Auswertungen sieht, und die Datenschutzschwelle. Änderungen werden im Prüfprotokoll festgehalten.',
  'analytics.settings.enabled': 'Aktivität messen und Auswertungen zeigen',
  'analytics.settings.enabled_hint':
    'Ausgeschaltet wird nichts Neues aufgezeichnet und die Auswertungen sind verborgen. Jede Person sieht weiterhin ihre eigene Wirkung.',
  'analytics.settings.audience': 'Wer die Auswertungen sieht',
  'analytics.settings.audience_admins': 'Nur die Verwaltung',
  'analytics.settings.audience_members':
    'Alle Mitglieder (Aufschlüsselungen nur der Gruppen, die sie sehen dürfen)',
  'analytics.settings.k': 'Datenschutzschwelle (Personen)',
  'analytics.settings.k_hint':
    'Eine Zahl in einer Aufschlüsselung, die auf weniger Personen beruht, wird nicht gezeigt. Mindestens {min}, höchstens {max}.',
  'analytics.settings.saved': 'Die Einstellungen der Auswertung wurden gespeichert.',
  'analytics.settings.erase_h': 'Aufgezeichnete Aktivität löschen',
  'analytics.settings.erase_intro':
    'Löscht alle aufgezeichneten täglichen Anzahlen (Personen, Gruppen, Tagessummen). Inhalte und aus Inhalten gewonnene Zahlen bleiben. Das lässt sich nicht rückgängig machen.',
  'analytics.settings.erase_confirm': 'Ja, alle aufgezeichnete Aktivität löschen',
  'analytics.settings.erase': 'Aufgezeichnete Aktivität löschen',
  'analytics.settings.erased': 'Alle aufgezeichnete Aktivität wurde gelöscht.',
  'analytics.settings_bad_enabled': 'Wählen Sie ein oder aus.',
  'analytics.settings_bad_audience': 'Wählen Sie „nur die Verwaltung“ oder „alle Mitglieder“.',
  'analytics.settings_bad_k': 'Geben Sie eine ganze Zahl von {min} bis {max} ein.',
  'analytics.erase_confirm_required': 'Setzen Sie das Häkchen, um das Löschen zu bestätigen.',
  'analytics.nav_settings': 'Einstellungen',
};
