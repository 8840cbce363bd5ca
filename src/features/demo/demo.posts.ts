import type { ReactionType } from '../posts/posts.table.ts';

export interface DemoComment {
  author: string;
  body: string;
  /** Replies to this comment (one level). */
  replies?: { author: string; body: string }[];
  /** On a question: the asker accepted this answer. */
  accepted?: boolean;
  /** On a question: who found this answer helpful (people who can read the question). */
  helpful?: string[];
}

export interface DemoPost {
  author: string;
  /** A DEMO_GROUPS key, or absent for org-wide. */
  group?: string;
  kind?: 'post' | 'question' | 'announcement';
  /** How long ago, in days (fractions allowed). */
  daysAgo: number;
  body: string;
  comments?: DemoComment[];
  /** Reaction type → person keys. */
  reactions?: Partial<Record<ReactionType, string[]>>;
}

/** A Markdown body from its lines. */
const lines = (...l: string[]): string => l.join('\n');

/**
 * Two months of Nordlicht on its new intranet: the launch, first questions, success stories
 * (#intranetarbeiten), customer voices (#wasderkundefindet), pain points (#ärger) and the
 * small talk of the coffee kitchen. Group posts are written, commented and liked only by
 * members of their group; the confidential groups stay among themselves.
 */
export const DEMO_POSTS: readonly DemoPost[] = [
  // ── Der Start ───────────────────────────────────────────────────────────────
  {
    author: 'hbrandt',
    kind: 'announcement',
    daysAgo: 59.6,
    body: lines(
      'Liebe Kolleginnen und Kollegen,',
      '',
      'seit dem Pilotstart vor zehn Monaten ist **Kantine** kräftig gewachsen – ab heute ist es unser Intranet, für Hamburg, Leipzig und alle im Homeoffice. Die Rundmails an „alle@“ dürfen damit in Rente gehen.',
      '',
      'Was ich mir wünsche:',
      '- **Fragt offen.** Irgendwer im Haus weiß die Antwort fast immer.',
      '- **Teilt, was funktioniert hat** – Angebote, Projekterfahrungen, Kniffe.',
      '- **Sagt, was nervt.** Lieber hier als in der Kaffeeküche hinter vorgehaltener Hand.',
      '',
      'Wenn Kantine euch Zeit gespart hat, schreibt es mit #intranetarbeiten dazu. Ansprechpartner für alles rund ums Werkzeug sind @benedikt.schuster und @lena.wagner.',
      '',
      'Viel Spaß beim Ausprobieren!',
      'Henrik',
    ),
    reactions: {
      celebrate: ['lwagner', 'tkrueger', 'skoehler', 'bschuster', 'khansen'],
      like: ['kvogel', 'okrause', 'cwinkler', 'pnowak', 'ghuber', 'hwolf'],
    },
    comments: [
      {
        author: 'okrause',
        body: 'Heißt das, die Mail „Wer hat den Schlüssel vom Servicewagen?“ hat endlich ein Ende? 😄',
        replies: [
          {
            author: 'bschuster',
            body: 'Dafür gibt es ab sofort die Gruppe **Kaffeeküche**. Schlüssel, Kuchen, Fundsachen – alles dort.',
          },
        ],
      },
      {
        author: 'skoehler',
        body: 'Aus Leipzig ein herzliches Moin zurück! Ich freue mich vor allem darauf, dass wir standortübergreifend mehr voneinander mitbekommen.',
      },
    ],
  },
  {
    author: 'bschuster',
    group: 'kaffee',
    daysAgo: 59.2,
    body: lines(
      'Die **Kaffeeküche** ist eröffnet! ☕ Hier ist Platz für alles, was sonst nirgends hinpasst.',
      '',
      'Drei kleine Spielregeln:',
      '1. Fundsachen mit Foto-Beschreibung und Stockwerk',
      '2. Kuchen-Ankündigungen bitte **vor** 10 Uhr, sonst ist er weg',
      '3. Dienstliches lieber in die Teamgruppen',
      '',
      '#kaffee',
    ),
    reactions: {
      like: ['tgross', 'ayilmaz', 'sjung', 'lboehm', 'pwerner', 'nkeller', 'jbeck'],
      celebrate: ['lwagner', 'khansen'],
    },
    comments: [
      {
        author: 'tgross',
        body: 'Regel 2 gilt in Leipzig verschärft: Bei Eierschecke gilt 9 Uhr. 🍰',
        replies: [
          {
            author: 'ayilmaz',
            body: 'Kann ich bestätigen. Um 9:20 war letzten Freitag nur noch die Platte da.',
          },
        ],
      },
    ],
  },
  {
    author: 'tkrueger',
    group: 'vertrieb',
    daysAgo: 57.8,
    body: lines(
      'Moin zusammen, ab sofort stimmen wir größere Angebote **hier** ab statt per Mail-Pingpong.',
      '',
      '- Angebote über 50.000 € kurz mit Kunde, Volumen und Abgabetermin posten',
      '- Presales (@frederik.janssen) und Innendienst (@nina.hoffmann) markieren',
      '- Vorlagen liegen wie gehabt unter https://example.com/sharepoint/vertrieb/angebotsvorlagen',
      '',
      'Mal sehen, ob wir so schneller werden. #angebot',
    ),
    reactions: {
      like: ['mschneider', 'aoezdemir', 'dweiss', 'mlehmann', 'cmorgan'],
      insightful: ['nhoffmann'],
    },
    comments: [
      {
        author: 'nhoffmann',
        body: 'Sehr gern. Dann bitte auch immer die **Wartungslaufzeit** mit angeben, die fehlt mir im Auftrag am häufigsten.',
      },
      {
        author: 'cmorgan',
        body: 'Good idea! If a manufacturer deal registration is involved, please tag me as well – I can often get better partner pricing if we register early.',
        replies: [{ author: 'tkrueger', body: 'Guter Punkt, Claire. Nehme ich in die Liste auf.' }],
      },
    ],
  },

  // ── Erste Fragen, erste Erfolge ─────────────────────────────────────────────
  {
    author: 'jzimmermann',
    group: 'projekte',
    kind: 'question',
    daysAgo: 55.4,
    body: 'Hat jemand eine aktuelle **Vorlage für Abnahmeprotokolle** bei Netzwerkprojekten? Ich finde im SharePoint nur eine Version von 2019, in der noch ISDN-Anschlüsse abgefragt werden. 🙈 #kundenprojekt',
    reactions: { like: ['lschulz', 'pnowak'] },
    comments: [
      {
        author: 'mfischer',
        accepted: true,
        helpful: ['lschulz', 'pnowak', 'kvogel'],
        body: 'Ich habe eine überarbeitete Fassung aus dem Projekt für die Stadtwerke Elbtal: https://example.com/sharepoint/projekte/vorlagen/abnahme-netzwerk-v4.docx – inkl. Messprotokollen für WLAN-Ausleuchtung.',
        replies: [
          { author: 'jzimmermann', body: 'Perfekt, genau das habe ich gesucht. Danke, Moritz!' },
        ],
      },
      {
        author: 'kvogel',
        body: 'Bitte die alte Vorlage danach löschen, @birgit.meyer – sonst findet sie der Nächste wieder zuerst.',
        replies: [{ author: 'bmeyer', body: 'Erledigt, liegt jetzt im Archiv.' }],
      },
    ],
  },
  {
    author: 'aoezdemir',
    daysAgo: 54.1,
    body: lines(
      '#ärger Das VPN ist unterwegs gerade eine Zumutung. Im Hotel in Kiel gestern: Teams-Call dreimal abgebrochen, das CRM lädt gefühlt eine Minute pro Seite.',
      '',
      'Geht das nur mir so oder ist das bekannt?',
    ),
    reactions: { like: ['dweiss', 'mlehmann', 'kschmitt', 'hwolf', 'fjanssen', 'sbecker'] },
    comments: [
      {
        author: 'hwolf',
        body: 'Geht nicht nur dir so. Im Servicewagen in Cuxhaven habe ich es irgendwann aufgegeben.',
      },
      {
        author: 'okrause',
        body: 'Ist bekannt, Ticket INT-2318. Das VPN-Gateway in Hamburg ist schlicht zu klein für die vielen Homeoffice-Verbindungen. Ersatz ist bestellt, @darja.petrova und ich kümmern uns um den Umbau.',
        replies: [
          {
            author: 'dpetrova',
            body: 'Als Zwischenlösung testen wir Split-Tunneling für Microsoft 365, dann läuft Teams nicht mehr durchs VPN. Ich melde mich, sobald es ausgerollt ist.',
          },
        ],
      },
    ],
  },
  {
    author: 'mschneider',
    kind: 'question',
    daysAgo: 52.3,
    body: lines(
      'Frage an alle, die sich mit **SAP-Anbindungen** auskennen:',
      '',
      'Die Hanse Logistik AG möchte ihr Ticketsystem an SAP anbinden, damit Störungen an Verladeanlagen automatisch eine Instandhaltungsmeldung erzeugen. Haben wir so etwas schon mal gebaut? Und eher über IDoc oder über REST?',
      '',
      'Termin beim Kunden ist Donnerstag. #kundenprojekt',
    ),
    reactions: { insightful: ['fjanssen', 'tkrueger'], like: ['jbeck'] },
    comments: [
      {
        author: 'fsommer',
        accepted: true,
        helpful: ['fjanssen', 'tkrueger', 'jbeck'],
        body: lines(
          'Ja, haben wir! Für die Stadtwerke Elbtal läuft genau das seit einem Jahr.',
          '',
          '- Meldungen legen wir über die OData-Schnittstelle an (`API_MAINTNOTIFICATION`), kein IDoc nötig',
          '- Rückmeldungen aus SAP holen wir alle 5 Minuten ab',
          '- Aufwand damals: ca. 12 Personentage inkl. Tests',
          '',
          'Ruf mich gern vor dem Termin kurz an.',
        ),
        replies: [
          {
            author: 'mschneider',
            body: 'Wow, 20 Minuten nach meiner Frage. Ich rufe dich nach der Mittagspause an!',
          },
        ],
      },
      {
        author: 'mneumann',
        body: 'Die Referenz mit Architekturskizze liegt unter https://example.com/wiki/referenzen/stadtwerke-elbtal-sap – die kannst du dem Kunden auch zeigen.',
      },
    ],
  },
  {
    author: 'cwinkler',
    group: 'hr',
    daysAgo: 50.9,
    body: lines(
      '**Onboarding neu gedacht** 🧭',
      '',
      'Ab diesem Monat bekommt jede neue Kollegin und jeder neue Kollege:',
      '- eine Patin oder einen Paten aus einem *anderen* Team',
      '- eine Checkliste für die ersten 30 Tage (https://example.com/hr/onboarding-checkliste)',
      '- einen Termin mit der Geschäftsführung in der zweiten Woche',
      '',
      'Wer Lust hat, Pate zu werden: bitte bei @leyla.ahmadi melden. #onboarding',
    ),
    reactions: {
      like: ['hbrandt', 'mfischer', 'sfranke', 'kvogel', 'rpohl'],
      celebrate: ['lahmadi'],
    },
    comments: [
      {
        author: 'kvogel',
        body: 'Aus den Projekten melden sich @moritz.fischer und ich als Paten. Gerade für die Leipziger Neuen ist ein Kontakt in Hamburg Gold wert.',
      },
      {
        author: 'mrichter',
        body: 'Ich mache auch mit. Kleiner Wunsch: In die Checkliste gehört „Kantine-Profil mit Skills ausfüllen“. Dann findet man die Neuen auch.',
        replies: [{ author: 'lahmadi', body: 'Super Idee, ist drin. Danke, Max!' }],
      },
    ],
  },
  {
    author: 'mschneider',
    daysAgo: 50.1,
    body: lines(
      '#intranetarbeiten Kleine Geschichte von Montag:',
      '',
      'Ich habe hier gefragt, ob wir schon mal eine SAP-Anbindung für Störmeldungen gebaut haben. **20 Minuten später** hatte ich die Antwort von @felix.sommer aus Leipzig – mit Aufwandsschätzung und Referenz.',
      '',
      'Früher hätte ich drei Mails geschrieben, zwei Tage gewartet und am Ende Thomas gefragt, wen man fragen könnte. Beim Kunden kam das Thema am Donnerstag richtig gut an. Danke, Leipzig! 💙',
    ),
    reactions: {
      celebrate: ['fsommer', 'bschuster', 'hbrandt', 'lboehm'],
      like: ['skoehler', 'tkrueger', 'mneumann', 'jzimmermann', 'aschroeder'],
    },
    comments: [
      {
        author: 'skoehler',
        body: 'Genau dafür machen wir das. Zwischen Hamburg und Leipzig liegen 400 Kilometer, hier nur ein Klick.',
      },
      {
        author: 'fsommer',
        body: 'Gern geschehen! Wenn aus dem Termin ein Projekt wird, sag Bescheid – die Schnittstelle kennen wir ja schon. 😉',
      },
    ],
  },
  {
    author: 'okrause',
    group: 'support',
    daysAgo: 49.3,
    body: lines(
      'Team, kurze Bitte: Eskalationen an den 2nd Level ab sofort **immer mit Ticketnummer** hier posten, nicht per Teams-Direktnachricht.',
      '',
      'So sehen alle, was gerade brennt, und wir verlieren nichts, wenn jemand krank ist.',
    ),
    reactions: { like: ['sjung', 'jmueller', 'mrichter', 'aschroeder', 'kschmitt'] },
    comments: [
      {
        author: 'ekovacevic',
        body: 'Gut so. Ich hatte letzte Woche drei Direktnachrichten zum selben Citrix-Problem von drei Kunden.',
      },
    ],
  },
  {
    author: 'aschroeder',
    daysAgo: 47.2,
    body: lines(
      '#wasderkundefindet Service-Review mit den **Stadtwerken Elbtal** heute Vormittag:',
      '',
      '👍 „Der einseitige SLA-Bericht ist das Erste, was unser Vorstand tatsächlich liest.“',
      '👍 „Ihre Techniker vor Ort sind freundlich und wissen, was sie tun.“',
      '👎 „Bei Prio-2-Störungen warten wir zu oft mehr als zwei Stunden auf einen Rückruf.“',
      '',
      'Der letzte Punkt stimmt leider: Im Schnitt waren es 2 h 40 min. Vorschläge willkommen.',
    ),
    reactions: {
      insightful: ['okrause', 'skoehler', 'kvogel', 'hbrandt'],
      like: ['hwolf', 'mrichter'],
    },
    comments: [
      {
        author: 'okrause',
        body: 'Nehmen wir auf. Ab Montag gibt es einen festen Rückruf-Slot pro Schicht, @sophie.jung plant das mit ein.',
        replies: [
          {
            author: 'sjung',
            body: 'Schichtplan ist angepasst, Rückrufe P2 jeweils um :15 und :45.',
          },
        ],
      },
      {
        author: 'hwolf',
        body: 'Das Lob für die Techniker gebe ich gern an die Kollegen weiter. Danke fürs Teilen, Andrea!',
      },
    ],
  },
  {
    author: 'ischmid',
    daysAgo: 46.5,
    body: lines(
      '#Ärger Das Reisekosten-Tool hat nach dem Update alle **Entwürfe** aus der letzten Woche verschluckt. Mehrere von euch haben sich schon gemeldet.',
      '',
      'Bitte nichts doppelt einreichen – ich kläre das gerade mit dem Hersteller. Belege bis dahin einfach aufbewahren.',
    ),
    reactions: { thanks: ['hwolf', 'kschmitt', 'mlehmann', 'aoezdemir'], like: ['ghuber'] },
    comments: [
      {
        author: 'kschmitt',
        body: 'Vier Übernachtungen in Chemnitz sind weg. 😩 Gut zu wissen, dass es nicht an mir lag.',
      },
      {
        author: 'ischmid',
        body: 'Update: Der Hersteller konnte die Entwürfe wiederherstellen. Bitte einmal prüfen, ob eure Einträge wieder da sind.',
        replies: [{ author: 'kschmitt', body: 'Alle vier wieder da. Danke, Ines!' }],
      },
    ],
  },
  {
    author: 'mneumann',
    group: 'entwicklung',
    daysAgo: 45.8,
    body: lines(
      '**Retro Kundenportal 3.2** – die Kurzfassung für alle, die nicht dabei waren:',
      '',
      'Gut gelaufen:',
      '- Release ohne nächtliches Deployment (danke, @darja.petrova)',
      '- E2E-Tests haben zwei echte Fehler vor dem Kunden gefunden',
      '',
      'Verbesserungswürdig:',
      '- Anforderungen kamen zu spät und per Mail statt im Ticket',
      '- Lasttest erst zwei Tage vor Go-live',
      '',
      'Maßnahmen stehen im Board: https://example.com/gitlab/kundenportal/-/boards #kundenprojekt',
    ),
    reactions: { like: ['lbauer', 'nkeller', 'amehta', 'mschwarz'], insightful: ['tgross'] },
    comments: [
      {
        author: 'tgross',
        body: 'Zum Lasttest: Ich baue mir die Szenarien diesmal schon im ersten Sprint. Dann haben wir keine Überraschungen mehr.',
      },
      {
        author: 'lbauer',
        body: 'Und ich spreche mit dem Vertrieb, dass Kundenanforderungen ab sofort direkt als Ticket kommen.',
      },
    ],
  },
  {
    author: 'bmeyer',
    daysAgo: 44.6,
    body: lines(
      '#ärger Der Drucker im **3. OG** druckt jede zweite Seite mit grauen Streifen. Ich habe heute ein Projekthandbuch für die Klinik dreimal gedruckt. 🖨️',
      '',
      'Wer ist eigentlich für unsere eigenen Drucker zuständig? Der Schuster hat bekanntlich die schlechtesten Schuhe …',
    ),
    reactions: { like: ['sbecker', 'lschulz', 'rpohl', 'khansen'] },
    comments: [
      {
        author: 'hwolf',
        body: 'Das ist die Fixiereinheit, kenne ich. Ich bin heute um 14 Uhr im Haus und schaue ihn mir an.',
        replies: [
          { author: 'bmeyer', body: 'Heiko, du bist ein Schatz. Der Kaffee geht auf mich.' },
        ],
      },
      {
        author: 'lwagner',
        body: 'Zuständig bin formal ich. Das Gerät ist acht Jahre alt, ich habe mit @juergen.beck einen Ersatz besprochen.',
        replies: [{ author: 'jbeck', body: 'Angebot liegt vor, Lieferung in ca. zwei Wochen.' }],
      },
    ],
  },
  {
    author: 'khansen',
    group: 'm365',
    kind: 'question',
    daysAgo: 44.1,
    body: 'Wie lege ich in Outlook einen **gemeinsamen Kalender** für das Marketing-Team an, den alle bearbeiten können? Bisher schicke ich Termine an jeden einzeln. #m365',
    reactions: { like: ['lboehm', 'rpohl'] },
    comments: [
      {
        author: 'ahartmann',
        accepted: true,
        helpful: ['lboehm', 'rpohl'],
        body: lines(
          'Am einfachsten über eine **Microsoft-365-Gruppe**:',
          '1. In Outlook „Neue Gruppe“ anlegen, z. B. „Marketing“',
          '2. Das Team als Mitglieder hinzufügen',
          '3. Der Gruppenkalender erscheint bei allen automatisch unter „Gruppen“',
          '',
          'Alle Mitglieder dürfen Termine anlegen. Falls ihr schon ein Team in Teams habt, gibt es den Kalender dort bereits.',
        ),
        replies: [{ author: 'khansen', body: 'Ha, den gab es tatsächlich schon. Danke, Anna!' }],
      },
    ],
  },
  {
    author: 'hbrandt',
    group: 'fuehrungskreis',
    daysAgo: 43.2,
    body: lines(
      '**Vertraulich – Q2-Zahlen vorab**',
      '',
      '- Umsatz +6 % gegenüber Vorjahr, Managed Services stark',
      '- Marge in den Projekten mit 14 % deutlich unter Plan (19 %)',
      '- Auftragseingang öffentlicher Sektor schwächer als erwartet',
      '',
      'Bitte bis Freitag je Bereich zwei, drei Maßnahmen zur Projektmarge. Wir besprechen sie in der Runde am Montag. Bitte nicht vorab in die Teams geben.',
    ),
    reactions: { insightful: ['cwinkler', 'skoehler'], like: ['aschroeder'] },
    comments: [
      {
        author: 'skoehler',
        body: 'Die Marge hängt vor allem an zwei Festpreisprojekten, die aus dem Ruder gelaufen sind. Ich bringe eine Nachkalkulation mit.',
      },
      {
        author: 'tkrueger',
        body: 'Öffentlicher Sektor: Zwei Ausschreibungen sind nur verschoben, nicht verloren. Ich rechne im Herbst mit Nachholeffekten.',
        replies: [
          { author: 'hbrandt', body: 'Danke. Bitte trotzdem mit vorsichtigem Szenario planen.' },
        ],
      },
    ],
  },
  {
    author: 'mrichter',
    group: 'support',
    daysAgo: 42.4,
    body: lines(
      '**Wissensartikel:** Postfach-Migration nach Exchange Online hängt bei 95 %',
      '',
      'Hatten wir diese Woche dreimal. Ursache war jedes Mal ein zu großes Element im Postfach. So findet ihr es:',
      '',
      '`Get-MoveRequest -Identity name@kunde.example | Get-MoveRequestStatistics -IncludeReport`',
      '',
      'Im Report nach „TooLarge“ suchen, das Element beim Kunden verkleinern lassen und den Move Request fortsetzen. Steht auch in der Wissensdatenbank: https://example.com/wiki/support/exchange-migration #m365',
    ),
    reactions: { insightful: ['okrause', 'ekovacevic', 'sjung'], thanks: ['jmueller'] },
    comments: [
      {
        author: 'jmueller',
        body: 'Danke! Nehme ich in die Einarbeitung der Azubis mit auf.',
      },
    ],
  },
  {
    author: 'fjanssen',
    group: 'vertrieb',
    daysAgo: 41.3,
    body: lines(
      '#ÄRGER Unser Angebot für das **Klinikum Nordheide** (Netzwerkerneuerung, ca. 180 T€):',
      '',
      '- 4 Freigabeschleifen',
      '- 9 Tage von der fertigen Kalkulation bis zur Abgabe',
      '- Der Wettbewerber war zwei Tage schneller beim Kunden',
      '',
      'Ich verstehe, dass große Angebote geprüft werden müssen. Aber so verlieren wir Aufträge, die wir fachlich gewinnen würden. #angebot',
    ),
    reactions: { insightful: ['mschneider', 'aoezdemir', 'cmorgan'], like: ['dweiss', 'mlehmann'] },
    comments: [
      {
        author: 'tkrueger',
        body: lines(
          'Berechtigte Kritik, Frederik. Ab dem nächsten Ersten gilt:',
          '- bis 25 T€: Freigabe durch die Account Manager selbst',
          '- bis 100 T€: Freigabe durch mich, innerhalb von 24 h',
          '- darüber: zusätzlich Geschäftsführung, ebenfalls mit 48-h-Ziel',
        ),
        replies: [
          {
            author: 'fjanssen',
            body: 'Das ist ein echter Fortschritt. Danke für die schnelle Reaktion!',
          },
          {
            author: 'nhoffmann',
            body: 'Ich baue die Schwellen direkt ins CRM ein, dann erinnert das System automatisch.',
          },
        ],
      },
    ],
  },
  {
    author: 'ahartmann',
    group: 'm365',
    daysAgo: 40.2,
    body: lines(
      '**Tipp der Woche: Links statt Anhänge** 📎',
      '',
      'Jede Datei in einem Teams-Kanal liegt eigentlich in SharePoint. Wenn ihr sie per Mail als Anhang verschickt, gibt es danach drei Versionen und niemand weiß, welche aktuell ist.',
      '',
      'Besser:',
      '- In Teams bei der Datei auf **„Link kopieren“**',
      '- Berechtigung prüfen (nur Personen in Nordlicht oder bestimmte Personen)',
      '- Link in die Mail einfügen',
      '',
      'Funktioniert auch mit externen Gästen, wenn der Kanal freigegeben ist. #m365',
    ),
    reactions: {
      like: ['lwagner', 'mschneider', 'kvogel', 'bmeyer', 'nfriedrich', 'dlorenz', 'ghuber'],
      insightful: ['aoezdemir', 'hwolf', 'cwinkler'],
    },
    comments: [
      {
        author: 'ghuber',
        body: 'Ich werde es mir angewöhnen. Versprochen ist aber noch nicht erledigt.',
        replies: [{ author: 'ahartmann', body: 'Herr Huber, ich erinnere Sie gern daran. 😉' }],
      },
    ],
  },
  {
    author: 'hbrandt',
    group: 'polarstern',
    daysAgo: 39.1,
    body: lines(
      '**Streng vertraulich.**',
      '',
      'Ich hatte gestern ein erstes Gespräch mit dem Inhaber eines Systemhauses in Dresden (ca. 35 Mitarbeitende, Schwerpunkt Mittelstand). Er sucht eine Nachfolgeregelung und kann sich einen Verkauf an uns vorstellen. Die NDA ist unterschrieben.',
      '',
      'Bitte **keine Mails** zu dem Thema, nur hier. Im Kalender heißt das Vorhaben „Polarstern“.',
    ),
    reactions: { insightful: ['skoehler', 'tkrueger'] },
    comments: [
      {
        author: 'skoehler',
        body: 'Spannend. Von Leipzig aus wäre Dresden gut zu betreuen. Ich würde die technische Due Diligence übernehmen.',
      },
      {
        author: 'tkrueger',
        body: 'Ich schaue mir an, wie sich die Kundenstämme überschneiden, sobald wir eine anonymisierte Liste haben.',
      },
      {
        author: 'lwagner',
        body: 'Ich habe für die Termine einen eigenen Kalender „Polarstern“ angelegt, nur für uns vier sichtbar.',
      },
    ],
  },
  {
    author: 'dweiss',
    daysAgo: 38.2,
    body: lines(
      '#intranetarbeiten #angebot',
      '',
      'Ein Fertigungsbetrieb bei Halle wollte innerhalb einer Woche ein Angebot für die Erneuerung seines Standortnetzes. Statt bei null anzufangen, habe ich das Angebot von @martina.schneider für die Hanse Logistik AG gefunden, das sie in der Vertriebsgruppe geteilt hatte.',
      '',
      'Leistungsbeschreibung, Projektphasen und Annahmen passten zu 80 %. **Ersparnis: gut zwei Tage.** Das Angebot ging am Mittwoch raus, heute kam die Zusage. 🎉',
    ),
    reactions: {
      celebrate: ['mschneider', 'tkrueger', 'mlehmann', 'bschuster'],
      like: ['fjanssen', 'hbrandt', 'nhoffmann', 'skoehler'],
    },
    comments: [
      {
        author: 'mschneider',
        body: 'Glückwunsch! Ich habe die Vorlage inzwischen anonymisiert und unter https://example.com/sharepoint/vertrieb/angebotsvorlagen/netzwerk abgelegt.',
        replies: [
          {
            author: 'dweiss',
            body: 'Danke! Ich ergänze noch den Abschnitt zur Produktionsnetz-Trennung.',
          },
        ],
      },
      {
        author: 'tkrueger',
        body: 'Genau so soll das laufen. Zusage schon nach einer Woche, Respekt.',
      },
    ],
  },
  {
    author: 'jpetersen',
    group: 'fahrrad',
    daysAgo: 37.4,
    body: 'Grüße aus der Elternzeit! 🚲👶 Wir haben über das JobRad-Programm ein Lastenrad geleast und ich bin begeistert: Kita, Einkauf, Wochenmarkt, alles ohne Auto. Falls jemand überlegt: Fragt mich gern, was ich beim Kindersitz gelernt habe. #jobrad',
    reactions: { like: ['dweiss', 'bmeyer', 'nfriedrich', 'hbrandt'], celebrate: ['pwerner'] },
    comments: [
      {
        author: 'pnowak',
        body: 'Welches Modell ist es geworden? Wir überlegen in Leipzig auch, die Kopfsteinpflaster hier sind aber nicht ohne.',
        replies: [
          {
            author: 'jpetersen',
            body: 'Ein dreirädriges, gerade wegen des Kopfsteinpflasters. Zweirädrig wäre mir mit Kind zu wackelig.',
          },
        ],
      },
      {
        author: 'pwerner',
        body: 'Sieht man dich damit beim Sommerfest? Ich bräuchte noch einen Getränketransport. 😄',
      },
    ],
  },
  {
    author: 'sbecker',
    group: 'projekte',
    daysAgo: 36.3,
    body: lines(
      '#wasderkundefindet Autsch, aus dem Lenkungsausschuss beim **Klinikum Nordheide**:',
      '',
      '> „Wir erfahren von Verzögerungen zuerst von Ihren Technikern auf dem Flur, nicht vom Projektleiter.“',
      '',
      'Das hat gesessen, und es stimmt. Ich schicke ab sofort jeden Freitag einen kurzen Status (Ampel, drei Sätze), auch wenn nichts passiert ist. Macht ihr das in euren Projekten schon so? #kundenprojekt',
    ),
    reactions: { insightful: ['kvogel', 'jzimmermann', 'lschulz', 'tbraun'] },
    comments: [
      {
        author: 'jzimmermann',
        body: 'Ja, seit einem Jahr. Ampel plus „Was brauchen wir von Ihnen?“. Die zweite Frage bringt mehr als der ganze Rest.',
      },
      {
        author: 'kvogel',
        body: 'Danke, dass du das so offen teilst, Stefan. Ich möchte daraus einen Standard für alle Projekte machen. @birgit.meyer, können wir eine Vorlage ins PMO-Handbuch aufnehmen?',
        replies: [{ author: 'bmeyer', body: 'Mache ich bis Mitte nächster Woche.' }],
      },
    ],
  },
  {
    author: 'jmueller',
    daysAgo: 35.2,
    body: lines(
      '#intranetarbeiten #onboarding',
      '',
      'Unser neuer Azubi im Service Desk hatte in seiner zweiten Woche ein kniffliges Ticket zu **Exchange Online**. Statt mich zu fragen (ich war im Termin), hat er in Kantine nach dem Skill gesucht und direkt @maximilian.richter gefunden. Zehn Minuten Bildschirmteilen, Ticket gelöst.',
      '',
      'Für jemanden, der noch kaum jemanden kennt, ist das Gold wert. Bitte pflegt eure Skills im Profil!',
    ),
    reactions: {
      celebrate: ['bschuster', 'lahmadi', 'okrause'],
      like: ['sjung', 'cwinkler', 'sfranke'],
    },
    comments: [
      {
        author: 'mrichter',
        body: 'Gern! Er hatte sich sogar schon die richtigen Logs rausgesucht, bevor er mich angeschrieben hat.',
      },
      {
        author: 'lahmadi',
        body: '„Profil mit Skills ausfüllen“ steht seit Kurzem in der Onboarding-Checkliste. Das hier ist das beste Argument dafür.',
      },
    ],
  },
  {
    author: 'tgross',
    group: 'kaffee',
    daysAgo: 33.6,
    body: 'Freitag gibt es im Leipziger Büro **Eierschecke** von meiner Oma, Küche im 2. Stock. Hamburger Gäste sind ausdrücklich willkommen, müssen aber pünktlich sein. 🍰 #kaffee',
    reactions: {
      like: ['nkeller', 'ischmid', 'lboehm', 'kschmitt'],
      celebrate: ['ayilmaz', 'mneumann'],
    },
    comments: [
      {
        author: 'fjanssen',
        body: 'Könnt ihr nicht ein Stück per Hauspost schicken? Ich übernehme das Porto.',
        replies: [{ author: 'tgross', body: 'Eierschecke reist nicht. Du musst schon kommen. 😄' }],
      },
    ],
  },
  {
    author: 'hwolf',
    group: 'm365',
    kind: 'question',
    daysAgo: 33.1,
    body: 'Auf meinem Diensthandy bekomme ich seit dem letzten Update **keine Teams-Benachrichtigungen** mehr, nur wenn ich die App öffne. Neu starten hat nichts gebracht. Hat das noch jemand? #m365',
    reactions: { like: ['kschmitt'] },
    comments: [
      {
        author: 'kschmitt',
        body: 'Das liegt an der neuen Energiesparrichtlinie aus dem Gerätemanagement. Ich habe dir die Ausnahme für Teams gerade zugewiesen, in ca. 15 Minuten sollte es wieder gehen.',
        replies: [{ author: 'hwolf', body: 'Läuft wieder. Danke, Kevin!' }],
      },
      {
        author: 'mrichter',
        body: 'Wir rollen die Ausnahme heute Abend für alle Diensthandys aus. Danke fürs Melden, Heiko.',
      },
    ],
  },
  {
    author: 'mfischer',
    group: 'hr',
    kind: 'question',
    daysAgo: 31.4,
    body: 'Wie funktioniert das eigentlich mit **Bildungsurlaub** in Hamburg? Ich würde gern im Herbst einen einwöchigen Kurs zu Netzwerksicherheit machen. Muss das ein anerkannter Kurs sein, und bis wann muss ich ihn beantragen? #weiterbildung',
    reactions: { like: ['bmeyer'] },
    comments: [
      {
        author: 'lahmadi',
        body: lines(
          'Gute Frage, die kommt öfter:',
          '- In Hamburg sind es **10 Tage in zwei Jahren**',
          '- Der Kurs muss in Hamburg als Bildungsurlaub anerkannt sein (steht meist in der Kursbeschreibung)',
          '- Antrag spätestens **6 Wochen vorher** bei mir',
          '',
          'Fachliche Kurse können wir oft auch als Weiterbildung übernehmen, dann bleibt dein Bildungsurlaub übrig. Lass uns kurz sprechen.',
        ),
        replies: [{ author: 'mfischer', body: 'Noch besser. Ich schicke dir einen Termin.' }],
      },
    ],
  },
  {
    author: 'lboehm',
    daysAgo: 30.3,
    body: lines(
      '#wasderkundefindet Die Ergebnisse unserer **Kundenumfrage** sind da (112 Antworten, danke an alle, die nachgehakt haben!):',
      '',
      '- **Weiterempfehlung:** 8,1 von 10 (Vorjahr 7,6)',
      '- Am häufigsten gelobt: „persönliche Ansprechpartner“ und „Techniker, die erklären, was sie tun“',
      '- Am häufigsten kritisiert: **Rechnungen** („schwer nachvollziehbar“) und die Erreichbarkeit am Freitagnachmittag',
      '',
      'Alle Auswertungen: https://example.com/marketing/kundenumfrage-2026',
    ),
    reactions: {
      insightful: ['khansen', 'hbrandt', 'aschroeder', 'ghuber', 'tkrueger'],
      celebrate: ['pwerner', 'okrause'],
    },
    comments: [
      {
        author: 'ghuber',
        body: 'Die Kritik an den Rechnungen nehmen wir ernst. Wir arbeiten mit der Umstellung auf E-Rechnungen ohnehin an einem neuen Layout, @ines.schmid stellt es bald vor.',
      },
      {
        author: 'okrause',
        body: 'Freitagnachmittag: Ab nächstem Monat ist der Service Desk bis 18 Uhr statt bis 16 Uhr besetzt.',
        replies: [{ author: 'lboehm', body: 'Super, das schreibe ich in den Kundennewsletter!' }],
      },
    ],
  },
  {
    author: 'amehta',
    group: 'entwicklung',
    kind: 'question',
    daysAgo: 29.1,
    body: lines(
      'Question about **Microsoft Graph throttling**: our nightly license report for Hanse Logistik keeps failing with HTTP 429 since they grew to 2,000 users.',
      '',
      'Right now we simply retry after 10 seconds. Is there a pattern we already use elsewhere, or should I build something new? #m365',
    ),
    reactions: { like: ['nkeller'] },
    comments: [
      {
        author: 'fsommer',
        helpful: ['nkeller', 'dpetrova'],
        body: 'Bitte den `Retry-After`-Header auswerten statt fest 10 Sekunden zu warten. Und schau dir JSON-Batching an, damit sparst du dir 90 % der Requests. In unserer Ticket-Integration gibt es eine Hilfsfunktion dafür: `lib/graph/retry.ts`.',
        replies: [
          {
            author: 'amehta',
            body: 'Thanks Felix, batching cut the runtime from 40 to 6 minutes. 🙏',
          },
        ],
      },
      {
        author: 'dpetrova',
        body: 'Und lass den Job bitte nicht mehr exakt um 02:00 laufen, da starten drei andere auch. Ich verschiebe ihn auf 03:20.',
      },
    ],
  },
  {
    author: 'lschulz',
    kind: 'question',
    daysAgo: 28.2,
    body: 'Ich bin noch nicht lange Projektleiter und habe eine Frage zum **Vergaberecht**: Die Stadtwerke Elbtal möchten im laufenden Projekt zusätzliche Access Points bestellen. Dürfen wir das einfach als Nachtrag anbieten oder müssen die neu ausschreiben? #kundenprojekt',
    reactions: { like: ['kvogel', 'sbecker'] },
    comments: [
      {
        author: 'mlehmann',
        accepted: true,
        helpful: ['kvogel', 'sbecker'],
        body: lines(
          'Kommt auf den Umfang an. Grob:',
          '- Bis **10 %** des ursprünglichen Auftragswerts ist eine Änderung meist unproblematisch',
          '- Darüber muss der Kunde prüfen, ob es eine wesentliche Änderung ist',
          '',
          'Wichtig: Die Entscheidung trifft **der Kunde**, nicht wir. Schick mir gern den Vertrag, ich schaue mit drauf.',
        ),
        replies: [
          {
            author: 'lschulz',
            body: 'Danke, Markus! Es sind etwa 6 %, ich schicke dir die Unterlagen.',
          },
        ],
      },
    ],
  },
  {
    author: 'ahartmann',
    group: 'm365',
    daysAgo: 27.4,
    body: 'Ab sofort gibt es jeden **Donnerstag um 12:30 Uhr** eine M365-Sprechstunde, 30 Minuten, ohne Anmeldung. Einfach mit Frage reinkommen: https://example.com/teams/m365-sprechstunde. Während meines Urlaubs übernimmt @maximilian.richter. #m365',
    reactions: {
      like: ['okrause', 'dlorenz', 'nfriedrich', 'jzimmermann'],
      celebrate: ['lwagner'],
    },
    comments: [
      {
        author: 'nfriedrich',
        body: 'Super! Ich komme gleich diese Woche mit meinem Excel-Chaos zu den Lizenzlaufzeiten.',
      },
    ],
  },
  {
    author: 'skoehler',
    group: 'polarstern',
    daysAgo: 24.3,
    body: lines(
      '**Polarstern – erster Eindruck technische Due Diligence** (vertraulich)',
      '',
      '- 14 Techniker, gut ausgebildet, viele mit Zertifizierungen',
      '- Eigenes kleines Rechenzentrum, zwei Racks, Klimatisierung am Limit',
      '- Ticketsystem ist eine Eigenentwicklung von 2011, keine Schnittstellen',
      '- Dokumentation: lückenhaft, viel Wissen bei zwei Personen',
      '',
      'Fazit: Die Leute sind das eigentliche Asset. Das RZ würde ich mittelfristig in unsere Umgebung in Leipzig migrieren.',
    ),
    reactions: { insightful: ['hbrandt', 'tkrueger', 'lwagner'] },
    comments: [
      {
        author: 'hbrandt',
        body: 'Danke, Sabine. Das Wissensrisiko bei zwei Personen müssen wir im Kaufvertrag berücksichtigen, etwa mit Halteprämien.',
      },
    ],
  },
  {
    author: 'sjung',
    group: 'support',
    kind: 'question',
    daysAgo: 26.2,
    body: 'Ticket SD-48213 vom **Klinikum Nordheide**: Über Citrix kommen auf dem Stationsdrucker nur leere Seiten an, lokal druckt er normal. @elena.kovacevic, du kennst dich doch mit Citrix-Druck aus – hast du eine Idee?',
    reactions: { like: ['okrause'] },
    comments: [
      {
        author: 'ekovacevic',
        body: 'Klingt nach dem Universal-Druckertreiber. Stell die Richtlinie für diesen Drucker auf den nativen Treiber um, dann sollte es gehen. Ich schaue mir nachher die Sitzung an, wenn nicht.',
        replies: [
          { author: 'sjung', body: 'Das war es! Station 4 druckt wieder. Danke, Elena!' },
          {
            author: 'mrichter',
            body: 'Ich packe das als Wissensartikel in die Datenbank, das hatten wir schon öfter.',
          },
        ],
      },
    ],
  },
  {
    author: 'tbraun',
    group: 'projekte',
    daysAgo: 23.4,
    body: lines(
      '**Azure Landing Zone für die Hanse Logistik AG** – Architektur steht! ☁️',
      '',
      '- Hub-and-Spoke mit zentraler Firewall',
      '- Getrennte Subscriptions für Produktion, Test und Lagerverwaltung',
      '- Richtlinien aus unserem Standard-Baukasten (`policies/nordlicht-baseline`)',
      '',
      'Die Präsentation für den Kunden liegt hier: https://example.com/sharepoint/projekte/hanse-logistik/landing-zone. Feedback bis Freitag willkommen. #kundenprojekt',
    ),
    reactions: { like: ['ekaya', 'kvogel', 'pnowak'], insightful: ['sbecker', 'skoehler'] },
    comments: [
      {
        author: 'ekaya',
        body: 'Sieht gut aus. Für die Migration der VMware-Umgebung würde ich die Test-Subscription zuerst nehmen, dann haben wir Erfahrungswerte.',
        replies: [
          { author: 'tbraun', body: 'Einverstanden, ich nehme es in den Migrationsplan auf.' },
        ],
      },
    ],
  },
  {
    author: 'kschmitt',
    daysAgo: 22.3,
    body: lines(
      '#wasderkundefindet Heute beim Client-Rollout in Chemnitz sagte die Geschäftsführerin zu mir:',
      '',
      '> „Sie sind die Ersten, die die Altgeräte nicht nur mitnehmen, sondern uns auch das Löschzertifikat schicken.“',
      '',
      'Das Lob geht an @ahmet.yilmaz im Lager, der die Rücknahme so sauber organisiert hat. 📦',
    ),
    reactions: {
      celebrate: ['ayilmaz', 'jbeck', 'okrause'],
      like: ['hwolf', 'skoehler', 'aschroeder'],
    },
    comments: [
      {
        author: 'ayilmaz',
        body: 'Danke, Kevin! Wir machen das seit dem Frühjahr mit jedem Gerät, gut zu hören, dass es ankommt.',
      },
    ],
  },
  {
    author: 'cwinkler',
    group: 'fuehrungskreis',
    daysAgo: 21.2,
    body: lines(
      '**Gehaltsrunde – vertraulich**',
      '',
      'Vorschlag nach Abstimmung mit Gerhard: Budget von 3,8 % der Personalkosten, davon 0,5 % für Sonderanpassungen. Bitte bis Monatsende für euren Bereich:',
      '1. Vorschläge pro Person',
      '2. Fälle, bei denen wir unter Marktniveau liegen',
      '3. Fälle mit Abwanderungsrisiko',
      '',
      'Die Liste bitte nur über die verschlüsselte Ablage, nicht per Mail.',
    ),
    reactions: { like: ['hbrandt', 'skoehler'], thanks: ['aschroeder'] },
    comments: [
      {
        author: 'mneumann',
        body: 'In der Entwicklung liegen wir bei zwei Leuten deutlich unter Markt. Die Marktdaten bringe ich mit.',
      },
      {
        author: 'aschroeder',
        body: 'Für den Support: Die Schichtzulagen sollten wir in dem Zug mit überprüfen.',
        replies: [{ author: 'cwinkler', body: 'Guter Punkt, nehme ich auf die Agenda.' }],
      },
    ],
  },
  {
    author: 'hwolf',
    group: 'kaffee',
    daysAgo: 20.1,
    body: 'Fundsache: blauer Regenschirm mit Holzgriff, steht seit Montag im Besprechungsraum „Elbe“. Gehört er jemandem oder darf ich ihn adoptieren? ☔ #kaffee',
    reactions: { like: ['lwagner', 'sjung'] },
    comments: [
      {
        author: 'rpohl',
        body: 'Meiner! Ich dachte, ich hätte ihn in der S-Bahn liegen lassen. Danke, Heiko!',
      },
    ],
  },
  {
    author: 'dweiss',
    daysAgo: 19.3,
    body: '#ärger Und wieder VPN: Beim Kunden in Halle ging heute gar nichts mehr, die Präsentation lag im SharePoint. Gibt es einen Termin für das neue Gateway?',
    reactions: { like: ['aoezdemir', 'mlehmann'] },
    comments: [
      {
        author: 'okrause',
        body: 'Ja: Das neue Gateway ist da und wird am **Samstag** eingebaut. Ab Montag sollte es deutlich besser sein. Sorry für den Ärger!',
        replies: [
          {
            author: 'dweiss',
            body: 'Danke für die Info, dann nehme ich bis dahin alles lokal mit.',
          },
        ],
      },
    ],
  },
  {
    author: 'fjanssen',
    daysAgo: 17.2,
    body: lines(
      '#intranetarbeiten Für die Demo bei der Hanse Logistik AG sollte ich kurzfristig eine Azure-Architektur skizzieren. Bei der Suche nach „Landing Zone“ bin ich auf den Beitrag von @tobias.braun in der Projektgruppe gestoßen.',
      '',
      'Ich habe seine Folien genommen, 20 Minuten mit ihm telefoniert, fertig. Der Kunde hat gefragt, ob wir das schon öfter gemacht haben. Ja, haben wir – jetzt weiß es auch der Vertrieb. 😉',
    ),
    reactions: {
      celebrate: ['tbraun', 'bschuster'],
      like: ['mschneider', 'kvogel', 'tkrueger', 'ekaya'],
    },
    comments: [
      {
        author: 'tbraun',
        body: 'Gern! Sag Bescheid, wenn es konkret wird, dann komme ich mit zum Folgetermin.',
      },
    ],
  },
  {
    author: 'sfranke',
    group: 'hr',
    daysAgo: 16.4,
    body: lines(
      '**Wir suchen Verstärkung!** Aktuell offen:',
      '- Service-Desk-Mitarbeiter/in in Leipzig',
      '- Cloud-Engineer (m/w/d), Hamburg oder remote',
      '',
      'Über unser Empfehlungsprogramm gibt es 2.000 € Prämie, wenn die Person die Probezeit besteht. Alle Details: https://example.com/karriere #recruiting',
    ),
    reactions: { like: ['cwinkler', 'kvogel', 'lboehm', 'mschneider'] },
    comments: [
      {
        author: 'kschmitt',
        body: 'Für den Service Desk Leipzig kenne ich jemanden aus meiner alten Firma. Ich schicke dir den Kontakt per Direktnachricht.',
        replies: [
          { author: 'sfranke', body: 'Sehr gern, Kevin. Ich melde mich dann direkt bei ihr.' },
        ],
      },
      {
        author: 'lboehm',
        body: 'Ich teile die Stellen morgen auch noch einmal auf LinkedIn.',
      },
    ],
  },
  {
    author: 'mrichter',
    daysAgo: 15.6,
    body: lines(
      '#sicherheit ⚠️ Achtung, aktuell kommen gut gemachte **Phishing-Mails** mit angeblichen Rechnungen eines Distributors.',
      '',
      'Erkennungsmerkmale:',
      '- Absender sieht echt aus, die Antwortadresse aber nicht',
      '- Anhang ist eine `.html`-Datei, die eine Anmeldeseite öffnet',
      '- Betreff: „Zahlungserinnerung – letzte Mahnung“',
      '',
      'Bitte **nicht öffnen**, sondern über den Button „Phishing melden“ in Outlook weiterleiten. Wer schon geklickt hat: sofort beim Service Desk melden, das ist kein Drama, wenn wir es früh wissen.',
    ),
    reactions: {
      insightful: ['ghuber', 'jbeck', 'nfriedrich', 'cwinkler'],
      thanks: ['ischmid', 'nhoffmann', 'hbrandt'],
    },
    comments: [
      {
        author: 'ischmid',
        body: 'Bei mir waren heute früh zwei davon, beide gemeldet. Die Buchhaltung ist natürlich ein Lieblingsziel.',
        replies: [
          { author: 'mrichter', body: 'Danke, Ines. Genau so. Die Absender sind jetzt gesperrt.' },
        ],
      },
    ],
  },
  {
    author: 'lwagner',
    kind: 'announcement',
    daysAgo: 15.1,
    body: lines(
      '**Sommerfest an der Elbe** ☀️',
      '',
      'Am Freitag in vier Wochen feiern wir ab 16 Uhr im Beach Club am Hafen. Die Leipziger Kolleginnen und Kollegen kommen mit dem Bus, Abfahrt 11 Uhr am Büro.',
      '',
      '- Anmeldung bis zum 15. des Monats: https://example.com/sommerfest',
      '- Partner und Kinder sind herzlich willkommen',
      '- Wer beim Aufbau helfen mag, meldet sich bei @paul.werner',
      '',
      'Wir freuen uns auf euch! #sommerfest',
    ),
    reactions: {
      celebrate: ['pwerner', 'tgross', 'ayilmaz', 'sjung', 'kschmitt', 'lboehm', 'nkeller'],
      like: ['hbrandt', 'skoehler', 'jbeck', 'dweiss'],
    },
    comments: [
      {
        author: 'ayilmaz',
        body: 'Gibt es im Bus wieder Kaffee? Das war letztes Jahr das Highlight vor Hamburg. 😄',
        replies: [
          {
            author: 'pwerner',
            body: 'Kaffee und Franzbrötchen ab Autobahnkreuz Hannover. Versprochen.',
          },
        ],
      },
    ],
  },
  {
    author: 'lbauer',
    group: 'entwicklung',
    daysAgo: 14.7,
    body: lines(
      '**Barrierefreiheit im Kundenportal:** Das externe Audit ist zurück.',
      '',
      '- 31 Befunde, davon 4 kritisch (Tastaturbedienung im Ticketformular, Kontraste)',
      '- Die Kritischen schaffen wir bis zum nächsten Release',
      '- Ab sofort gehört ein Screenreader-Test zu jeder Definition of Done',
      '',
      '@marie.schwarz und ich machen dazu am Mittwoch eine kurze Einführung für alle. #barrierefreiheit #kundenprojekt',
    ),
    reactions: { like: ['mneumann', 'tgross', 'dpetrova'], insightful: ['nkeller', 'amehta'] },
    comments: [
      {
        author: 'mschwarz',
        body: 'Ich bringe die Aufzeichnungen aus den Nutzertests mit. Es ist eindrucksvoll, das Portal einmal nur mit Tastatur zu bedienen.',
      },
      {
        author: 'nkeller',
        body: 'Die Kontraste übernehme ich, das ist im Wesentlichen eine Änderung an den CSS-Variablen.',
      },
    ],
  },
  {
    author: 'pnowak',
    group: 'fahrrad',
    daysAgo: 13.9,
    body: 'Leipzig macht beim **Stadtradeln** mit! Ich habe ein Team „Nordlicht Leipzig“ angelegt: https://example.com/stadtradeln/nordlicht-leipzig. Wer dabei ist, trägt einfach drei Wochen lang seine Kilometer ein. Hamburg, traut ihr euch? 🚴 #jobrad',
    reactions: { like: ['mneumann', 'dlorenz', 'ekovacevic', 'amehta'], celebrate: ['bmeyer'] },
    comments: [
      {
        author: 'mneumann',
        body: 'Bin dabei. Mein Arbeitsweg ist zwar nur 4 km, aber jeder Kilometer zählt.',
      },
      {
        author: 'nfriedrich',
        body: 'Challenge accepted! Ich lege das Hamburger Team heute Abend an.',
        replies: [
          { author: 'pnowak', body: 'Sehr gut. Verlierer bringt beim Sommerfest den Kuchen mit.' },
        ],
      },
    ],
  },
  {
    author: 'okrause',
    daysAgo: 12.8,
    body: lines(
      'Gute Nachrichten zum **VPN**: Das neue Gateway läuft seit Samstag.',
      '',
      '- Durchsatz im Homeoffice: vorher ca. 8 Mbit/s, jetzt über 150 Mbit/s',
      '- Teams läuft per Split-Tunneling direkt, nicht mehr durchs VPN',
      '- Keine Verbindungsabbrüche mehr in den Spitzenzeiten morgens',
      '',
      'Danke an @darja.petrova für das Wochenende im Serverraum und an alle, die ihren #ärger hier so deutlich geschrieben haben. Das hat die Bestellung beschleunigt. 😉 #sicherheit',
    ),
    reactions: {
      celebrate: ['aoezdemir', 'dweiss', 'hwolf', 'kschmitt', 'mlehmann', 'dpetrova'],
      like: ['hbrandt', 'skoehler', 'bschuster'],
      thanks: ['fjanssen', 'jmueller'],
    },
    comments: [
      {
        author: 'aoezdemir',
        body: 'Gestern aus dem Hotel in Flensburg: einstündiger Teams-Call ohne einen einzigen Abbruch. 🎉',
      },
      {
        author: 'dpetrova',
        body: 'Gern! Und falls doch etwas hakt: bitte mit Uhrzeit und Standort melden, dann finden wir es in den Logs.',
      },
    ],
  },
  {
    author: 'mschneider',
    daysAgo: 11.5,
    body: lines(
      '#wasderkundefindet Quartalsgespräch mit der **Hanse Logistik AG**:',
      '',
      '👍 Die neue Teams-Telefonie an den Terminals läuft „so unauffällig, dass es niemand merkt – das ist das größte Lob“.',
      '👍 Die SAP-Anbindung für Störmeldungen soll jetzt kommen, Auftrag folgt.',
      '👎 Rechnungen: Der Einkauf findet die Positionen nicht den Bestellungen zugeordnet.',
      '',
      '@ines.schmid, das passt zum Punkt aus der Kundenumfrage. Können wir darüber sprechen?',
    ),
    reactions: {
      celebrate: ['tkrueger', 'fsommer'],
      insightful: ['ghuber', 'aschroeder', 'rpohl'],
    },
    comments: [
      {
        author: 'ischmid',
        body: 'Ja, unbedingt. Im neuen Layout steht die Bestellnummer des Kunden pro Position. Ich zeige es dir am Dienstag, dann kannst du es der Hanse Logistik vorab schicken.',
        replies: [{ author: 'mschneider', body: 'Perfekt, Dienstag passt.' }],
      },
    ],
  },
  {
    author: 'dpetrova',
    group: 'entwicklung',
    daysAgo: 9.2,
    body: lines(
      '#sicherheit Heads-up: Ich habe heute alle **CI-Variablen mit Zugangsdaten** rotiert, nachdem ein Token versehentlich in einem Build-Log stand.',
      '',
      'Falls eure Pipeline rot ist: Bitte die Variablen nicht selbst neu setzen, sondern mir Bescheid geben. Ab sofort maskieren wir Secrets grundsätzlich mit `masked: true`.',
    ),
    reactions: { thanks: ['mneumann', 'lbauer'], insightful: ['tgross', 'amehta'] },
    comments: [
      {
        author: 'nkeller',
        body: 'Mein Frontend-Build war betroffen, läuft aber wieder. Danke für die schnelle Reaktion!',
      },
      {
        author: 'mneumann',
        body: 'Gut gemacht. Lass uns in der nächsten Retro kurz besprechen, wie wir so etwas automatisch erkennen.',
      },
    ],
  },
  {
    author: 'mlehmann',
    daysAgo: 7.4,
    body: '#ÄRGER Das Reisekosten-Tool rechnet bei meiner Dienstreise nach Erfurt keine Verpflegungspauschale für den An- und Abreisetag. Das ist jetzt das dritte Mal. Liegt das an mir oder am Tool?',
    reactions: { like: ['dweiss', 'kschmitt'] },
    comments: [
      {
        author: 'ischmid',
        body: 'Am Tool, leider. Bei mehrtägigen Reisen ohne Übernachtungsbeleg fällt die Pauschale raus. Ich korrigiere deine Abrechnung von Hand, der Fix soll mit dem nächsten Update kommen.',
        replies: [{ author: 'mlehmann', body: 'Danke, Ines. Dann warte ich aufs Update.' }],
      },
      {
        author: 'ghuber',
        body: 'Wir schauen uns für das nächste Jahr Alternativen an. Herr Pohl sammelt die Anforderungen, Hinweise gern an ihn (@ralf.pohl).',
      },
    ],
  },
  {
    author: 'skoehler',
    group: 'fuehrungskreis',
    daysAgo: 6.3,
    body: lines(
      '**Auslastung – bitte vertraulich behandeln**',
      '',
      'Die Projekte liegen für die nächsten acht Wochen bei 112 %. Kurz gesagt: Wir schaffen die zweite Phase beim Klinikum Nordheide nicht im geplanten Zeitraum.',
      '',
      'Optionen:',
      '1. Phase 2 um vier Wochen schieben (Kunde muss zustimmen)',
      '2. Zwei Freelancer für die Verkabelung zukaufen (ca. 38 T€)',
      '3. Entwicklung unterstützt bei der Automatisierung der Client-Rollouts',
      '',
      'Ich tendiere zu 2 und 3. Meinungen bis Mittwoch?',
    ),
    reactions: { insightful: ['hbrandt', 'tkrueger'], like: ['lwagner'] },
    comments: [
      {
        author: 'tkrueger',
        body: 'Bitte nicht Option 1, das Klinikum ist nach dem Lenkungsausschuss ohnehin empfindlich beim Thema Termine.',
      },
      {
        author: 'mneumann',
        body: 'Option 3 geht, zwei Leute für drei Wochen. Danach brauche ich sie aber zurück fürs Kundenportal.',
        replies: [{ author: 'skoehler', body: 'Danke, Michael. Dann planen wir genau so.' }],
      },
    ],
  },
  {
    author: 'tkrueger',
    group: 'vertrieb',
    daysAgo: 4.9,
    body: lines(
      '**Vier Wochen neue Freigaberegeln** – Zwischenstand:',
      '',
      '- Durchlaufzeit Angebot bis Abgabe: **von 9 auf 3 Tage**',
      '- 14 Angebote ohne eine einzige Rückfrage freigegeben',
      '- Zwei Aufträge, bei denen der Kunde ausdrücklich die Geschwindigkeit gelobt hat',
      '',
      'Danke an @frederik.janssen, der das Thema hier angestoßen hat. #angebot #intranetarbeiten',
    ),
    reactions: {
      celebrate: ['fjanssen', 'mschneider', 'aoezdemir', 'dweiss', 'nhoffmann'],
      like: ['mlehmann', 'cmorgan'],
    },
    comments: [
      {
        author: 'fjanssen',
        body: 'Freut mich sehr. Ein ehrlicher Beitrag mit #ärger hat hier mehr bewegt als drei Jahre Flurfunk.',
      },
      {
        author: 'cmorgan',
        body: 'Great result! The faster turnaround also helps with deal registrations, two vendors noticed already.',
      },
    ],
  },
  {
    author: 'tkrueger',
    group: 'polarstern',
    daysAgo: 4.1,
    body: lines(
      '**Polarstern – Kundenanalyse** (vertraulich)',
      '',
      'Die anonymisierte Kundenliste ist durch: Nur 3 von 48 Kunden überschneiden sich mit unseren. Der Umsatz liegt zu über 60 % bei Fertigungsbetrieben in Sachsen, also genau dort, wo wir in Leipzig wachsen wollen.',
      '',
      'Aus Vertriebssicht: klare Empfehlung, weiterzumachen.',
    ),
    reactions: { insightful: ['hbrandt', 'skoehler'] },
    comments: [
      {
        author: 'lwagner',
        body: 'Der Termin mit den Anwälten am 14. ist geblockt, Raum „Alster“ ist reserviert. Im Kalender steht nur „Strategie“.',
        replies: [
          {
            author: 'hbrandt',
            body: 'Danke, Lena. Dann bereiten wir dort ein unverbindliches Angebot vor.',
          },
        ],
      },
    ],
  },
  {
    author: 'kvogel',
    group: 'projekte',
    kind: 'question',
    daysAgo: 3.2,
    body: 'Wer hat in den nächsten zwei Wochen noch **Luft für 2–3 Tage**? Für die Stadtwerke Elbtal brauchen wir jemanden, der WLAN-Messungen in zwei Umspannwerken macht. Reisekosten Hamburg → Elbtal sind eingeplant. #kundenprojekt',
    reactions: { like: ['sbecker'] },
    comments: [
      {
        author: 'mfischer',
        helpful: ['sbecker'],
        body: 'Ich bin ab Mittwoch frei und kenne die Standorte vom letzten Projekt. Das Messequipment nehme ich mit.',
        replies: [{ author: 'kvogel', body: 'Perfekt, Moritz. Ich trage dich ein.' }],
      },
      {
        author: 'lschulz',
        body: 'Darf ich mitkommen? Ich würde die Messungen gern einmal live sehen.',
        replies: [{ author: 'mfischer', body: 'Klar, zu zweit geht es eh schneller.' }],
      },
    ],
  },
  {
    author: 'amehta',
    group: 'fahrrad',
    kind: 'question',
    daysAgo: 2.6,
    body: 'Does anyone know a good **bike repair shop** near Ottensen? My rear wheel has been making strange noises since the Stadtradeln rides. 🚲',
    reactions: { like: ['pwerner'] },
    comments: [
      {
        author: 'pwerner',
        body: 'Try the small workshop behind the Bahnhof Altona, they usually fix things the same day. Otherwise check our list: https://example.com/wiki/fahrrad/werkstaetten',
        replies: [{ author: 'amehta', body: 'Thank you, Paul! I will drop by tomorrow.' }],
      },
    ],
  },
  {
    author: 'ayilmaz',
    group: 'kaffee',
    daysAgo: 1.9,
    body: 'Die **neue Kaffeemaschine** im Leipziger Lager ist angeschlossen! ☕ Bohnen stehen im Schrank links, Milch bitte nach Gebrauch in den Kühlschrank. Wer die Maschine entkalkt, bekommt einen Eintrag in die Ehrentafel. #kaffee',
    reactions: {
      celebrate: ['tgross', 'kschmitt', 'nkeller', 'ischmid', 'lboehm'],
      like: ['mneumann', 'skoehler'],
    },
    comments: [
      {
        author: 'tgross',
        body: 'Endlich! Die alte Maschine hat ja eher Kaffee-Erinnerungen ausgegeben als Kaffee.',
      },
    ],
  },
  {
    author: 'aschroeder',
    group: 'support',
    daysAgo: 1.3,
    body: lines(
      '#wasderkundefindet Monatsreview mit dem **Klinikum Nordheide**:',
      '',
      'Ausdrückliches Lob für @jana.mueller: „Frau Müller hat uns am Sonntagmorgen durch den Ausfall der Stationsrechner gelotst, ruhig und kompetent.“',
      '',
      'Dazu eine Kritik: Die Wartungsfenster kündigen wir zu kurzfristig an. Künftig mindestens fünf Werktage vorher.',
    ),
    reactions: {
      celebrate: ['okrause', 'sjung', 'mrichter', 'hwolf'],
      like: ['kschmitt'],
    },
    comments: [
      {
        author: 'jmueller',
        body: 'Oh, das freut mich wirklich! Der Sonntag war aufregend, aber Max war ja auch in Rufbereitschaft.',
      },
      {
        author: 'okrause',
        body: 'Die fünf Werktage trage ich in die Change-Vorlage ein. Danke, Andrea!',
      },
    ],
  },
  {
    author: 'bschuster',
    kind: 'announcement',
    daysAgo: 0.4,
    body: lines(
      '**Ein Jahr Kantine** – ein kurzer Rückblick 📊',
      '',
      '- 9 von 10 Kolleginnen und Kollegen waren mindestens einmal hier',
      '- Fragen werden inzwischen im Mittel nach **rund drei Stunden** beantwortet – zum Start war es noch ein ganzer Arbeitstag',
      '- Die meistgenutzten Hashtags: #intranetarbeiten, #ärger und #wasderkundefindet',
      '',
      'Besonders freut mich, dass aus #ärger-Beiträgen echte Verbesserungen wurden: neues VPN-Gateway, schnellere Angebotsfreigaben, ein neuer Drucker im 3. OG.',
      '',
      'Als Nächstes: Profile mit Skills vervollständigen und eure Teamgruppen pflegen. Ideen gern als Kommentar!',
    ),
    reactions: {
      celebrate: ['hbrandt', 'khansen', 'lwagner', 'skoehler', 'okrause'],
      like: ['tkrueger', 'fjanssen', 'lahmadi', 'jmueller'],
    },
    comments: [
      {
        author: 'hbrandt',
        body: 'Danke, Benedikt. Das ist schneller angekommen, als ich gedacht hätte.',
      },
      {
        author: 'khansen',
        body: 'Vorschlag: Einmal im Monat stellen wir im Newsletter die beste #intranetarbeiten-Geschichte vor.',
        replies: [{ author: 'bschuster', body: 'Gekauft! Die erste Ausgabe kommt nächste Woche.' }],
      },
    ],
  },
  {
    author: 'nfriedrich',
    kind: 'question',
    daysAgo: 0.05,
    body: 'Kurze Frage: Hat jemand einen Überblick, welche **Visio-Lizenzen** wir intern noch frei haben? Für das Projekt beim Klinikum Nordheide werden zwei gebraucht. #m365',
    comments: [
      {
        author: 'mrichter',
        body: 'Im Admin Center sehe ich drei freie. Ich weise dir nachher zwei zu, schick mir nur die Namen.',
      },
    ],
  },

  // ── Noch offen ──────────────────────────────────────────────────────────────
  {
    author: 'ekovacevic',
    group: 'support',
    kind: 'question',
    daysAgo: 4.3,
    body: 'Weiß jemand, wie wir bei **Druckern von Kyocera** die Scan-to-Mail-Funktion auf Microsoft 365 mit OAuth umstellen? Basic Auth wird bei zwei Kunden im Januar abgeschaltet. #m365',
    reactions: { like: ['sjung'] },
  },
  {
    author: 'tkrueger',
    kind: 'question',
    daysAgo: 1.4,
    body: 'Gibt es schon eine Regel, wie lange wir **Projektdaten nach Abschluss** aufbewahren? Ich räume gerade die Teams-Kanäle der letzten Jahre auf und möchte nichts löschen, was wir noch brauchen. #datenschutz',
  },
];
