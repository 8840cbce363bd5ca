// Texts for the demo's year of use (demo.year.ts): short German posts, questions with their
// answers, comments, and the milestones of the story. Placeholders in braces ({kunde}, {stadt},
// …) are filled from WORDS, so that templates repeat with different details. Customers, places
// and products are invented or generic.

/** The teams that piloted Kantine during the first three months. */
export const PILOT_GROUPS: readonly string[] = ['support', 'projekte'];

/** The day (from the start of the year) on which every department joined. */
export const ROLLOUT_DAY = 88;

/** The campaign of the year: four weeks of ideas, from CAMPAIGN_DAY on. */
export const CAMPAIGN_TAG = 'ideenwerkstatt';
export const CAMPAIGN_DAY = 205;
export const CAMPAIGN_DAYS = 28;

/** The meanings the demo's admins gave to hashtags (settings → hashtags). */
export const TAG_MEANINGS: readonly (readonly [
  string,
  'success_story' | 'customer_voice' | 'pain_point' | 'campaign',
])[] = [
  ['intranetarbeiten', 'success_story'],
  ['wasderkundefindet', 'customer_voice'],
  ['ärger', 'pain_point'],
  [CAMPAIGN_TAG, 'campaign'],
];

/** Each person's own team, by department (departments without one post org-wide). */
export const DEPARTMENT_TEAM: Readonly<Record<string, string>> = {
  Vertrieb: 'vertrieb',
  Projekte: 'projekte',
  Support: 'support',
  Entwicklung: 'entwicklung',
  HR: 'hr',
};

/** Departments that talk to customers and so report their voices. */
export const CUSTOMER_FACING: readonly string[] = [
  'Vertrieb',
  'Projekte',
  'Support',
  'Marketing',
  'Geschäftsführung',
];

export const WORDS: Readonly<Record<string, readonly string[]>> = {
  kunde: [
    'Stadtwerke Elbtal',
    'Klinikum Nordheide',
    'Hansa Logistik',
    'Möbelhaus Sander',
    'Landratsamt Vorpommern',
    'Brauerei Kühn',
    'Stadtwerke Wurzen',
    'Reederei Hollmann',
    'Kreissparkasse Uelzen',
    'Ostsee Ferienparks',
    'Sächsische Gießerei',
    'Amt Schwarzenbek',
    'Elbe-Kliniken Verbund',
    'Spedition Lorenzen',
  ],
  stadt: [
    'Hamburg',
    'Leipzig',
    'Lüneburg',
    'Kiel',
    'Dresden',
    'Halle',
    'Stade',
    'Chemnitz',
    'Cuxhaven',
    'Schwerin',
  ],
  tool: ['Teams', 'SharePoint', 'Outlook', 'Excel', 'OneNote', 'Planner', 'Forms'],
  thema: [
    'Firewall-Tausch',
    'WLAN-Ausleuchtung',
    'M365-Migration',
    'Backup-Konzept',
    'Druckerumstellung',
    'Citrix-Ablösung',
    'Netzwerksegmentierung',
    'Telefonanlage',
    'MDM-Einführung',
    'Server-Virtualisierung',
  ],
  produkt: ['FortiGate', 'Aruba-Switches', 'Veeam', 'Intune', 'Sophos', 'HPE-Server', 'Nutanix'],
  wochentag: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'],
  bereich: ['Support', 'Vertrieb', 'Projektteam', 'Entwicklung', 'Einkauf', 'Marketing'],
  og: ['2.', '3.', '4.'],
};

/** Posts in the teams' own groups, by group key. */
export const TEAM_POSTS: Readonly<Record<string, readonly string[]>> = {
  vertrieb: [
    'Angebot für {kunde} ist raus: {thema}, Laufzeit drei Jahre. Danke an alle, die Zahlen geliefert haben! #angebot',
    'Termin bei {kunde} in {stadt} war gut. Entscheidung bis Ende des Quartals, Thema {thema}.',
    'Wer hat nächste Woche Zeit für eine Vorführung {produkt} in {stadt}?',
    'Ausschreibung von {kunde} ist veröffentlicht: {thema}, Abgabe in {zahl} Wochen. Unterlagen liegen in der Gruppe. #angebot',
    'Pipeline-Update: {zahl} offene Angebote, zwei davon mit guten Chancen. Details im Vertriebsmeeting am {wochentag}.',
    '{kunde} verlängert den Wartungsvertrag um zwei Jahre. 🎉',
    'Preisänderung bei {produkt} ab nächstem Monat: laufende Angebote bitte noch diese Woche verschicken.',
    'Messe-Nachlese: gute Gespräche mit drei Stadtwerken, die Kontakte sind im CRM.',
    'Bei Angeboten zu {thema} bitte früh die Projekte einbinden – das spart uns die Nachkalkulation. #angebot',
    '{kunde} möchte eine Referenz für {thema}. Wer hat einen zufriedenen Kunden in der Nähe von {stadt}?',
  ],
  projekte: [
    'Projektstart bei {kunde}: {thema}. Kick-off am {wochentag} in {stadt}. #kundenprojekt',
    'Abnahme bei {kunde} erfolgreich, {thema} ist in Betrieb. Danke ans Team! #kundenprojekt',
    'Statusampel {kunde}: gelb. Lieferverzug bei {produkt}, neuer Termin in {zahl} Tagen.',
    'Lessons Learned aus {thema} bei {kunde}: den Netzplan vorher mit dem Kunden durchgehen, nicht erst vor Ort.',
    'Brauche am {wochentag} jemanden mit Erfahrung in {produkt} für einen halben Tag in {stadt}.',
    'Ressourcenplanung für nächsten Monat: Wir sind zu {prozent} % verplant. Neue Projekte bitte früh melden.',
    'Migrationswochenende bei {kunde} ist durch, alle Systeme laufen. Ich gehe jetzt schlafen. 😴',
    'Die neue Version der Projektcheckliste liegt im Wiki, bitte ab sofort diese nehmen.',
    'Rollout {thema} bei {kunde}: {zahl} von 12 Standorten umgestellt. #kundenprojekt',
    'Übergabe an den Support für {kunde} ist vorbereitet, Doku liegt im Projektordner.',
  ],
  support: [
    'Störung bei {kunde} behoben: {produkt} hatte nach dem Update die Konfiguration verloren. Wissensartikel folgt.',
    'Ticketstand heute: {zahl}0 offen, davon drei mit Priorität 1. Danke für euren Einsatz!',
    'Hinweis: {produkt}-Update ab {wochentag} ausrollen, vorher die Konfiguration sichern.',
    'Neuer Wissensartikel zu {thema} ist online. Spart beim nächsten Anruf bestimmt zehn Minuten.',
    'Bereitschaft am Wochenende: Bitte tragt euch bis {wochentag} in den Plan ein.',
    '{kunde} hat gelobt, wie schnell wir am {wochentag} reagiert haben. Weiter so!',
    'Achtung Phishing: Mehrere Kunden melden gefälschte Rechnungsmails. Bitte Kunden aktiv warnen. #sicherheit',
    'Der Schichtplan für nächsten Monat steht. Tauschwünsche bitte bis {wochentag}.',
    'Ticket {ticket} ({kunde}) ist gelöst: Das Zertifikat war abgelaufen. Das Monitoring prüft das jetzt.',
    'Wartungsfenster bei {kunde} am {wochentag} ab 20 Uhr, Rufbereitschaft ist informiert.',
  ],
  entwicklung: [
    'Neue Version der Ticket-Integration ist live: Anhänge werden jetzt mit übertragen.',
    'Code-Review für die Schnittstelle zu {kunde} bitte bis {wochentag}.',
    'Das Skript für die Lizenzauswertung läuft jetzt jede Nacht, Ergebnis liegt im SharePoint.',
    'Sprint-Review am {wochentag}: Monitoring-Dashboard, Export für die Buchhaltung, Bugfixes.',
    'Wir stellen die Build-Pipeline um. Heute Nachmittag kann es Verzögerungen geben.',
    'Die Automatisierung fürs Anlegen neuer Konten ist fertig: spart pro Neuzugang etwa eine Stunde.',
    'Techtalk am {wochentag}: Infrastruktur als Code. Alle willkommen, auch ohne Vorwissen.',
    'Fehler in der Zeiterfassungs-Integration behoben. Bitte die Buchungen von gestern einmal prüfen.',
  ],
  hr: [
    'Willkommen an Bord: Ab {wochentag} verstärkt uns jemand Neues im Bereich {bereich}. Sagt gern Hallo! #onboarding',
    'Die Anmeldung für die Weiterbildungen im nächsten Halbjahr ist offen. #weiterbildung',
    'Erinnerung: Urlaubsanträge für die Sommerferien bitte bis Monatsende einreichen.',
    'Erste-Hilfe-Kurs in {stadt} am {wochentag}, noch {zahl} Plätze frei.',
    'Wir suchen Verstärkung im Bereich {bereich}. Kennt ihr jemanden? Die Empfehlungsprämie gilt weiter. #recruiting',
    'Der Leitfaden für Mitarbeitergespräche ist überarbeitet und liegt im Personalordner.',
    'Termine beim Betriebsarzt in {stadt} am {wochentag}, bitte im Kalender eintragen.',
  ],
};

/** Posts in the communities, by group key. */
export const COMMUNITY_POSTS: Readonly<Record<string, readonly string[]>> = {
  m365: [
    'Tipp: In Teams schaltet Strg+Umschalt+M das Mikrofon stumm. Rettet Meetings. #m365',
    'Wusstet ihr, dass Outlook Mails zeitversetzt senden kann? Pfeil neben „Senden“. #m365',
    'Kurzanleitung: Dateien in Teams mit externen Partnern teilen, ohne gleich alles freizugeben. #m365',
    'Planner statt Excel-Liste: Wir haben umgestellt und wollen nicht mehr zurück. #m365',
    '{tool} bekommt nächsten Monat ein Update, die Oberfläche ändert sich leicht. #m365',
    'Sprechstunde am Donnerstag: Thema diesmal {tool}. Fragen gern vorab hier. #m365',
    'Tipp: In Excel macht Strg+T aus einer Liste eine Tabelle. Filter und Formeln wachsen mit. #m365',
    'Forms ersetzt bei uns jetzt die Papier-Umfrage zur Weihnachtsfeier. #m365',
  ],
  kaffee: [
    'Kuchen im {og} OG! Wer zuerst kommt … 🍰 #kaffee',
    'Fundsache: ein blauer Regenschirm im Besprechungsraum Elbe. Abholen am Empfang.',
    'Wer hat Lust auf Mittagessen beim neuen Vietnamesen um die Ecke? {wochentag}, 12 Uhr.',
    'Die Kaffeemaschine in {stadt} ist entkalkt und läuft wieder. ☕ #kaffee',
    'Feierabendrunde am {wochentag}: Boule im Park, Anfänger willkommen.',
    'Wer hat meine Dose mit dem grünen Deckel gesehen? Vermisse sie seit {wochentag}. 😢',
    'Kicker-Turnier Hamburg gegen Leipzig: Anmeldung bis {wochentag}. ⚽',
    'Der Obstkorb ist aufgefüllt. Die Bananen sind diesmal wirklich gelb. 🍌',
    'Laufgruppe: {wochentag} 17:30 Uhr am Eingang, 5 km gemütlich. 🏃',
    'Danke für die Blumen zum Geburtstag! 💐',
  ],
  fahrrad: [
    'Die Route über die Elbchaussee ist wieder frei. 🚲',
    'Platten am {wochentag} – danke fürs Flickzeug aus dem Fahrradkeller!',
    'Der JobRad-Antrag ist jetzt komplett digital und dauert zehn Minuten. #jobrad',
    'Wer fährt mit zur Feierabendtour am letzten Freitag im Monat?',
    'Im Fahrradkeller in Leipzig gibt es jetzt eine Luftpumpe und Ladesteckdosen für E-Bikes.',
    'Empfehlung für eine Regenhose gesucht, meine hat nach zwei Wintern aufgegeben.',
  ],
};

/** Org-wide posts, by the author's department. */
export const ORG_POSTS: Readonly<Record<string, readonly string[]>> = {
  Geschäftsführung: [
    'Die Quartalszahlen sind da: Umsatz leicht über Plan, Auftragseingang stark. Danke an alle! Details bei der Betriebsversammlung am {wochentag}.',
    'Ich war diese Woche bei {kunde} in {stadt}. Das Feedback zu unseren Technikern war hervorragend.',
    'Bitte vormerken: Strategietag im nächsten Monat. Themen dürft ihr gern hier vorschlagen.',
    'Leipzig wächst weiter: Wir haben zusätzliche Büroflächen im 3. OG angemietet.',
  ],
  Marketing: [
    'Der Kundennewsletter für diesen Monat ist raus, Thema: {thema}. Danke an alle, die zugeliefert haben!',
    'Wir brauchen Fotos aus Projekten für die Website. Wer hat schöne Bilder vom Einsatz bei {kunde}?',
    'Der Messestand für die IT-Fachtage in {stadt} ist gebucht. Wer hilft am Stand mit?',
    'Neue Referenz online: {thema} bei {kunde}. Gern in Angeboten verlinken!',
    'Unser Beitrag über das Team in Leipzig hatte {zahl}000 Aufrufe. Danke fürs Teilen!',
  ],
  Finanzen: [
    'Erinnerung: Reisekostenabrechnungen für den Vormonat bitte bis zum 5. einreichen.',
    'Monatsabschluss: Bitte offene Bestellungen bis {wochentag} im System bestätigen.',
    'Ab dem nächsten Quartal verschicken wir alle Rechnungen als E-Rechnung. Fragen gern an uns.',
    'Die neuen Spesensätze gelten ab dem 1. des Monats, die Übersicht liegt im Finanzordner.',
  ],
  Einkauf: [
    'Lieferengpass bei {produkt}: aktuell {zahl} Wochen Lieferzeit. Bitte in Angeboten einplanen.',
    'Neuer Rahmenvertrag für Notebooks ist abgeschlossen – Bestellungen ab sofort über das Portal.',
    'Bestellungen über 5.000 € bitte immer mit zwei Vergleichsangeboten vorlegen, danke!',
    'Neuer Lieferant für Verbrauchsmaterial in {stadt}: liefert am nächsten Tag.',
  ],
  '*': [
    'Grüße aus {stadt} – heute beim Kunden vor Ort, und die Kantine dort ist fast so gut wie unsere. 😄',
    'Kleiner Hinweis: Der Besprechungsraum Alster ist diese Woche wegen Umbau gesperrt.',
    'Wer fährt am {wochentag} nach {stadt}? Ich bräuchte eine Mitfahrgelegenheit.',
  ],
};

export interface YearQuestion {
  /** A group key, or 'org' for org-wide. */
  where: string;
  q: string;
  /** Answers, the best first. */
  a: readonly string[];
}

export const QUESTIONS: readonly YearQuestion[] = [
  {
    where: 'support',
    q: 'Wie setze ich bei {produkt} das Admin-Passwort zurück, ohne die Konfiguration zu verlieren?',
    a: [
      'Über die Konsole mit dem Wartungsbenutzer, Anleitung im Wissensartikel KB-112. Vorher die Konfiguration sichern!',
      'Hatte ich letzte Woche. Ruf mich kurz an, dann gehen wir es zusammen durch.',
    ],
  },
  {
    where: 'support',
    q: 'Kennt sich jemand mit der Telefonanlage von {kunde} aus? Die Warteschleife spielt keine Musik mehr.',
    a: [
      'Die Ansagedatei wird nach jedem Update zurückgesetzt. In der Verwaltung unter Ansagen neu hochladen.',
      'Liegt bei denen oft am Lizenzserver, einmal neu starten hilft.',
    ],
  },
  {
    where: 'support',
    q: 'Welche Eskalationsstufe gilt bei {kunde} nachts? Im Vertrag finde ich nichts Eindeutiges.',
    a: [
      'Rufbereitschaft Stufe 2, die Nummer steht im Kundenblatt im CRM.',
      'Nachts nur Priorität 1, alles andere am nächsten Morgen.',
    ],
  },
  {
    where: 'support',
    q: 'Wie lange heben wir Logdateien bei Kunden mit Wartungsvertrag auf?',
    a: ['90 Tage, so steht es in der Vorlage zum Wartungsvertrag, Abschnitt 7.'],
  },
  {
    where: 'support',
    q: 'Ticket {ticket}: {produkt} startet nach dem Update in einer Schleife neu. Hatte das schon jemand?',
    a: [
      'Ja, Firmware zurückrollen und das Zwischenupdate zuerst einspielen. Dann klappt es.',
      'Der Hersteller hat dazu einen Hinweis veröffentlicht, ich schicke dir den Link.',
    ],
  },
  {
    where: 'projekte',
    q: 'Gibt es eine Vorlage für den Statusbericht an {kunde}? #kundenprojekt',
    a: [
      'Ja, im Projektordner unter Vorlagen. Die Version mit Ampel ist die aktuelle.',
      'Ich schicke dir meinen letzten Bericht, den kannst du anpassen.',
    ],
  },
  {
    where: 'projekte',
    q: 'Wer hat schon mal {thema} mit {produkt} umgesetzt? Ich brauche eine Aufwandsschätzung.',
    a: [
      'Wir hatten das in {stadt}: etwa zwölf Personentage inklusive Doku.',
      'Plan Puffer für die Abstimmung mit dem Kunden ein, die hat bei uns am längsten gedauert.',
    ],
  },
  {
    where: 'projekte',
    q: 'Wie rechnen wir Reisezeiten bei Festpreisprojekten ab?',
    a: ['Gar nicht gesondert, die sind im Festpreis kalkuliert. Steht im Kalkulationsschema.'],
  },
  {
    where: 'projekte',
    q: 'Darf ich für das Projekt bei {kunde} einen Subunternehmer beauftragen? Wer muss zustimmen?',
    a: [
      'Bis 10.000 € die Bereichsleitung, darüber die Geschäftsführung. Der Einkauf braucht zwei Angebote.',
    ],
  },
  {
    where: 'projekte',
    q: 'Hat jemand ein Muster für eine Abnahmeerklärung mit Restpunkten? #kundenprojekt',
    a: [
      'Ja, Abnahme unter Vorbehalt mit Restpunkteliste und Frist. Liegt im PMO-Handbuch.',
      'Wichtig: Fristen für die Restpunkte immer mit reinschreiben.',
    ],
  },
  {
    where: 'vertrieb',
    q: 'Hat jemand eine Referenz für {thema} in der Gegend um {stadt}?',
    a: [
      '{kunde} wäre bereit, den Kontakt gebe ich dir gern.',
      'Schau in die Referenzliste vom Marketing, da ist auch ein Ansprechpartner dabei.',
    ],
  },
  {
    where: 'vertrieb',
    q: 'Welchen Rabatt darf ich bei {produkt} ohne Rücksprache geben? #angebot',
    a: ['Bis 10 % selbst, darüber bitte mit der Vertriebsleitung abstimmen.'],
  },
  {
    where: 'vertrieb',
    q: 'Wie lange ist unser Angebot standardmäßig gültig? #angebot',
    a: ['Sechs Wochen, bei Hardware wegen der Preise nur vier.'],
  },
  {
    where: 'entwicklung',
    q: 'Welche Node-Version nehmen wir aktuell für die Integrationen?',
    a: ['Die aktuelle LTS, steht in der README der Projektvorlage.'],
  },
  {
    where: 'entwicklung',
    q: 'Hat jemand einen Zugang zur Test-API von {kunde}?',
    a: ['Liegt im Passwortsafe unter Kunden/Test.', 'Frag sonst im Projektteam, die haben ihn.'],
  },
  {
    where: 'entwicklung',
    q: 'Wie bekomme ich Zugriff auf das Monitoring-Dashboard?',
    a: ['Antrag über das Service-Portal, Kategorie Berechtigungen. Wir schalten dich dann frei.'],
  },
  {
    where: 'm365',
    q: 'Wie richte ich in Teams eine Besprechung ein, bei der externe Gäste nicht in der Lobby warten? #m365',
    a: [
      'In den Besprechungsoptionen „Wer kann den Wartebereich umgehen?“ auf „Alle“ stellen.',
      'Geht auch als Standard in den Einstellungen, wenn du das oft brauchst.',
    ],
  },
  {
    where: 'm365',
    q: 'Wo stelle ich in Outlook auf dem Handy die Abwesenheitsnotiz ein? #m365',
    a: ['In der App: Einstellungen → dein Konto → Automatische Antworten.'],
  },
  {
    where: 'm365',
    q: 'Kann man in Excel eine Auswahlliste anlegen, die sich aus einer anderen Tabelle speist? #m365',
    a: [
      'Ja, über Datenüberprüfung → Liste, als Quelle den Tabellenbereich angeben.',
      'Mit einer formatierten Tabelle als Quelle wächst die Liste automatisch mit.',
    ],
  },
  {
    where: 'm365',
    q: 'Wie teile ich einen OneNote-Abschnitt nur mit einer Person? #m365',
    a: ['Geht nur für ganze Notizbücher. Leg dir dafür ein eigenes Notizbuch an.'],
  },
  {
    where: 'm365',
    q: 'Wo landen eigentlich die Aufzeichnungen aus Teams-Besprechungen? #m365',
    a: ['Im OneDrive der Person, die aufgezeichnet hat. Der Link steht im Besprechungschat.'],
  },
  {
    where: 'hr',
    q: 'Gibt es in Sachsen Bildungsurlaub? #weiterbildung',
    a: [
      'Sachsen hat leider keinen, aber es gibt unser internes Weiterbildungsbudget.',
      'Antrag dafür über die Personalabteilung, formlos per Mail reicht.',
    ],
  },
  {
    where: 'hr',
    q: 'Wo finde ich das Formular für die Elternzeit?',
    a: ['Im Personalordner unter Formulare, oder schreib mir, dann schicke ich es dir.'],
  },
  {
    where: 'hr',
    q: 'Bis wann muss ich den Resturlaub aus dem Vorjahr nehmen?',
    a: ['Bis Ende März, danach verfällt er, außer bei Krankheit.'],
  },
  {
    where: 'org',
    q: 'Wer ist für die Parkplätze in {stadt} zuständig?',
    a: ['Der Empfang, dort liegt auch die Warteliste.'],
  },
  {
    where: 'org',
    q: 'Steht der Termin fürs Sommerfest schon fest?',
    a: ['Anfang Juli, die Einladung kommt vom Marketing.', 'Freitagnachmittag, wie letztes Jahr.'],
  },
  {
    where: 'org',
    q: 'Wie bestelle ich ein neues Headset?',
    a: ['Über das Service-Portal, Kategorie Hardware. Das Standardmodell ist in zwei Tagen da.'],
  },
  {
    where: 'org',
    q: 'Lohnt sich für Fahrten nach {stadt} eine BahnCard?',
    a: ['Ab zwei Fahrten im Monat ja, die Finanzen übernehmen die Kosten.'],
  },
  {
    where: 'org',
    q: 'Wo ist der Schlüssel für den Servicewagen in Leipzig?',
    a: ['Im Schlüsselkasten am Empfang, Ausgabe gegen Unterschrift.'],
  },
  {
    where: 'org',
    q: 'Darf ich das VPN auf meinem privaten Rechner einrichten?',
    a: [
      'Nein, private Geräte sind nicht zugelassen. Beantrag bitte ein Notebook über das Service-Portal.',
    ],
  },
  {
    where: 'org',
    q: 'Welche Vorlage nehmen wir für Reisekosten ins Ausland?',
    a: [
      'Die gleiche wie im Inland, nur das Tagegeld nach Land eintragen. Tabelle im Finanzordner.',
    ],
  },
  {
    where: 'org',
    q: 'Wer kennt sich mit {thema} aus? Ein Kunde fragt, ob wir das auch anbieten.',
    a: [
      'Das Projektteam hat das schon mehrfach umgesetzt, frag dort in der Gruppe.',
      'Ja, machen wir. Ich kann beim Termin dabei sein.',
    ],
  },
];

/** Success stories (#intranetarbeiten), each used once; the last belongs to the year's end. */
export const SUCCESS_STORIES: readonly string[] = [
  'Frage zu {thema} morgens gestellt, mittags kam die Antwort aus {stadt}. Früher hätte ich drei Mails geschrieben. #intranetarbeiten',
  'Das Angebot für {kunde} haben wir mit der Vorlage aus dem Support in zwei statt fünf Tagen geschafft. #intranetarbeiten',
  'Dank der Checkliste aus der Gruppe Projekte lief der Projektstart bei {kunde} ohne Rückfragen. Geschätzt {stunden} Stunden gespart. #intranetarbeiten',
  'Jemand aus Leipzig hat mein Problem mit {produkt} gelöst, bevor ich das Ticket fertig hatte. #intranetarbeiten',
  'Die Störung bei {kunde} hatten wir schon einmal – der Wissensartikel hier hat uns {stunden} Stunden Fehlersuche erspart. #intranetarbeiten',
  'Unsere neue Kollegin im Vertrieb hat sich die Referenzen in einer Woche selbst zusammengesucht. Früher hat das zwei Wochen gedauert. #intranetarbeiten',
  'Statt Rundmail an alle: eine Frage hier, drei Antworten in einer Stunde. #intranetarbeiten',
  'Ausschreibung von {kunde} gewonnen – die passende Referenz kam über Kantine aus Leipzig. 🎉 #intranetarbeiten',
  'Die Anfrage an den Einkauf zu {produkt} war in 20 Minuten geklärt, weil jemand die gleiche Frage schon gestellt hatte. #intranetarbeiten',
  'Onboarding-Checkliste aus der Personalgruppe übernommen – unser neuer Azubi konnte am ersten Tag loslegen. #intranetarbeiten',
  'Das Skript aus der Entwicklung spart uns im Support jede Woche {stunden} Stunden Nachpflegen. #intranetarbeiten',
  '{kunde} hat sich über die schnelle Rückmeldung gefreut – die Antwort kam aus einem ganz anderen Team. #intranetarbeiten',
  'Die Präsentation für den Kundentermin habe ich aus drei Vorlagen im Dokumentenregal gebaut: eine Stunde statt einem Tag. #intranetarbeiten',
  'Ein Jahr Kantine: Fragen werden inzwischen meist in wenigen Stunden beantwortet. Danke an alle, die mitmachen! #intranetarbeiten',
];

export const CUSTOMER_VOICES: readonly string[] = [
  '{kunde}: „Ihr Techniker war pünktlich und hat alles erklärt.“ Schönes Feedback für das Team in {stadt}. #wasderkundefindet',
  'Feedback von {kunde}: Unsere Rechnungen sind schwer zu lesen. Das sollten wir ernst nehmen. #wasderkundefindet',
  '{kunde} wünscht sich ein monatliches Kurz-Reporting statt des Quartalsberichts. #wasderkundefindet',
  'Kundenbefragung {kunde}: Reaktionszeit top, Erreichbarkeit am Freitagnachmittag ausbaufähig. #wasderkundefindet',
  '„Endlich ein Dienstleister, der zurückruft.“ – O-Ton {kunde}. 😊 #wasderkundefindet',
  '{kunde} findet unser Angebot zu {thema} gut, aber zu teuer. Sie vergleichen mit zwei Wettbewerbern. #wasderkundefindet',
  'Jahresgespräch mit {kunde}: Sie möchten einen festen Ansprechpartner im Support. #WasDerKundeFindet',
  'Lob von {kunde} für die saubere Dokumentation nach dem {thema}. #wasderkundefindet',
  '{kunde} fragt, ob wir auch Schulungen für ihre Mitarbeitenden anbieten. Spannend! #wasderkundefindet',
  'Kritik von {kunde}: Die Terminabsprache für Vor-Ort-Einsätze dauert zu lange. #wasderkundefindet',
  '{kunde} empfiehlt uns weiter – bei einem Partnerunternehmen in {stadt}. #wasderkundefindet',
];

export const PAIN_POINTS: readonly string[] = [
  'Das VPN bricht im Homeoffice ständig ab, besonders vormittags. #ärger',
  'Reisekostenabrechnung auf Papier? Bitte endlich digital! #ärger',
  'Der Drucker im 2. OG in {stadt} frisst wieder Papier. #Ärger',
  'Warum brauche ich für eine Maus für 20 € drei Freigaben? #ärger',
  'Die Besprechungsräume sind ständig geblockt – und dann leer. #ärger',
  'Die Zeiterfassung meldet mich jeden Tag zweimal ab. #ärger',
  'Die Lieferzeiten bei {produkt} machen unsere Projektpläne kaputt. #ärger',
  'Das WLAN im Besprechungsraum Alster ist unbrauchbar. #Ärger',
  'Passwortwechsel alle 60 Tage und danach auf jedem Gerät neu anmelden. #ärger',
  'Parkplatzsuche in {stadt}: wieder 20 Minuten. #ärger',
  'Der Servicewagen war schon wieder nicht getankt. #ärger',
  'Die Ticketvorlage hat zu viele Pflichtfelder, das kostet bei jedem Anruf Zeit. #ärger',
];

export const CAMPAIGN_IDEAS: readonly string[] = [
  'Idee: ein fester Rückruf-Slot für Kunden, damit niemand ewig wartet. #ideenwerkstatt',
  'Idee: Angebotsvorlagen zentral pflegen, mit einer verantwortlichen Person je Vorlage. #ideenwerkstatt',
  'Idee: Tandems zwischen Hamburg und Leipzig, jeweils für drei Monate. #ideenwerkstatt',
  'Idee: ein Werkstatt-Tag pro Quartal, an dem Support und Entwicklung gemeinsam Dauerbrenner abarbeiten. #ideenwerkstatt',
  'Idee: Reisekosten per App – Belege abfotografieren statt sammeln. #ideenwerkstatt',
  'Idee: nach jedem Projekt eine Lessons-Learned-Runde, 30 Minuten, offen für alle. #ideenwerkstatt',
  'Idee: JobRad auch für Azubis. #ideenwerkstatt',
  'Idee: nach jedem Ticket zwei kurze Fragen an den Kunden, nicht mehr. #ideenwerkstatt',
  'Idee: ein gemeinsames Lager für Leihgeräte statt eines in jedem Büro. #ideenwerkstatt',
  'Idee: Besprechungsräume ohne Check-in nach zehn Minuten automatisch freigeben. #ideenwerkstatt',
  'Idee: Neue Kolleginnen und Kollegen stellen sich hier mit einem Beitrag vor. #ideenwerkstatt',
  'Idee: Störungen bei Kunden hier melden, damit der Vertrieb Bescheid weiß, bevor der Kunde anruft. #ideenwerkstatt',
];

export interface Milestone {
  day: number;
  author: string;
  group?: string;
  kind?: 'post' | 'announcement';
  body: string;
}

/** The story's fixed points: the pilot, the rollout to everyone, half a year, the campaign. */
export const MILESTONES: readonly Milestone[] = [
  {
    day: 0,
    author: 'aschroeder',
    group: 'support',
    body: 'Moin zusammen! Wir sind eines von zwei Pilotteams für **Kantine**. Ziel: weniger Mails, Antworten schneller finden. Probiert alles aus und schreibt hier, was fehlt oder nervt.',
  },
  {
    day: 1,
    author: 'skoehler',
    group: 'projekte',
    body: 'Das Projektteam ist Pilot für Kantine. Statusberichte, Fragen und Vorlagen bitte ab sofort hier statt im Mailverteiler. Drei Monate testen, dann entscheiden wir für alle.',
  },
  {
    day: 45,
    author: 'skoehler',
    group: 'projekte',
    body: 'Halbzeit im Pilot: Die meisten Fragen finden hier eine Antwort, auch wenn es manchmal noch dauert. Was uns fehlt, sind die anderen Abteilungen.',
  },
  {
    day: ROLLOUT_DAY,
    author: 'hbrandt',
    kind: 'announcement',
    body: 'Nach drei Monaten Pilot mit Support und Projekten steht fest: **Kantine kommt für alle.** Ab heute sind alle Abteilungen dabei. Fragen gehören hierher statt in Rundmails – und was euch Zeit spart, markiert bitte mit #intranetarbeiten.',
  },
  {
    day: 182,
    author: 'bschuster',
    body: 'Ein halbes Jahr Kantine: Fast alle sind an Bord, und Fragen werden deutlich schneller beantwortet als am Anfang. Danke fürs Mitmachen! #intranetarbeiten',
  },
  {
    day: CAMPAIGN_DAY,
    author: 'hbrandt',
    body: 'Vier Wochen **#ideenwerkstatt**: Was würdet ihr an unserer Arbeit verbessern? Jede Idee als eigener Beitrag mit #ideenwerkstatt. Die besten stellen wir im Führungskreis vor, mindestens drei setzen wir um.',
  },
  {
    day: CAMPAIGN_DAY + CAMPAIGN_DAYS + 1,
    author: 'bschuster',
    body: 'Die #ideenwerkstatt ist vorbei: viele Ideen und lebhafte Diskussionen. Umgesetzt werden die Rückruf-Slots, zentral gepflegte Angebotsvorlagen und die Lessons-Learned-Runde. Danke an alle!',
  },
];

/**
 * What is said only in the confidential groups (no placeholders: the test checks that these
 * texts stay there, and that nothing from elsewhere is posted there).
 */
export const PRIVATE_POSTS: Readonly<Record<string, readonly string[]>> = {
  fuehrungskreis: [
    'Agenda für den Führungskreis am Montag: Quartalsplanung, Personalbedarf Leipzig, Stand Kantine.',
    'Personalbedarf: Der Support braucht ab dem nächsten Quartal zwei zusätzliche Stellen. Bitte bis Freitag Stellung nehmen.',
    'Vertraulich: Wir verhandeln die Miete für Hamburg neu. Bitte noch nicht in den Teams erwähnen.',
    'Die Bonusregelung für das kommende Jahr ist im Entwurf fertig. Rückmeldungen bitte bis Monatsende.',
    'Der Krankenstand im Support ist seit drei Monaten erhöht. Wir sollten über Entlastung sprechen.',
    'Quartal im Überblick: Projekte unter Plan, Support über Plan. Ausführlich in der nächsten Sitzung.',
    'Gehaltsrunde: Die Budgets je Bereich sind verteilt, die Gespräche bitte bis Ende des nächsten Monats führen.',
    'Rückblick Strategietag: Leipzig ausbauen, mehr Wartungsverträge, Kantine als Wissensplattform.',
  ],
  polarstern: [
    'Polarstern: Die Unterlagen zur Prüfung liegen im Datenraum. Bitte bis Ende der Woche durchsehen.',
    'Polarstern: Der Termin mit den Eigentümern in Dresden ist bestätigt.',
    'Polarstern: Die erste Bewertung liegt vor, wir liegen noch weit auseinander.',
    'Polarstern: Bitte weiterhin keine Mails dazu, nur hier.',
  ],
};

export const PRIVATE_COMMENTS: Readonly<Record<string, readonly string[]>> = {
  fuehrungskreis: [
    'Einverstanden.',
    'Ich bringe die Zahlen mit.',
    'Sollten wir vorher mit dem Betriebsrat besprechen.',
    'Für den Vertrieb sehe ich das ähnlich.',
    'Nehme ich für die nächste Sitzung auf.',
    'Danke, bitte vertraulich behandeln.',
  ],
  polarstern: ['Gesehen, danke.', 'Ich schaue mir die Verträge an.', 'Verstanden.'],
};

/** Comments, by what they answer. */
export const COMMENTS: Readonly<Record<string, readonly string[]>> = {
  post: [
    'Danke fürs Teilen!',
    'Guter Hinweis, nehme ich mit.',
    'Super, genau das habe ich gebraucht.',
    'Klingt gut! Sag Bescheid, wenn ihr Unterstützung braucht.',
    'Sehr schön 👍',
    'Können wir das im nächsten Teammeeting kurz besprechen?',
    'Bin dabei!',
    'Gilt das auch für Leipzig?',
    'Das hätte ich letzte Woche gut gebrauchen können. 😄',
    'Top, danke!',
    'Spannend – wie lief es genau?',
    'Gut zu wissen.',
    'Ich leite das an mein Team weiter.',
    'Danke für die Info!',
    'Daumen hoch aus Leipzig!',
    'Da schließe ich mich an.',
    'Habt ihr das dokumentiert? Würde ich gern nachlesen.',
    'Aus Sicht des Vertriebs sehr willkommen.',
  ],
  success: [
    'Genau dafür machen wir das! 🎉',
    'Klasse Beispiel, danke fürs Aufschreiben.',
    'Das zeige ich im nächsten Führungskreis als Beispiel.',
    'Wow, das ging schnell!',
    'Ganz ähnlich habe ich es letzte Woche erlebt.',
    'So spart man Zeit. 👏',
    'Schön zu sehen, dass es funktioniert.',
    'Danke an alle, die ihr Wissen teilen!',
  ],
  customer: [
    'Danke, gebe ich ans Team weiter.',
    'Das nehmen wir in die nächste Kundenbefragung auf.',
    'Schönes Feedback! Dürfen wir das als Zitat für die Website nehmen?',
    'Den Punkt hören wir öfter, da sollten wir etwas tun.',
    'Ich vereinbare mit dem Kunden einen Termin dazu.',
    'Sehr schön, das motiviert!',
  ],
  pain: [
    'Geht mir genauso.',
    'Ich nehme das mit ins nächste Jour fixe.',
    '+1, kostet mich jede Woche Zeit.',
    'Ist bekannt, wir arbeiten an einer Lösung.',
    'Danke fürs Ansprechen, ich kümmere mich darum.',
    'Habe ein Ticket dafür angelegt.',
    'Update: Ist behoben. Sagt Bescheid, wenn es wieder auftritt.',
    'Gibt es dafür schon jemanden, der verantwortlich ist?',
  ],
  campaign: [
    'Starke Idee, bin dafür!',
    'Das würde uns im Support sehr helfen.',
    'Gute Idee – aber wer pflegt das dauerhaft?',
    'Würde ich gern mit meinem Team ausprobieren.',
    '+1 aus Leipzig.',
    'Hatten wir früher schon mal, ist eingeschlafen. Ein zweiter Versuch lohnt sich!',
  ],
  milestone: [
    'Super, ich freue mich drauf!',
    'Endlich! 🎉',
    'Dann mal los.',
    'Willkommen an alle Neuen hier!',
    'Danke an die Pilotteams für die Vorarbeit.',
    'Schön, dass es weitergeht.',
  ],
  /** The post's author replies to a comment. */
  reply: [
    'Danke!',
    'Danke dir!',
    'Gute Frage, ich kläre das.',
    'Genau so.',
    'Mache ich.',
    'Stimmt, daran hatte ich nicht gedacht.',
    'Ich melde mich dazu.',
    '😄',
  ],
  /** Someone else replies to a comment. */
  agree: ['Sehe ich auch so.', '+1', 'Genau.', '😄', 'Gute Idee.', 'Geht mir auch so.'],
  /** More answers to a question, after the first. */
  answer: [
    'Ergänzend: Im Wiki gibt es dazu auch einen Artikel.',
    'So machen wir das in Leipzig auch.',
    'Wenn das nicht klappt, melde dich bei mir, dann schauen wir zusammen drauf.',
    'Hatte das Gleiche – die Antwort oben hat bei mir funktioniert.',
  ],
  /** The asker thanks for an answer (a reply to it). */
  thanks: [
    'Danke, hat geklappt!',
    'Perfekt, genau das habe ich gesucht.',
    'Danke dir, das spart mir viel Zeit.',
    'Super, danke für die schnelle Antwort!',
  ],
  /** The asker's nudge on a question nobody answered (not an answer: it is the asker's). */
  followup: [
    'Hat niemand eine Idee? Sonst frage ich beim Hersteller.',
    'Kleiner Schubs nach oben. 🙂',
    'Frage ist noch offen, falls jemand etwas weiß.',
  ],
};

/** Comments by people who write in English. */
export const COMMENTS_EN: readonly string[] = [
  'Thanks for sharing!',
  'Great, that helps a lot.',
  'Good point – I will take it to my team.',
  'Nice work! 👏',
  'Same here.',
  'Happy to help if needed.',
];

export interface YearDocument {
  key: string;
  owner: string;
  group: string;
  day: number;
  title: string;
  description: string;
  hashtags: string;
  name: string;
  lines: readonly string[];
  /** Posts in other groups (or org-wide) that attach it: a reuse each. */
  posts?: readonly { day: number; author: string; group?: string; body: string }[];
}

/** Documents the teams put on their shelves during the year, reused by the others. */
export const YEAR_DOCUMENTS: readonly YearDocument[] = [
  {
    key: 'stoerung',
    owner: 'okrause',
    group: 'support',
    day: 20,
    title: 'Checkliste Störungsannahme',
    description: 'Was wir bei jeder Störungsmeldung abfragen, damit niemand zweimal anrufen muss.',
    hashtags: '#vorlage #support',
    name: 'checkliste-stoerungsannahme.md',
    lines: [
      '# Checkliste Störungsannahme',
      '',
      '1. Kunde, Standort, Ansprechpartner mit Rückrufnummer',
      '2. Was geht nicht, seit wann, wie viele Personen betroffen?',
      '3. Was wurde schon versucht?',
      '4. Priorität nach Vertrag festlegen',
      '5. Rückruf zusagen – und einhalten',
    ],
    posts: [
      {
        day: 140,
        author: 'mschneider',
        group: 'vertrieb',
        body: 'Die Checkliste aus dem Support nehmen wir jetzt auch, wenn Kunden Störungen beim Vertrieb melden.',
      },
    ],
  },
  {
    key: 'projektstart',
    owner: 'bmeyer',
    group: 'projekte',
    day: 30,
    title: 'Projektstart-Checkliste',
    description:
      'Von der Beauftragung bis zum Kick-off: was vor dem ersten Termin beim Kunden stehen muss.',
    hashtags: '#vorlage #kundenprojekt',
    name: 'projektstart-checkliste.md',
    lines: [
      '# Projektstart-Checkliste',
      '',
      '- Auftrag und Angebot liegen im Projektordner',
      '- Ansprechpartner beim Kunden und bei uns benannt',
      '- Netzplan und Zugänge vorab angefragt',
      '- Termin für Kick-off und Abnahme geplant',
      '- Übergabe an den Support vorbereitet',
    ],
    posts: [
      {
        day: 105,
        author: 'tkrueger',
        group: 'vertrieb',
        body: 'Für die Übergabe Vertrieb → Projekt nehmen wir ab sofort die Projektstart-Checkliste aus dem Projektteam.',
      },
      {
        day: 190,
        author: 'nkeller',
        group: 'entwicklung',
        body: 'Auch für interne Entwicklungsprojekte gut zu gebrauchen:',
      },
    ],
  },
  {
    key: 'lessons',
    owner: 'mfischer',
    group: 'projekte',
    day: 60,
    title: 'Vorlage Lessons Learned',
    description: 'Die fünf Fragen für die Runde nach jedem Projekt.',
    hashtags: '#vorlage',
    name: 'lessons-learned.txt',
    lines: [
      'Lessons Learned',
      '',
      'Was lief gut?',
      'Was hat uns aufgehalten?',
      'Was hat der Kunde gesagt?',
      'Was machen wir beim nächsten Mal anders?',
      'Wer muss davon erfahren?',
    ],
  },
  {
    key: 'citrix',
    owner: 'ekovacevic',
    group: 'support',
    day: 75,
    title: 'Wissensartikel: Drucken unter Citrix',
    description:
      'Leere Seiten, falsche Treiber, langsamer Druck: die häufigsten Ursachen und was hilft.',
    hashtags: '#support #wissen',
    name: 'citrix-drucken.md',
    lines: [
      '# Drucken unter Citrix',
      '',
      '**Leere Seiten:** Richtlinie für den Drucker auf den nativen Treiber umstellen.',
      '**Langsamer Druck:** Druckdaten komprimieren, Richtlinie „Universal Print Optimierung“.',
      '**Falscher Standarddrucker:** Sitzungsdrucker nach Client-Standort zuordnen.',
    ],
  },
  {
    key: 'lizenzen',
    owner: 'nkeller',
    group: 'entwicklung',
    day: 120,
    title: 'Anleitung: Lizenzauswertung Microsoft 365',
    description: 'Wie das nächtliche Skript Lizenzen zählt und wo das Ergebnis liegt.',
    hashtags: '#m365 #automatisierung',
    name: 'lizenzauswertung.md',
    lines: [
      '# Lizenzauswertung Microsoft 365',
      '',
      'Das Skript läuft jede Nacht um 03:20 und legt eine Tabelle im SharePoint ab.',
      'Spalten: Kunde, Lizenzart, gekauft, zugewiesen, ungenutzt seit 30 Tagen.',
      'Fragen an das Team Entwicklung.',
    ],
    posts: [
      {
        day: 160,
        author: 'aschroeder',
        group: 'support',
        body: 'Mit der Lizenzauswertung aus der Entwicklung sparen wir uns die monatliche Zählerei.',
      },
    ],
  },
  {
    key: 'gespraech',
    owner: 'cwinkler',
    group: 'hr',
    day: 150,
    title: 'Leitfaden Mitarbeitergespräch',
    description: 'Ablauf, Fragen und Vorbereitungsbogen für das jährliche Gespräch.',
    hashtags: '#fuehrung #vorlage',
    name: 'leitfaden-mitarbeitergespraech.txt',
    lines: [
      'Leitfaden Mitarbeitergespräch',
      '',
      '1. Rückblick: Was ist gut gelaufen, was nicht?',
      '2. Zusammenarbeit und Unterstützung',
      '3. Ziele und Weiterbildung für das nächste Jahr',
      '4. Vereinbarungen festhalten',
    ],
  },
];
