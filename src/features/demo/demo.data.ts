// Fictional people; any likeness is coincidental.
//
// Demo organisation for Kantine: a mid-sized IT systems integrator with its head office in
// Hamburg and a second site in Leipzig. All names, e-mail addresses and biographies are invented.

export type DemoAvailability = 'available' | 'busy' | 'away';

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  title: string;
  department: string;
  location: string;
  bio: string;
  skills: string[];
  availability: DemoAvailability;
  capacity: number;
  awayUntilDays?: number;
  managerKey?: string;
  admin?: boolean;
  locale?: 'de' | 'en';
}

export const DEMO_COMPANY: { name: string; domain: string; city: string } = {
  name: 'Nordlicht Systemhaus GmbH',
  domain: 'nordlicht.example',
  city: 'Hamburg',
};

export const DEMO_DEPARTMENTS: readonly string[] = [
  'Geschäftsführung',
  'Vertrieb',
  'Projekte',
  'Support',
  'Entwicklung',
  'HR',
  'Marketing',
  'Finanzen',
  'Einkauf',
];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  // ── Geschäftsführung ──────────────────────────────────────────────────────
  {
    key: 'hbrandt',
    name: 'Henrik Brandt',
    email: 'henrik.brandt@nordlicht.example',
    title: 'Geschäftsführer',
    department: 'Geschäftsführung',
    location: 'Hamburg',
    bio:
      'Hat Nordlicht 2004 mit zwei Kollegen in einem Hinterhofbüro in Ottensen gegründet. ' +
      'Segelt im Sommer auf der Alster und hält nichts von Meetings ohne Agenda.',
    skills: [
      'Unternehmensstrategie',
      'Partnerschaften',
      'Verhandlungsführung',
      'Öffentlicher Sektor',
    ],
    availability: 'busy',
    capacity: 10,
    locale: 'de',
  },
  {
    key: 'skoehler',
    name: 'Sabine Köhler',
    email: 'sabine.koehler@nordlicht.example',
    title: 'Geschäftsführerin Technik & Services',
    department: 'Geschäftsführung',
    location: 'Leipzig',
    bio:
      'Hat den Standort Leipzig 2015 aufgebaut und verantwortet heute Projekte, Support und ' +
      'Entwicklung. Früher selbst Netzwerkerin, heute immer noch die Erste, die im Serverraum ' +
      'nachschaut.',
    skills: ['IT-Strategie', 'ITIL', 'Standortaufbau', 'Rechenzentrumsbetrieb'],
    availability: 'busy',
    capacity: 15,
    managerKey: 'hbrandt',
    locale: 'de',
  },
  {
    key: 'lwagner',
    name: 'Lena Wagner',
    email: 'lena.wagner@nordlicht.example',
    title: 'Assistentin der Geschäftsführung',
    department: 'Geschäftsführung',
    location: 'Hamburg',
    bio:
      'Hält die Kalender der Geschäftsführung zusammen und kümmert sich nebenbei um die ' +
      'Administration von Kantine. Wer einen Raum für mehr als zwölf Personen braucht, fragt am ' +
      'besten sie.',
    skills: ['Terminkoordination', 'Reiseplanung', 'Kantine-Administration', 'Gremienorganisation'],
    availability: 'available',
    capacity: 40,
    managerKey: 'hbrandt',
    admin: true,
    locale: 'de',
  },

  // ── Vertrieb ──────────────────────────────────────────────────────────────
  {
    key: 'tkrueger',
    name: 'Thomas Krüger',
    email: 'thomas.krueger@nordlicht.example',
    title: 'Vertriebsleiter',
    department: 'Vertrieb',
    location: 'Hamburg',
    bio:
      'Leitet seit sieben Jahren den Vertrieb und kennt die meisten Kunden noch persönlich. ' +
      'Sein Forecast ist berüchtigt genau, sein Kaffee berüchtigt stark.',
    skills: ['Vertriebssteuerung', 'Forecasting', 'Rahmenverträge', 'CRM'],
    availability: 'busy',
    capacity: 10,
    managerKey: 'hbrandt',
    locale: 'de',
  },
  {
    key: 'mschneider',
    name: 'Martina Schneider',
    email: 'martina.schneider@nordlicht.example',
    title: 'Key Account Managerin',
    department: 'Vertrieb',
    location: 'Hamburg',
    bio:
      'Betreut unsere drei größten Kunden aus Logistik und Hafenwirtschaft. Kam vor neun Jahren ' +
      'aus dem Reedereiumfeld und spricht deshalb fließend Containerterminal.',
    skills: [
      'Key Account Management',
      'Logistikbranche',
      'Angebotskalkulation',
      'Verhandlungsführung',
    ],
    availability: 'busy',
    capacity: 20,
    managerKey: 'tkrueger',
    locale: 'de',
  },
  {
    key: 'jpetersen',
    name: 'Jan Petersen',
    email: 'jan.petersen@nordlicht.example',
    title: 'Key Account Manager',
    department: 'Vertrieb',
    location: 'Hamburg',
    bio:
      'Zuständig für Kunden aus dem Gesundheitswesen, von Praxisverbünden bis zu Kliniken. ' +
      'Gebürtiger Husumer, derzeit in Elternzeit.',
    skills: ['Gesundheitswesen', 'KRITIS', 'Lösungsvertrieb'],
    availability: 'away',
    capacity: 0,
    awayUntilDays: 24,
    managerKey: 'tkrueger',
    locale: 'de',
  },
  {
    key: 'aoezdemir',
    name: 'Ayşe Özdemir',
    email: 'ayse.oezdemir@nordlicht.example',
    title: 'Account Managerin Mittelstand',
    department: 'Vertrieb',
    location: 'Hamburg',
    bio:
      'Gewinnt neue Kunden im norddeutschen Mittelstand und schwört auf den persönlichen Termin ' +
      'vor Ort. Spielt in ihrer Freizeit Handball in der Oberliga.',
    skills: ['Neukundengewinnung', 'Microsoft 365 Lizenzierung', 'Messevertrieb', 'Türkisch'],
    availability: 'available',
    capacity: 45,
    managerKey: 'tkrueger',
    locale: 'de',
  },
  {
    key: 'fjanssen',
    name: 'Frederik Janßen',
    email: 'frederik.janssen@nordlicht.example',
    title: 'Presales Consultant',
    department: 'Vertrieb',
    location: 'Hamburg',
    bio:
      'Übersetzt zwischen Kundenwunsch und technischer Machbarkeit, meistens am Whiteboard. War ' +
      'vorher sechs Jahre Systemingenieur in unseren Projekten.',
    skills: ['Lösungsarchitektur', 'Demo-Umgebungen', 'VMware', 'Azure', 'Angebotskalkulation'],
    availability: 'available',
    capacity: 55,
    managerKey: 'tkrueger',
    locale: 'de',
  },
  {
    key: 'nhoffmann',
    name: 'Nina Hoffmann',
    email: 'nina.hoffmann@nordlicht.example',
    title: 'Vertriebsinnendienst',
    department: 'Vertrieb',
    location: 'Hamburg',
    bio:
      'Sorgt dafür, dass aus Angeboten auch saubere Aufträge werden. Kennt jede Rabattstaffel ' +
      'unserer Distributoren auswendig.',
    skills: ['Auftragsabwicklung', 'Distributorenkonditionen', 'CRM-Pflege', 'Wartungsverträge'],
    availability: 'available',
    capacity: 60,
    managerKey: 'tkrueger',
    locale: 'de',
  },
  {
    key: 'mlehmann',
    name: 'Markus Lehmann',
    email: 'markus.lehmann@nordlicht.example',
    title: 'Account Manager Öffentlicher Sektor',
    department: 'Vertrieb',
    location: 'Leipzig',
    bio:
      'Betreut Kommunen und Landesbehörden in Sachsen und Thüringen. Hat mehr Vergabeunterlagen ' +
      'gelesen als Romane und findet das gar nicht so schlimm.',
    skills: ['Ausschreibungen', 'Vergaberecht', 'EVB-IT', 'Öffentlicher Sektor'],
    availability: 'available',
    capacity: 35,
    managerKey: 'tkrueger',
    locale: 'de',
  },
  {
    key: 'dweiss',
    name: 'Daniel Weiß',
    email: 'daniel.weiss@nordlicht.example',
    title: 'Account Manager',
    department: 'Vertrieb',
    location: 'Leipzig',
    bio:
      'Baut seit zwei Jahren das Kundengeschäft rund um Leipzig und Halle auf. Kommt ' +
      'ursprünglich aus der Automobilzulieferung und liebt gut strukturierte Pipelines.',
    skills: ['Fertigungsindustrie', 'Neukundengewinnung', 'Netzwerkprojekte'],
    availability: 'available',
    capacity: 50,
    managerKey: 'tkrueger',
    locale: 'de',
  },
  {
    key: 'cmorgan',
    name: 'Claire Morgan',
    email: 'claire.morgan@nordlicht.example',
    title: 'Partner Managerin',
    department: 'Vertrieb',
    location: 'Homeoffice',
    bio:
      'Kümmert sich um unsere Herstellerpartnerschaften und Zertifizierungen. Stammt aus ' +
      'Bristol, lebt seit zehn Jahren in Lüneburg und schreibt am liebsten auf Englisch.',
    skills: ['Herstellerpartnerschaften', 'Partnerprogramme', 'Englisch', 'Co-Marketing'],
    availability: 'available',
    capacity: 40,
    managerKey: 'tkrueger',
    locale: 'en',
  },

  // ── Projekte ──────────────────────────────────────────────────────────────
  {
    key: 'kvogel',
    name: 'Katrin Vogel',
    email: 'katrin.vogel@nordlicht.example',
    title: 'Bereichsleiterin Projekte',
    department: 'Projekte',
    location: 'Hamburg',
    bio:
      'Verantwortet alle Kundenprojekte und die Einsatzplanung unserer Ingenieurinnen und ' +
      'Ingenieure. Zertifizierte PMP, überzeugte Kanban-Anwenderin und Marathonläuferin.',
    skills: ['Projektportfolio', 'Ressourcenplanung', 'PMP', 'Eskalationsmanagement'],
    availability: 'busy',
    capacity: 10,
    managerKey: 'skoehler',
    locale: 'de',
  },
  {
    key: 'sbecker',
    name: 'Stefan Becker',
    email: 'stefan.becker@nordlicht.example',
    title: 'Senior Projektleiter',
    department: 'Projekte',
    location: 'Hamburg',
    bio:
      'Leitet gerade die Rechenzentrumsmigration eines großen Hafenlogistikers. Hat in 15 ' +
      'Jahren kein Go-Live an einem Freitag zugelassen.',
    skills: ['Rechenzentrumsmigration', 'PRINCE2', 'Stakeholder-Management', 'Risikomanagement'],
    availability: 'busy',
    capacity: 5,
    managerKey: 'kvogel',
    locale: 'de',
  },
  {
    key: 'jzimmermann',
    name: 'Julia Zimmermann',
    email: 'julia.zimmermann@nordlicht.example',
    title: 'Projektleiterin',
    department: 'Projekte',
    location: 'Leipzig',
    bio:
      'Führt Infrastrukturprojekte für Kommunen und Schulträger in Mitteldeutschland. Hat den ' +
      'Digitalpakt-Rollout an über 40 Schulen koordiniert.',
    skills: ['Schul-IT', 'Rollout-Planung', 'Scrum', 'Öffentlicher Sektor'],
    availability: 'available',
    capacity: 30,
    managerKey: 'kvogel',
    locale: 'de',
  },
  {
    key: 'pnowak',
    name: 'Piotr Nowak',
    email: 'piotr.nowak@nordlicht.example',
    title: 'Systemingenieur',
    department: 'Projekte',
    location: 'Leipzig',
    bio:
      'Kam 2016 aus Wrocław nach Leipzig und ist unser Mann für Storage und Backup. Hat noch ' +
      'jedes Restore-Szenario getestet, bevor es jemand gebraucht hat.',
    skills: ['Veeam', 'NetApp', 'Backup-Konzepte', 'Polnisch'],
    availability: 'available',
    capacity: 40,
    managerKey: 'kvogel',
    locale: 'de',
  },
  {
    key: 'mfischer',
    name: 'Moritz Fischer',
    email: 'moritz.fischer@nordlicht.example',
    title: 'Netzwerkingenieur',
    department: 'Projekte',
    location: 'Hamburg',
    bio:
      'Plant und baut Campus-Netze und SD-WAN-Lösungen. Wenn irgendwo ein Switch blinkt, ist er ' +
      'meist nicht weit.',
    skills: ['Cisco', 'SD-WAN', 'WLAN-Ausleuchtung', 'Firewalls', 'CCNP'],
    availability: 'busy',
    capacity: 20,
    managerKey: 'kvogel',
    locale: 'de',
  },
  {
    key: 'ahartmann',
    name: 'Anna Hartmann',
    email: 'anna.hartmann@nordlicht.example',
    title: 'IT-Consultant Modern Workplace',
    department: 'Projekte',
    location: 'Hamburg',
    bio:
      'Bringt Kunden von Fileservern zu Teams und SharePoint, ohne dass jemand seine Ablage ' +
      'verliert. Ist diese Woche auf einer Intune-Schulung in München.',
    skills: ['Microsoft 365', 'Intune', 'SharePoint', 'Change Management'],
    availability: 'away',
    capacity: 0,
    awayUntilDays: 4,
    managerKey: 'kvogel',
    locale: 'de',
  },
  {
    key: 'ekaya',
    name: 'Emre Kaya',
    email: 'emre.kaya@nordlicht.example',
    title: 'Systemingenieur Virtualisierung',
    department: 'Projekte',
    location: 'Hamburg',
    bio:
      'Betreut Virtualisierungsplattformen und hat zuletzt drei Kunden von VMware auf Proxmox ' +
      'begleitet. Baut zu Hause ein Homelab, das größer ist als manches Kundenrechenzentrum.',
    skills: ['VMware vSphere', 'Proxmox', 'Hyper-V', 'Linux'],
    availability: 'available',
    capacity: 35,
    managerKey: 'kvogel',
    locale: 'de',
  },
  {
    key: 'lschulz',
    name: 'Lukas Schulz',
    email: 'lukas.schulz@nordlicht.example',
    title: 'Junior Projektleiter',
    department: 'Projekte',
    location: 'Hamburg',
    bio:
      'Hat bei uns dual Wirtschaftsinformatik studiert und leitet jetzt seine ersten eigenen ' +
      'Projekte. Fragt lieber einmal zu viel als einmal zu wenig.',
    skills: ['Projektdokumentation', 'Jira', 'Hardware-Rollouts'],
    availability: 'available',
    capacity: 60,
    managerKey: 'kvogel',
    locale: 'de',
  },
  {
    key: 'bmeyer',
    name: 'Birgit Meyer',
    email: 'birgit.meyer@nordlicht.example',
    title: 'Projektcontrollerin (PMO)',
    department: 'Projekte',
    location: 'Hamburg',
    bio:
      'Behält Budgets, Stunden und Meilensteine aller laufenden Projekte im Blick. Ihre ' +
      'Monatsübersicht ist das meistgelesene Dokument im Bereich.',
    skills: ['Projektcontrolling', 'Excel', 'Zeiterfassung', 'Reporting'],
    availability: 'available',
    capacity: 50,
    managerKey: 'kvogel',
    locale: 'de',
  },
  {
    key: 'tbraun',
    name: 'Tobias Braun',
    email: 'tobias.braun@nordlicht.example',
    title: 'Cloud-Architekt',
    department: 'Projekte',
    location: 'Homeoffice',
    bio:
      'Entwirft hybride Cloud-Landschaften und sitzt dafür meist im Homeoffice in der ' +
      'Lüneburger Heide. Hält Landing Zones für die unterschätzteste Erfindung der letzten zehn ' +
      'Jahre.',
    skills: ['Azure', 'AWS', 'Terraform', 'Landing Zones', 'Kostenoptimierung'],
    availability: 'busy',
    capacity: 15,
    managerKey: 'kvogel',
    locale: 'de',
  },

  // ── Support ───────────────────────────────────────────────────────────────
  {
    key: 'okrause',
    name: 'Oliver Krause',
    email: 'oliver.krause@nordlicht.example',
    title: 'Leiter Service Desk',
    department: 'Support',
    location: 'Hamburg',
    bio:
      'Verantwortet Service Desk und Field Service an beiden Standorten. Misst den Erfolg ' +
      'seines Teams nicht an Tickets, sondern an zufriedenen Anrufern.',
    skills: ['ITIL', 'Service-Level-Management', 'Schichtplanung', 'Ticketsysteme'],
    availability: 'busy',
    capacity: 15,
    managerKey: 'skoehler',
    locale: 'de',
  },
  {
    key: 'sjung',
    name: 'Sophie Jung',
    email: 'sophie.jung@nordlicht.example',
    title: 'Service-Desk-Mitarbeiterin',
    department: 'Support',
    location: 'Hamburg',
    bio:
      'Erste Stimme am Telefon, wenn bei unseren Kunden etwas hakt. Pflegt nebenbei die ' +
      'Wissensdatenbank und hat dort schon über 200 Artikel geschrieben.',
    skills: ['1st-Level-Support', 'Wissensdatenbank', 'Active Directory', 'Passwort-Resets'],
    availability: 'available',
    capacity: 45,
    managerKey: 'okrause',
    locale: 'de',
  },
  {
    key: 'mrichter',
    name: 'Maximilian Richter',
    email: 'maximilian.richter@nordlicht.example',
    title: '2nd-Level-Support',
    department: 'Support',
    location: 'Hamburg',
    bio:
      'Übernimmt die kniffligen Fälle, die der Service Desk nicht in zehn Minuten lösen kann. ' +
      'Schreibt für jede wiederkehrende Störung ein PowerShell-Skript.',
    skills: ['PowerShell', 'Exchange Online', 'Windows Server', 'Fehleranalyse'],
    availability: 'busy',
    capacity: 20,
    managerKey: 'okrause',
    locale: 'de',
  },
  {
    key: 'ekovacevic',
    name: 'Elena Kovačević',
    email: 'elena.kovacevic@nordlicht.example',
    title: '2nd-Level-Support',
    department: 'Support',
    location: 'Leipzig',
    bio:
      'Spezialisiert auf Citrix und Terminalserver-Umgebungen. Ist gerade im Urlaub an der ' +
      'kroatischen Küste.',
    skills: ['Citrix', 'Terminalserver', 'Drucklösungen', 'Kroatisch'],
    availability: 'away',
    capacity: 0,
    awayUntilDays: 9,
    managerKey: 'okrause',
    locale: 'de',
  },
  {
    key: 'hwolf',
    name: 'Heiko Wolf',
    email: 'heiko.wolf@nordlicht.example',
    title: 'Field-Service-Techniker',
    department: 'Support',
    location: 'Hamburg',
    bio:
      'Ist mit dem Servicewagen zwischen Cuxhaven und Lübeck unterwegs. Seit 22 Jahren dabei ' +
      'und damit einer der dienstältesten Kollegen im Haus.',
    skills: ['Hardware-Reparatur', 'Druckersysteme', 'Verkabelung', 'Vor-Ort-Einsätze'],
    availability: 'available',
    capacity: 35,
    managerKey: 'okrause',
    locale: 'de',
  },
  {
    key: 'jmueller',
    name: 'Jana Müller',
    email: 'jana.mueller@nordlicht.example',
    title: 'Service-Desk-Mitarbeiterin',
    department: 'Support',
    location: 'Homeoffice',
    bio:
      'Arbeitet aus dem Homeoffice in Stade und übernimmt meist die Frühschicht. Bildet gerade ' +
      'unsere neuen Service-Desk-Azubis ein.',
    skills: ['1st-Level-Support', 'Onboarding', 'Microsoft Teams', 'Ticketsysteme'],
    availability: 'available',
    capacity: 50,
    managerKey: 'okrause',
    locale: 'de',
  },
  {
    key: 'kschmitt',
    name: 'Kevin Schmitt',
    email: 'kevin.schmitt@nordlicht.example',
    title: 'Field-Service-Techniker',
    department: 'Support',
    location: 'Leipzig',
    bio:
      'Betreut die Kunden rund um Leipzig, Dresden und Chemnitz vor Ort. Hat den Ruf, jedes ' +
      'Notebook-Display in unter 15 Minuten zu tauschen.',
    skills: ['Hardware-Reparatur', 'Client-Rollouts', 'Mobile Device Management'],
    availability: 'available',
    capacity: 40,
    managerKey: 'okrause',
    locale: 'de',
  },
  {
    key: 'aschroeder',
    name: 'Andrea Schröder',
    email: 'andrea.schroeder@nordlicht.example',
    title: 'Service Managerin',
    department: 'Support',
    location: 'Hamburg',
    bio:
      'Führt die monatlichen Service-Reviews mit unseren Managed-Services-Kunden. Hat die SLA- ' +
      'Berichte von PDF-Wüsten auf eine Seite gekürzt.',
    skills: ['SLA-Reporting', 'ITIL', 'Managed Services', 'Kundenkommunikation'],
    availability: 'available',
    capacity: 45,
    managerKey: 'okrause',
    locale: 'de',
  },

  // ── Entwicklung ───────────────────────────────────────────────────────────
  {
    key: 'mneumann',
    name: 'Michael Neumann',
    email: 'michael.neumann@nordlicht.example',
    title: 'Leiter Softwareentwicklung',
    department: 'Entwicklung',
    location: 'Leipzig',
    bio:
      'Leitet das Entwicklungsteam, das unsere Schnittstellen, Portale und internen Werkzeuge ' +
      'baut. Programmiert seit dem C64 und reviewt immer noch gerne selbst.',
    skills: ['Softwarearchitektur', 'TypeScript', 'Code Reviews', 'Technische Schulden'],
    availability: 'busy',
    capacity: 15,
    managerKey: 'skoehler',
    locale: 'de',
  },
  {
    key: 'lbauer',
    name: 'Laura Bauer',
    email: 'laura.bauer@nordlicht.example',
    title: 'Senior Softwareentwicklerin',
    department: 'Entwicklung',
    location: 'Leipzig',
    bio:
      'Baut das Kundenportal, über das unsere Kunden Tickets und Verträge einsehen. Hält einen ' +
      'Vortrag über Barrierefreiheit, wenn man sie nur lässt.',
    skills: ['TypeScript', 'Node.js', 'Barrierefreiheit', 'PostgreSQL', 'Testautomatisierung'],
    availability: 'busy',
    capacity: 20,
    managerKey: 'mneumann',
    locale: 'de',
  },
  {
    key: 'fsommer',
    name: 'Felix Sommer',
    email: 'felix.sommer@nordlicht.example',
    title: 'Backend-Entwickler',
    department: 'Entwicklung',
    location: 'Leipzig',
    bio:
      'Entwickelt die Integrationen zwischen Ticketsystem, ERP und Monitoring. Ist nach einer ' +
      'Knie-OP gerade noch ein paar Tage krankgeschrieben.',
    skills: ['REST-APIs', 'SAP-Schnittstellen', 'Python', 'Message Queues'],
    availability: 'away',
    capacity: 0,
    awayUntilDays: 6,
    managerKey: 'mneumann',
    locale: 'de',
  },
  {
    key: 'dpetrova',
    name: 'Darja Petrova',
    email: 'darja.petrova@nordlicht.example',
    title: 'DevOps-Engineerin',
    department: 'Entwicklung',
    location: 'Hamburg',
    bio:
      'Betreibt unsere CI/CD-Pipelines und die Kubernetes-Cluster für interne Dienste. Hat das ' +
      'nächtliche Deployment abgeschafft, worüber sich alle freuen.',
    skills: ['Kubernetes', 'GitLab CI', 'Monitoring', 'Ansible', 'Helm'],
    availability: 'available',
    capacity: 35,
    managerKey: 'mneumann',
    locale: 'de',
  },
  {
    key: 'nkeller',
    name: 'Niklas Keller',
    email: 'niklas.keller@nordlicht.example',
    title: 'Frontend-Entwickler',
    department: 'Entwicklung',
    location: 'Leipzig',
    bio:
      'Kümmert sich um Oberflächen, die auch auf dem Tablet im Lager funktionieren. Sammelt ' +
      'Schallplatten und legt gelegentlich in der Connewitzer Kneipe nebenan auf.',
    skills: ['Preact', 'CSS', 'Responsive Design', 'Web-Performance'],
    availability: 'available',
    capacity: 45,
    managerKey: 'mneumann',
    locale: 'de',
  },
  {
    key: 'amehta',
    name: 'Arjun Mehta',
    email: 'arjun.mehta@nordlicht.example',
    title: 'Softwareentwickler',
    department: 'Entwicklung',
    location: 'Homeoffice',
    bio:
      'Kam für den Master an die TU Hamburg und ist geblieben. Arbeitet an unseren ' +
      'Automatisierungen für Microsoft Graph und lernt fleißig Deutsch, schreibt aber lieber ' +
      'auf Englisch.',
    skills: ['Microsoft Graph', 'C#', '.NET', 'Automatisierung'],
    availability: 'available',
    capacity: 50,
    managerKey: 'mneumann',
    locale: 'en',
  },
  {
    key: 'tgross',
    name: 'Tim Groß',
    email: 'tim.gross@nordlicht.example',
    title: 'QA-Engineer',
    department: 'Entwicklung',
    location: 'Leipzig',
    bio:
      'Findet die Fehler, bevor es die Kunden tun. Hat eine Schwäche für End-to-End-Tests und ' +
      'eine noch größere für sächsischen Kuchen.',
    skills: ['Testautomatisierung', 'Playwright', 'Lasttests', 'Testkonzepte'],
    availability: 'available',
    capacity: 55,
    managerKey: 'mneumann',
    locale: 'de',
  },
  {
    key: 'mschwarz',
    name: 'Marie Schwarz',
    email: 'marie.schwarz@nordlicht.example',
    title: 'UX-Designerin',
    department: 'Entwicklung',
    location: 'Hamburg',
    bio:
      'Macht Nutzerinterviews mit Kunden und Kollegen, bevor irgendjemand eine Zeile Code ' +
      'schreibt. Studierte Kommunikationsdesign in Kiel.',
    skills: ['Nutzerforschung', 'Figma', 'Prototyping', 'Barrierefreiheit'],
    availability: 'available',
    capacity: 40,
    managerKey: 'mneumann',
    locale: 'de',
  },

  // ── HR ────────────────────────────────────────────────────────────────────
  {
    key: 'cwinkler',
    name: 'Claudia Winkler',
    email: 'claudia.winkler@nordlicht.example',
    title: 'Leiterin Personal',
    department: 'HR',
    location: 'Hamburg',
    bio:
      'Verantwortet Personalarbeit an beiden Standorten und hat die Vertrauensarbeitszeit bei ' +
      'Nordlicht eingeführt. Ansprechpartnerin für alles von Elternzeit bis ' +
      'Betriebsvereinbarung.',
    skills: ['Arbeitsrecht', 'Betriebsvereinbarungen', 'Führungskräfteentwicklung', 'Elternzeit'],
    availability: 'busy',
    capacity: 15,
    managerKey: 'hbrandt',
    locale: 'de',
  },
  {
    key: 'sfranke',
    name: 'Simone Franke',
    email: 'simone.franke@nordlicht.example',
    title: 'HR-Referentin Recruiting',
    department: 'HR',
    location: 'Hamburg',
    bio:
      'Sucht neue Kolleginnen und Kollegen, am liebsten über Empfehlungen aus dem eigenen Team. ' +
      'Führt jedes Vorstellungsgespräch mit einer Tasse Tee.',
    skills: ['Recruiting', 'Active Sourcing', 'Empfehlungsprogramm', 'Stellenanzeigen'],
    availability: 'available',
    capacity: 40,
    managerKey: 'cwinkler',
    locale: 'de',
  },
  {
    key: 'dlorenz',
    name: 'Dennis Lorenz',
    email: 'dennis.lorenz@nordlicht.example',
    title: 'Personalreferent Lohn & Gehalt',
    department: 'HR',
    location: 'Leipzig',
    bio:
      'Kümmert sich um Entgeltabrechnung, Dienstwagen und betriebliche Altersvorsorge. Ist ' +
      'zurzeit auf Fortbildung zum geprüften Personalfachkaufmann.',
    skills: ['Entgeltabrechnung', 'DATEV', 'Dienstwagenregelung', 'Altersvorsorge'],
    availability: 'away',
    capacity: 0,
    awayUntilDays: 12,
    managerKey: 'cwinkler',
    locale: 'de',
  },
  {
    key: 'lahmadi',
    name: 'Leyla Ahmadi',
    email: 'leyla.ahmadi@nordlicht.example',
    title: 'Personalentwicklerin & Ausbildungsbeauftragte',
    department: 'HR',
    location: 'Hamburg',
    bio:
      'Betreut unsere Azubis und dual Studierenden und organisiert das interne ' +
      'Weiterbildungsprogramm. Hat selbst als Azubi im Service Desk angefangen.',
    skills: ['Ausbildung', 'Duales Studium', 'Weiterbildung', 'Onboarding', 'Persisch'],
    availability: 'available',
    capacity: 45,
    managerKey: 'cwinkler',
    locale: 'de',
  },

  // ── Marketing ─────────────────────────────────────────────────────────────
  {
    key: 'khansen',
    name: 'Kirsten Hansen',
    email: 'kirsten.hansen@nordlicht.example',
    title: 'Leiterin Marketing & Kommunikation',
    department: 'Marketing',
    location: 'Hamburg',
    bio:
      'Verantwortet Marke, Website und die interne Kommunikation. War vorher zehn Jahre in ' +
      'einer Hamburger Agentur und vermisst die Pitches kein bisschen.',
    skills: ['Markenführung', 'Pressearbeit', 'Budgetplanung', 'Agentursteuerung'],
    availability: 'available',
    capacity: 30,
    managerKey: 'hbrandt',
    locale: 'de',
  },
  {
    key: 'bschuster',
    name: 'Benedikt Schuster',
    email: 'benedikt.schuster@nordlicht.example',
    title: 'Intranet- und Kommunikationsmanager',
    department: 'Marketing',
    location: 'Hamburg',
    bio:
      'Betreut Kantine als Community-Manager und Administrator und schreibt den wöchentlichen ' +
      'Nordlicht-Newsletter. Freut sich über jeden Themenvorschlag aus den Teams.',
    skills: [
      'Interne Kommunikation',
      'Kantine-Administration',
      'Redaktionsplanung',
      'Community-Management',
    ],
    availability: 'busy',
    capacity: 25,
    managerKey: 'khansen',
    admin: true,
    locale: 'de',
  },
  {
    key: 'lboehm',
    name: 'Lea Böhm',
    email: 'lea.boehm@nordlicht.example',
    title: 'Online-Marketing-Managerin',
    department: 'Marketing',
    location: 'Leipzig',
    bio:
      'Kümmert sich um Website, LinkedIn und unsere Webinarreihe „Nordlicht am Mittag“. Misst ' +
      'alles, was sich messen lässt, und erklärt die Zahlen gern.',
    skills: ['LinkedIn', 'Webinare', 'SEO', 'Webanalyse'],
    availability: 'available',
    capacity: 50,
    managerKey: 'khansen',
    locale: 'de',
  },
  {
    key: 'pwerner',
    name: 'Paul Werner',
    email: 'paul.werner@nordlicht.example',
    title: 'Event- und Content-Manager',
    department: 'Marketing',
    location: 'Hamburg',
    bio:
      'Organisiert Kundentage, Messeauftritte und das jährliche Sommerfest an der Elbe. ' +
      'Schreibt außerdem die Referenzberichte über unsere Projekte.',
    skills: ['Eventmanagement', 'Messen', 'Referenzberichte', 'Fotografie'],
    availability: 'available',
    capacity: 55,
    managerKey: 'khansen',
    locale: 'de',
  },

  // ── Finanzen ──────────────────────────────────────────────────────────────
  {
    key: 'ghuber',
    name: 'Gerhard Huber',
    email: 'gerhard.huber@nordlicht.example',
    title: 'Leiter Finanzen & Controlling',
    department: 'Finanzen',
    location: 'Hamburg',
    bio:
      'Gebürtiger Rosenheimer, der seit 2009 die Zahlen von Nordlicht verantwortet. Steckt ' +
      'gerade mitten im Jahresabschluss und ist entsprechend knapp zu erreichen.',
    skills: ['Jahresabschluss', 'Liquiditätsplanung', 'Bankgespräche', 'Controlling'],
    availability: 'busy',
    capacity: 5,
    managerKey: 'hbrandt',
    locale: 'de',
  },
  {
    key: 'ischmid',
    name: 'Ines Schmid',
    email: 'ines.schmid@nordlicht.example',
    title: 'Buchhalterin',
    department: 'Finanzen',
    location: 'Leipzig',
    bio:
      'Verbucht Eingangs- und Ausgangsrechnungen für beide Standorte. Hat die Umstellung auf ' +
      'E-Rechnungen fast im Alleingang gestemmt.',
    skills: ['Finanzbuchhaltung', 'DATEV', 'E-Rechnung', 'Reisekostenabrechnung'],
    availability: 'busy',
    capacity: 20,
    managerKey: 'ghuber',
    locale: 'de',
  },
  {
    key: 'rpohl',
    name: 'Ralf Pohl',
    email: 'ralf.pohl@nordlicht.example',
    title: 'Controller',
    department: 'Finanzen',
    location: 'Hamburg',
    bio:
      'Baut die Monatsberichte und Deckungsbeitragsrechnungen pro Kunde. Erklärt Kennzahlen ' +
      'gern so, dass sie auch der Vertrieb mag.',
    skills: ['Deckungsbeitragsrechnung', 'Power BI', 'Budgetierung', 'SAP S/4HANA'],
    availability: 'available',
    capacity: 40,
    managerKey: 'ghuber',
    locale: 'de',
  },

  // ── Einkauf ───────────────────────────────────────────────────────────────
  {
    key: 'jbeck',
    name: 'Jürgen Beck',
    email: 'juergen.beck@nordlicht.example',
    title: 'Leiter Einkauf',
    department: 'Einkauf',
    location: 'Hamburg',
    bio:
      'Verhandelt mit Distributoren und Herstellern und hat in der Chipkrise mehr Lieferzeiten ' +
      'gerettet als er zählen mag. Angelt am Wochenende an der Ostsee.',
    skills: ['Lieferantenverhandlungen', 'Rahmenverträge', 'Lieferkettenmanagement'],
    availability: 'available',
    capacity: 35,
    managerKey: 'hbrandt',
    locale: 'de',
  },
  {
    key: 'nfriedrich',
    name: 'Nadine Friedrich',
    email: 'nadine.friedrich@nordlicht.example',
    title: 'Einkäuferin Hardware & Lizenzen',
    department: 'Einkauf',
    location: 'Hamburg',
    bio:
      'Beschafft Server, Clients und Softwarelizenzen für Kundenprojekte. Weiß meist schon vor ' +
      'dem Hersteller, wann sich Preise ändern.',
    skills: ['Lizenzmanagement', 'Hardwarebeschaffung', 'Microsoft CSP', 'Preisvergleiche'],
    availability: 'available',
    capacity: 45,
    managerKey: 'jbeck',
    locale: 'de',
  },
  {
    key: 'ayilmaz',
    name: 'Ahmet Yılmaz',
    email: 'ahmet.yilmaz@nordlicht.example',
    title: 'Lager- und Logistikkoordinator',
    department: 'Einkauf',
    location: 'Leipzig',
    bio:
      'Verantwortet das Lager in Leipzig, von der Wareneingangsprüfung bis zum Staging ganzer ' +
      'Notebook-Flotten. Niemand packt eine Palette so sauber wie er.',
    skills: ['Lagerlogistik', 'Geräte-Staging', 'Versand', 'Inventarisierung'],
    availability: 'available',
    capacity: 50,
    managerKey: 'jbeck',
    locale: 'de',
  },
];
