/** Analytics, value: English and German messages (spread into the catalogues in ../en.ts and ../de.ts). */
export const valueEn = {
  'analytics.value.title': 'Value for the organisation',
  'analytics.value.intro':
    'What the network saves, in hours and money, set against what it costs. The value model below says how many hours an answered question, a reused document and a success story save; adjust it to your organisation. These are totals of the whole organisation, never figures about anyone, so no minimum number of people applies.',
  'analytics.value.limited':
    'Counted for you: content posted organisation-wide and in the groups you may see.',
  'analytics.value.result_title': 'Result from {from} to {to}',
  'analytics.value.answered': 'Answered questions',
  'analytics.value.reused': 'Reused documents',
  'analytics.value.stories': 'Success stories',
  'analytics.value.hours': 'Hours saved',
  'analytics.value.money': 'Money saved',
  'analytics.value.cost': 'Platform cost',
  'analytics.value.roi': 'Return on investment (ROI)',
  'analytics.value.how_answered':
    'Questions whose first answer (by someone other than the asker) came in the period.',
  'analytics.value.how_reused':
    'Documents downloaded by someone outside the author’s teams, or attached to a post in another group; each reuse counts once.',
  'analytics.value.how_stories':
    'Posts written in the period with a hashtag an admin marked as “success story”; a post counts once.',
  'analytics.value.formula_hours':
    '{answered} answered questions × {perAnswer} h + {reused} reused documents × {perReuse} h + {stories} success stories × {perStory} h = {hours} h',
  'analytics.value.formula_money': '{hours} h × {hourCost} per hour = {money}',
  'analytics.value.formula_cost':
    '{monthly} per month × {days} days ÷ {daysPerMonth} days per month = {cost}',
  'analytics.value.formula_roi': '({money} − {cost}) ÷ {cost} = {roi}',
  'analytics.value.roi_none': 'No ROI: in this model the platform costs nothing.',
  'analytics.value.how_cost':
    'A month is 365.25 ÷ 12 = 30.44 days, so every period is priced by its days.',
  'analytics.value.chart_inputs': 'Answered questions, reused documents and success stories',
  'analytics.value.chart_money': 'Money saved and platform cost',
  'analytics.value.model_title': 'Value model',
  'analytics.value.model_intro':
    'How many hours each item saves and what an hour costs. 0.25 hours per answered question follows the research behind Microsoft Viva Engage’s “time saved”.',
  'analytics.value.model_admin_only': 'Only admins can change the value model.',
  'analytics.value.field_hours_per_answer': 'Hours saved per answered question',
  'analytics.value.hint_hours_per_answer':
    'Default 0.25: a quarter of an hour of searching or asking around.',
  'analytics.value.field_hours_per_reuse': 'Hours saved per reused document',
  'analytics.value.hint_hours_per_reuse': 'Default 0.5: a document that need not be written again.',
  'analytics.value.field_hours_per_story': 'Hours saved per success story',
  'analytics.value.hint_hours_per_story': 'Default 2: an approach others can copy.',
  'analytics.value.field_hour_cost': 'Cost of an hour of work',
  'analytics.value.hint_hour_cost': 'Default 65, including overheads.',
  'analytics.value.field_currency': 'Currency',
  'analytics.value.hint_currency': 'Three-letter code such as EUR or CHF.',
  'analytics.value.field_monthly_cost': 'Platform cost per month',
  'analytics.value.hint_monthly_cost': 'Licences, hosting and support; default 400.',
  'analytics.value.model_saved': 'The value model is saved.',
  'analytics.value.not_a_number': 'Enter a number, such as 0.25 or 0,25.',
  'analytics.value.range': 'Enter a number from 0 to {max}.',
  'analytics.value.range_positive': 'Enter a number greater than 0 and at most {max}.',
  'analytics.value.bad_currency': 'Enter a currency code such as EUR.',
  'analytics.value.period_col': 'Period',
  'analytics.value.days_col': 'Days',
};

export const valueDe: Record<keyof typeof valueEn, string> = {
  'analytics.value.title': 'Nutzen für das Unternehmen',
  'analytics.value.intro':
    'Was das Netzwerk an Stunden und Geld spart, verglichen mit dem, was es kostet. Das Nutzenmodell unten legt fest, wie viele Stunden eine beantwortete Frage, ein wiederverwendetes Dokument und eine Erfolgsgeschichte sparen; passen Sie es an Ihr Unternehmen an. Es sind Summen für das ganze Unternehmen, nie Zahlen über einzelne Personen – deshalb gilt hier keine Mindestzahl von Personen.',
  'analytics.value.limited':
    'Für Sie gezählt: Inhalte, die unternehmensweit oder in Gruppen geteilt wurden, die Sie sehen dürfen.',
  'analytics.value.result_title': 'Ergebnis vom {from} bis {to}',
  'analytics.value.answered': 'Beantwortete Fragen',
  'analytics.value.reused': 'Wiederverwendete Dokumente',
  'analytics.value.stories': 'Erfolgsgeschichten',
  'analytics.value.hours': 'Gesparte Stunden',
  'analytics.value.money': 'Gespartes Geld',
  'analytics.value.cost': 'Kosten der Plattform',
  'analytics.value.roi': 'Rendite (ROI)',
  'analytics.value.how_answered':
    'Fragen, deren erste Antwort (von jemand anderem als der fragenden Person) im Zeitraum kam.',
  'analytics.value.how_reused':
    'Dokumente, die jemand außerhalb der Teams der Autorin oder des Autors heruntergeladen oder an einen Beitrag in einer anderen Gruppe gehängt hat; jede Wiederverwendung zählt einmal.',
  'analytics.value.how_stories':
    'Beiträge aus dem Zeitraum mit einem Hashtag, den ein Admin als „Erfolgsgeschichte“ markiert hat; ein Beitrag zählt einmal.',
  'analytics.value.formula_hours':
    '{answered} beantwortete Fragen × {perAnswer} h + {reused} wiederverwendete Dokumente × {perReuse} h + {stories} Erfolgsgeschichten × {perStory} h = {hours} h',
  'analytics.value.formula_money': '{hours} h × {hourCost} pro Stunde = {money}',
  'analytics.value.formula_cost':
    '{monthly} pro Monat × {days} Tage ÷ {daysPerMonth} Tage pro Monat = {cost}',
  'analytics.value.formula_roi': '({money} − {cost}) ÷ {cost} = {roi}',
  'analytics.value.roi_none': 'Keine Rendite: In diesem Modell kostet die Plattform nichts.',
  'analytics.value.how_cost':
    'Ein Monat hat 365,25 ÷ 12 = 30,44 Tage; so wird jeder Zeitraum nach seinen Tagen berechnet.',
  'analytics.value.chart_inputs':
    'Beantwortete Fragen, wiederverwendete Dokumente und Erfolgsgeschichten',
  'analytics.value.chart_money': 'Gespartes Geld und Kosten der Plattform',
  'analytics.value.model_title': 'Nutzenmodell',
  'analytics.value.model_intro':
    'Wie viele Stunden jedes Element spart und was eine Stunde kostet. 0,25 Stunden je beantworteter Frage folgt der Studie hinter „Time saved“ in Microsoft Viva Engage.',
  'analytics.value.model_admin_only': 'Nur Admins können das Nutzenmodell ändern.',
  'analytics.value.field_hours_per_answer': 'Gesparte Stunden je beantworteter Frage',
  'analytics.value.hint_hours_per_answer':
    'Voreinstellung 0,25: eine Viertelstunde Suchen oder Herumfragen.',
  'analytics.value.field_hours_per_reuse': 'Gesparte Stunden je wiederverwendetem Dokument',
  'analytics.value.hint_hours_per_reuse':
    'Voreinstellung 0,5: ein Dokument, das nicht neu geschrieben werden muss.',
  'analytics.value.field_hours_per_story': 'Gesparte Stunden je Erfolgsgeschichte',
  'analytics.value.hint_hours_per_story': 'Voreinstellung 2: ein Vorgehen, das andere übernehmen.',
  'analytics.value.field_hour_cost': 'Kosten einer Arbeitsstunde',
  'analytics.value.hint_hour_cost': 'Voreinstellung 65, mit Gemeinkosten.',
  'analytics.value.field_currency': 'Währung',
  'analytics.value.hint_currency': 'Dreibuchstabiger Code wie EUR oder CHF.',
  'analytics.value.field_monthly_cost': 'Kosten der Plattform pro Monat',
  'analytics.value.hint_monthly_cost': 'Lizenzen, Betrieb und Betreuung; Voreinstellung 400.',
  'analytics.value.model_saved': 'Das Nutzenmodell ist gespeichert.',
  'analytics.value.not_a_number': 'Geben Sie eine Zahl ein, etwa 0,25.',
  'analytics.value.range': 'Geben Sie eine Zahl von 0 bis {max} ein.',
  'analytics.value.range_positive': 'Geben Sie eine Zahl größer als 0 und höchstens {max} ein.',
  'analytics.value.bad_currency': 'Geben Sie einen Währungscode wie EUR ein.',
  'analytics.value.period_col': 'Zeitraum',
  'analytics.value.days_col': 'Tage',
};
