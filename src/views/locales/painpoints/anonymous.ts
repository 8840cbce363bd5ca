/** Pain points: anonymous submission, moderation, notifications and figures: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const anonymousEn = {
  'painpoints.anon.author': 'Anonymous',
  'painpoints.anon.title': 'Report a pain point anonymously',
  'painpoints.anon.intro':
    'Something gets in the way of your work and you would rather not put your name to it? Write it here. A moderator checks the text, then it appears on the pain-point board like any other, by “Anonymous”.',
  'painpoints.anon.nav_label': 'Pain points',
  'painpoints.anon.nav_board': 'Board',
  'painpoints.anon.nav_form': 'Report anonymously',
  'painpoints.anon.nav_mine': 'My waiting reports',
  'painpoints.anon.how_title': 'What “anonymous” means here',
  'painpoints.anon.how_name':
    'Nobody sees your name: not your colleagues, not the department’s leads, and not the moderators who check the text.',
  'painpoints.anon.how_kept':
    'While your text waits for a moderator, the database notes that it is yours. Only that lets you see it and withdraw it under “My waiting reports”, and it limits everyone to {max} waiting texts. No page and no interface shows this note to anyone else, moderators included.',
  'painpoints.anon.how_cleared':
    'When a moderator publishes or rejects your text, the note is deleted in the same step. From then on nobody, not even you, can tell that it was yours. That is why you get no notification of the decision and the text leaves your list.',
  'painpoints.anon.how_withdraw':
    'If you withdraw it while it waits, the text is deleted together with the note.',
  'painpoints.anon.how_published':
    'Published, it is a post by “Anonymous” in the group you choose (or for everyone) and a pain point of the department you choose. If the text has no pain-point hashtag, {tag} is added.',
  'painpoints.anon.how_traces':
    'Your own words can give you away: leave out details that only you know. A small department or group narrows down who may have written it.',
  'painpoints.anon.how_abuse':
    'Abusing anonymity, for example to insult someone, can be reported like any post, and administrators may remove it.',
  'painpoints.anon.how_more': 'More on what is stored',
  'painpoints.anon.how_moderators':
    'The moderators are the administrators. They read the text before it is published, also when it is meant for a private group they are not a member of. They see its department, its group and the day it was sent, never who sent it.',
  'painpoints.anon.how_stored':
    'Kept after the decision: the text, the department, the group, the day it was sent, the decision with its reason, and who decided. Not kept: who sent it, and the exact time it was sent.',
  'painpoints.anon.how_log':
    'Like every page, sending this form may appear in the server’s technical log with its time and network address, but without the text and without your account.',
  'painpoints.anon.body_label': 'What is the pain point?',
  'painpoints.anon.body_hint':
    'Up to 10,000 characters. Formatting, #hashtags and @mentions work as in a post.',
  'painpoints.anon.department_label': 'Department it concerns',
  'painpoints.anon.department_hint':
    'Its leads hear of it and may give it an owner. Shown with the pain point.',
  'painpoints.anon.no_department': 'No department',
  'painpoints.anon.group_label': 'Where it is published',
  'painpoints.anon.group_hint': 'Everyone, or a group you are a member of.',
  'painpoints.anon.org_wide': 'Everyone (whole organisation)',
  'painpoints.anon.no_notification':
    'You will not be notified of the decision: after it, nothing links the text to you any more. If it is published, you will find it on the board.',
  'painpoints.anon.send': 'Send for moderation',
  'painpoints.anon.sent':
    'Sent. It waits for a moderator; until then you can see and withdraw it here.',
  'painpoints.anon.too_many':
    'You already have {max} reports waiting for moderation. Please wait for a decision, or withdraw one.',
  'painpoints.anon.unknown_department': 'Choose one of the departments in the list',
  'painpoints.anon.not_member': 'Choose everyone, or a group you are a member of',
  'painpoints.anon.mine_title': 'My waiting reports',
  'painpoints.anon.mine_intro':
    'Your anonymous reports that wait for a moderator. Once one is decided it leaves this list: from then on it is no longer linked to you, so you are not notified. A published one is on the board, by “Anonymous”.',
  'painpoints.anon.mine_none': 'Nothing waiting.',
  'painpoints.anon.sent_on': 'Sent {date}',
  'painpoints.anon.withdraw': 'Withdraw and delete',
  'painpoints.anon.withdrawn': 'Withdrawn. The text is deleted.',

  'painpoints.moderation.title': 'Moderation of anonymous pain points',
  'painpoints.moderation.intro':
    'Texts sent anonymously, oldest first. Publish one as a post by “Anonymous”, or reject it with a reason. Who sent a text is not shown here, and deciding deletes the last trace of it; the sender is not notified.',
  'painpoints.moderation.none': 'Nothing waiting for moderation.',
  'painpoints.moderation.sent_on': 'Sent on {date}',
  'painpoints.moderation.in_group': 'to {group} ({visibility})',
  'painpoints.moderation.public_group': 'public group',
  'painpoints.moderation.private_group': 'private group',
  'painpoints.moderation.secret_group': 'secret group',
  'painpoints.moderation.approve': 'Publish',
  'painpoints.moderation.reject': 'Reject',
  'painpoints.moderation.reason_label': 'Reason for rejecting',
  'painpoints.moderation.reason_hint': 'Kept with the decision; the sender does not see it.',
  'painpoints.moderation.reject_send': 'Reject',
  'painpoints.moderation.approved': 'Published as a pain point by “Anonymous”.',
  'painpoints.moderation.rejected': 'Rejected.',
  'painpoints.moderation.already_decided': 'This text has already been decided or withdrawn.',

  'painpoints.notify.new': '{actor} reported a pain point',
  'painpoints.notify.new_anonymous': 'A pain point was reported anonymously',
  'painpoints.notify.assigned': '{actor} made you the owner of a pain point',
  'painpoints.notify.status': '{actor} changed the status of a pain point',
  'painpoints.notify.stale': 'A pain point has had no change of status for 14 days',

  'analytics.painpoints.title': 'Pain points',
  'analytics.painpoints.intro':
    'How pain points are taken up: open now, acknowledged and resolved in the period, by department. A figure behind which fewer than {k} reporters stand is shown as “fewer than {k}”.',
  'analytics.painpoints.open': 'Open pain points',
  'analytics.painpoints.acknowledged': 'Acknowledged',
  'analytics.painpoints.resolved': 'Resolved',
  'analytics.painpoints.acknowledge_median': 'Time to acknowledge, median',
  'analytics.painpoints.resolve_median': 'Time to resolve, median',
  'analytics.painpoints.per_month': 'Resolved per month',
  'analytics.painpoints.by_department': 'Pain points by department',
  'analytics.painpoints.department': 'Department',
  'analytics.painpoints.no_department': 'No department',
  'analytics.painpoints.total': 'All departments',
  'analytics.painpoints.none': 'none',
  'analytics.painpoints.no_pain_points': 'No pain points in this view.',
  'analytics.painpoints.privacy': 'Privacy threshold',
  'analytics.painpoints.short_open': 'now, whatever the period',
  'analytics.painpoints.short_in_period': 'in the period',
  'analytics.painpoints.short_acknowledge_median':
    'from reporting to acknowledging, over those acknowledged in the period',
  'analytics.painpoints.short_resolve_median':
    'from reporting to resolving, over those resolved in the period',
  'analytics.painpoints.how_open':
    'Pain points that are neither resolved nor closed as “won’t fix”, as of now; the period does not change it.',
  'analytics.painpoints.how_acknowledged':
    'Pain points that first left the status “new” in the period (acknowledged, or straight on to another status).',
  'analytics.painpoints.how_resolved':
    'Pain points closed as resolved in the period. “Won’t fix” closes a pain point but does not count as resolved.',
  'analytics.painpoints.how_acknowledge_median':
    'From the post that reported it to leaving “new”, over the pain points acknowledged in the period; the median by the nearest rank (the times sorted, the one at rank ⌈n / 2⌉), in calendar hours.',
  'analytics.painpoints.how_resolve_median':
    'From the post that reported it to being resolved, over the pain points resolved in the period; the median by the nearest rank, in calendar hours.',
  'analytics.painpoints.how_per_month':
    'Pain points resolved in each calendar month (UTC) of the period; months cut by the period count only their days in it.',
  'analytics.painpoints.how_by_department':
    'The department a pain point was reported for: its author’s department at the time, or the one chosen for an anonymous one. Pain points only count where you may read their post (administrators: all), and with a group filter only that group’s.',
  'analytics.painpoints.how_privacy':
    'Each figure rests on the different people who reported the pain points behind it; each anonymous pain point counts as one reporter. A figure resting on fewer than {k} is hidden, and as many more as it takes that none can be worked out from the totals; a median is hidden when fewer than {k} reporters stand behind it.',
} as const;

export const anonymousDe: Record<keyof typeof anonymousEn, string> = {
  'painpoints.anon.author': 'Anonym',
  'painpoints.anon.title': 'Ärgernis anonym melden',
  'painpoints.anon.intro':
    'Etwas behindert die Arbeit, aber der eigene Name soll nicht daneben stehen? Hier ist der Platz dafür. Eine Moderation prüft den Text, danach erscheint er wie jedes andere Ärgernis auf dem Board, verfasst von „Anonym“.',
  'painpoints.anon.nav_label': 'Ärgernisse',
  'painpoints.anon.nav_board': 'Board',
  'painpoints.anon.nav_form': 'Anonym melden',
  'painpoints.anon.nav_mine': 'Meine wartenden Meldungen',
  'painpoints.anon.how_title': 'Was „anonym“ hier heißt',
  'painpoints.anon.how_name':
    'Niemand sieht den Namen der meldenden Person: weder Kolleginnen und Kollegen noch die Leitung der Abteilung noch die Moderation, die den Text prüft.',
  'painpoints.anon.how_kept':
    'Solange der Text auf die Moderation wartet, vermerkt die Datenbank, von wem er stammt. Nur damit lässt er sich unter „Meine wartenden Meldungen“ ansehen und zurückziehen, und nur damit gilt die Grenze von {max} wartenden Texten pro Person. Keine Seite und keine Schnittstelle zeigt diesen Vermerk jemand anderem, auch nicht der Moderation.',
  'painpoints.anon.how_cleared':
    'Sobald die Moderation den Text veröffentlicht oder ablehnt, wird der Vermerk im selben Schritt gelöscht. Ab dann kann niemand mehr erkennen, von wem er stammt, auch die meldende Person selbst nicht. Deshalb gibt es keine Benachrichtigung über die Entscheidung, und der Text verschwindet aus der eigenen Liste.',
  'painpoints.anon.how_withdraw':
    'Wird der Text zurückgezogen, solange er wartet, wird er zusammen mit dem Vermerk gelöscht.',
  'painpoints.anon.how_published':
    'Veröffentlicht ist er ein Beitrag von „Anonym“ in der gewählten Gruppe (oder für alle) und ein Ärgernis der gewählten Abteilung. Enthält der Text keinen Ärgernis-Hashtag, wird {tag} angefügt.',
  'painpoints.anon.how_traces':
    'Auch die eigenen Worte können verraten, wer schreibt: Einzelheiten, die nur eine Person kennt, besser weglassen. Eine kleine Abteilung oder Gruppe grenzt ein, wer es gewesen sein kann.',
  'painpoints.anon.how_abuse':
    'Missbrauch der Anonymität, etwa um jemanden zu beleidigen, kann wie jeder Beitrag gemeldet werden, und die Administration kann ihn entfernen.',
  'painpoints.anon.how_more': 'Mehr dazu, was gespeichert wird',
  'painpoints.anon.how_moderators':
    'Die Moderation übernehmen die Administratorinnen und Administratoren; den Text lesen sie vor der Veröffentlichung, auch wenn er für eine private Gruppe gedacht ist, der sie nicht angehören. Abteilung, Gruppe und den Tag der Meldung sehen sie, nie aber, wer gemeldet hat.',
  'painpoints.anon.how_stored':
    'Nach der Entscheidung bleiben gespeichert: der Text, die Abteilung, die Gruppe, der Tag der Meldung, die Entscheidung mit ihrer Begründung und wer entschieden hat. Nicht gespeichert bleiben: wer gemeldet hat und die genaue Uhrzeit der Meldung.',
  'painpoints.anon.how_log':
    'Wie jeder Seitenaufruf kann das Absenden dieses Formulars mit Uhrzeit und Netzwerkadresse im technischen Protokoll des Servers stehen, aber ohne den Text und ohne das Benutzerkonto.',
  'painpoints.anon.body_label': 'Worin besteht das Ärgernis?',
  'painpoints.anon.body_hint':
    'Bis zu 10.000 Zeichen. Formatierung, #Hashtags und @Erwähnungen funktionieren wie in einem Beitrag.',
  'painpoints.anon.department_label': 'Betroffene Abteilung',
  'painpoints.anon.department_hint':
    'Ihre Leitung erfährt davon und kann eine verantwortliche Person festlegen. Wird beim Ärgernis angezeigt.',
  'painpoints.anon.no_department': 'Keine Abteilung',
  'painpoints.anon.group_label': 'Wo es veröffentlicht wird',
  'painpoints.anon.group_hint': 'Für alle oder in einer Gruppe, der man angehört.',
  'painpoints.anon.org_wide': 'Alle (ganze Organisation)',
  'painpoints.anon.no_notification':
    'Über die Entscheidung gibt es keine Benachrichtigung: Danach verbindet nichts mehr den Text mit der meldenden Person. Wird er veröffentlicht, steht er auf dem Board.',
  'painpoints.anon.send': 'Zur Moderation senden',
  'painpoints.anon.sent':
    'Gesendet. Die Meldung wartet auf die Moderation; bis dahin lässt sie sich hier ansehen und zurückziehen.',
  'painpoints.anon.too_many':
    'Es warten bereits {max} Meldungen auf die Moderation. Bitte eine Entscheidung abwarten oder eine Meldung zurückziehen.',
  'painpoints.anon.unknown_department': 'Bitte eine Abteilung aus der Liste wählen',
  'painpoints.anon.not_member': 'Bitte „Alle“ oder eine Gruppe wählen, der man angehört',
  'painpoints.anon.mine_title': 'Meine wartenden Meldungen',
  'painpoints.anon.mine_intro':
    'Die eigenen anonymen Meldungen, die auf die Moderation warten. Ist über eine entschieden, verschwindet sie aus dieser Liste: Ab dann ist sie mit niemandem mehr verbunden, daher gibt es auch keine Benachrichtigung. Eine veröffentlichte Meldung steht auf dem Board, verfasst von „Anonym“.',
  'painpoints.anon.mine_none': 'Nichts wartet.',
  'painpoints.anon.sent_on': 'Gesendet {date}',
  'painpoints.anon.withdraw': 'Zurückziehen und löschen',
  'painpoints.anon.withdrawn': 'Zurückgezogen. Der Text ist gelöscht.',

  'painpoints.moderation.title': 'Moderation anonymer Ärgernisse',
  'painpoints.moderation.intro':
    'Anonym gesendete Texte, die ältesten zuerst. Als Beitrag von „Anonym“ veröffentlichen oder mit Begründung ablehnen. Wer einen Text gesendet hat, steht hier nicht; die Entscheidung löscht die letzte Spur davon, und die meldende Person wird nicht benachrichtigt.',
  'painpoints.moderation.none': 'Nichts wartet auf die Moderation.',
  'painpoints.moderation.sent_on': 'Gesendet am {date}',
  'painpoints.moderation.in_group': 'an {group} ({visibility})',
  'painpoints.moderation.public_group': 'öffentliche Gruppe',
  'painpoints.moderation.private_group': 'private Gruppe',
  'painpoints.moderation.secret_group': 'geheime Gruppe',
  'painpoints.moderation.approve': 'Veröffentlichen',
  'painpoints.moderation.reject': 'Ablehnen',
  'painpoints.moderation.reason_label': 'Grund der Ablehnung',
  'painpoints.moderation.reason_hint':
    'Wird mit der Entscheidung gespeichert; die meldende Person sieht ihn nicht.',
  'painpoints.moderation.reject_send': 'Ablehnen',
  'painpoints.moderation.approved': 'Als Ärgernis von „Anonym“ veröffentlicht.',
  'painpoints.moderation.rejected': 'Abgelehnt.',
  'painpoints.moderation.already_decided':
    'Über diesen Text ist bereits entschieden, oder er wurde zurückgezogen.',

  'painpoints.notify.new': '{actor} hat ein Ärgernis gemeldet',
  'painpoints.notify.new_anonymous': 'Ein Ärgernis wurde anonym gemeldet',
  'painpoints.notify.assigned': 'Neue Verantwortung: {actor} hat ein Ärgernis zugewiesen',
  'painpoints.notify.status': '{actor} hat den Status eines Ärgernisses geändert',
  'painpoints.notify.stale': 'Ein Ärgernis hat seit 14 Tagen keinen neuen Status',

  'analytics.painpoints.title': 'Ärgernisse',
  'analytics.painpoints.intro':
    'Wie Ärgernisse aufgegriffen werden: jetzt offen, im Zeitraum bestätigt und gelöst, nach Abteilung. Eine Zahl, hinter der weniger als {k} meldende Personen stehen, erscheint als „weniger als {k}“.',
  'analytics.painpoints.open': 'Offene Ärgernisse',
  'analytics.painpoints.acknowledged': 'Bestätigt',
  'analytics.painpoints.resolved': 'Gelöst',
  'analytics.painpoints.acknowledge_median': 'Zeit bis zur Bestätigung, Median',
  'analytics.painpoints.resolve_median': 'Zeit bis zur Lösung, Median',
  'analytics.painpoints.per_month': 'Gelöst pro Monat',
  'analytics.painpoints.by_department': 'Ärgernisse nach Abteilung',
  'analytics.painpoints.department': 'Abteilung',
  'analytics.painpoints.no_department': 'Keine Abteilung',
  'analytics.painpoints.total': 'Alle Abteilungen',
  'analytics.painpoints.none': 'keine',
  'analytics.painpoints.no_pain_points': 'Keine Ärgernisse in dieser Ansicht.',
  'analytics.painpoints.privacy': 'Schwelle für den Datenschutz',
  'analytics.painpoints.short_open': 'jetzt, unabhängig vom Zeitraum',
  'analytics.painpoints.short_in_period': 'im Zeitraum',
  'analytics.painpoints.short_acknowledge_median':
    'von der Meldung bis zur Bestätigung, über die im Zeitraum bestätigten',
  'analytics.painpoints.short_resolve_median':
    'von der Meldung bis zur Lösung, über die im Zeitraum gelösten',
  'analytics.painpoints.how_open':
    'Ärgernisse, die weder gelöst noch als „wird nicht behoben“ geschlossen sind, mit dem heutigen Stand; der Zeitraum ändert nichts daran.',
  'analytics.painpoints.how_acknowledged':
    'Ärgernisse, die im Zeitraum zum ersten Mal den Status „neu“ verlassen haben (bestätigt oder gleich in einen anderen Status).',
  'analytics.painpoints.how_resolved':
    'Ärgernisse, die im Zeitraum als gelöst geschlossen wurden. „Wird nicht behoben“ schließt ein Ärgernis, zählt aber nicht als gelöst.',
  'analytics.painpoints.how_acknowledge_median':
    'Vom meldenden Beitrag bis zum Verlassen von „neu“, über die im Zeitraum bestätigten Ärgernisse; der Median nach dem Rangverfahren (die Zeiten sortiert, die an Rang ⌈n / 2⌉), in Kalenderstunden.',
  'analytics.painpoints.how_resolve_median':
    'Vom meldenden Beitrag bis zur Lösung, über die im Zeitraum gelösten Ärgernisse; der Median nach dem Rangverfahren, in Kalenderstunden.',
  'analytics.painpoints.how_per_month':
    'Im jeweiligen Kalendermonat (UTC) des Zeitraums gelöste Ärgernisse; angeschnittene Monate zählen nur mit ihren Tagen im Zeitraum.',
  'analytics.painpoints.how_by_department':
    'Die Abteilung, für die ein Ärgernis gemeldet wurde: die Abteilung der meldenden Person zu diesem Zeitpunkt, bei anonymen die gewählte. Es zählen nur Ärgernisse, deren Beitrag sichtbar ist (für die Administration alle), mit Gruppenfilter nur die dieser Gruppe.',
  'analytics.painpoints.how_privacy':
    'Jede Zahl beruht auf den verschiedenen Personen, die die Ärgernisse dahinter gemeldet haben; jedes anonyme Ärgernis zählt als eine meldende Person. Beruht eine Zahl auf weniger als {k}, wird sie verborgen, und so viele weitere, dass sich keine aus den Summen errechnen lässt; ein Median wird verborgen, wenn weniger als {k} meldende Personen dahinter stehen.',
};
