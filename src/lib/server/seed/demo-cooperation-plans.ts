import type { Drivetrain } from '../../directory/vocabulary.ts';
import type {
	InterestOutcome,
	InterestStatus,
	InterestTimeframe,
	PartnershipKind,
	ProfileStatus,
	ProfileType,
	ProfileVisibility
} from '../../cooperation/vocabulary.ts';
import { DEMO_LEAD_ORGANISATION, DEMO_SHARED_ORGANISATION } from './demo-accounts.ts';

/**
 * The demo network's cooperation exchange: profiles of member companies, research institutes and
 * partners in every type and state, with expressions of interest, their outcomes and the office's
 * brokering. Days are relative to the seed day (0, Europe/Berlin; negative: past). Inserted by
 * demo-cooperation.ts. All organisations, people and projects are fictional.
 *
 * A sender or actor is a demo account's e-mail, `office` for the office account, or — when left
 * out — the organisation's first fictional person with an account (from the circles), else nobody
 * (most demo contacts have no account).
 */
export type DemoInterestPlan = {
	key: string;
	organisation: string;
	/** A demo account's e-mail; else the organisation's first fictional account, if any. */
	sender?: string;
	day: number;
	message: string;
	contribution: string;
	partnershipKind: PartnershipKind | null;
	timeframe: InterestTimeframe | null;
	status: InterestStatus;
	/** When the owner accepted or declined, or the sender withdrew. */
	decidedDay?: number;
	/** Who decided (a demo account's e-mail); else nobody with an account. */
	decidedBy?: string;
	outcome?: {
		kind: InterestOutcome;
		day: number;
		/** A demo account's e-mail or `office`. */
		by: string;
		note: string;
		story?: string;
		publishable?: boolean;
	};
};

export type DemoBrokeringPlan =
	| { kind: 'office_note'; day: number; note: string }
	/** Suggested to both parties of an accepted interest (its key). */
	| {
			kind: 'meeting_suggested';
			interest: string;
			day: number;
			note: string;
			meetingDay: number;
			time: string;
			place: string;
	  }
	| { kind: 'event_slot_proposed'; interest: string; day: number; note: string; eventKey: string };

export type DemoCooperationPlan = {
	key: string;
	organisation: string;
	/** A demo account's e-mail (the organisation's admin); else created without an account. */
	createdBy?: string;
	type: ProfileType;
	status: ProfileStatus;
	visibility: ProfileVisibility;
	title: string;
	summary: string;
	de: string;
	en: string;
	keywords: string[];
	drivetrains: Drivetrain[];
	trl: number | null;
	partnershipKinds: PartnershipKind[];
	/** Paths in demo-taxonomy.ts. */
	competencies: string[];
	created: number;
	submitted?: number;
	/** The office asked for changes (and, if resubmitted, the owner sent it again). */
	changesRequested?: { day: number; note: string; resubmitted?: number };
	published?: number;
	renewed?: number;
	/** Days after the seed day the profile runs until (negative: expired). */
	expires?: number;
	withdrawn?: { day: number; note: string };
	anonymousViews?: number;
	/** Demo accounts who opened the profile (besides some fictional members). */
	viewers?: string[];
	/** How many fictional members of other organisations opened it. */
	memberViews?: number;
	interests?: DemoInterestPlan[];
	brokering?: DemoBrokeringPlan[];
};

const ORGADMIN = 'orgadmin@demo.example';
const MEMBER = 'member@demo.example';

export const demoCooperationPlans: DemoCooperationPlan[] = [
	{
		key: 'hasetal-zustandsueberwachung',
		organisation: DEMO_SHARED_ORGANISATION,
		createdBy: ORGADMIN,
		type: 'technology_request',
		status: 'published',
		visibility: 'members',
		title: 'Zustandsüberwachung für Langdrehautomaten: Sensorik und Auswertung gesucht',
		summary:
			'Wir suchen einen Partner, der Körperschall- und Temperatursensorik mit einer Auswertung verbindet, die Werkzeugverschleiß an unseren Langdrehautomaten früh erkennt.',
		de: `Auf 38 Langdrehautomaten fertigen wir Präzisionsdrehteile für Bremssysteme in Losgrößen von 5.000 bis 200.000 Stück. Werkzeugbruch und schleichender Verschleiß kosten uns heute Ausschuss und ungeplante Stillstände, vor allem in der Nachtschicht.

Wir suchen eine **nachrüstbare Lösung**:

- Körperschall-, Vibrations- oder Temperatursensoren, die sich ohne Eingriff in die Maschinensteuerung anbringen lassen
- eine Auswertung (gern mit maschinellem Lernen), die Verschleiß erkennt, bevor Teile außer Toleranz laufen
- eine einfache Anzeige an der Maschine und eine Schnittstelle zu unserem Fertigungsleitsystem

Ein Pilot an zwei Maschinen ist ab dem kommenden Quartal möglich; Prozessdaten aus zwei Jahren stellen wir zur Verfügung.`,
		en: `We make precision turned parts for brake systems on 38 sliding-headstock lathes, in batches of 5,000 to 200,000. Tool breakage and creeping wear cost us scrap and unplanned downtime, above all on the night shift.

We are looking for a **retrofittable solution**:

- structure-borne sound, vibration or temperature sensors that can be fitted without touching the machine control
- an evaluation (machine learning welcome) that detects wear before parts drift out of tolerance
- a simple display at the machine and an interface to our manufacturing execution system

A pilot on two machines is possible from next quarter; we provide two years of process data.`,
		keywords: [
			'Zustandsüberwachung',
			'Condition Monitoring',
			'Langdrehautomat',
			'Werkzeugverschleiß',
			'Körperschall',
			'Retrofit',
			'Präzisionsdrehteile'
		],
		drivetrains: ['bev', 'hybrid'],
		trl: 6,
		partnershipKinds: ['joint_development', 'supply'],
		competencies: [
			'technologies.sensors',
			'technologies.electronics',
			'technologies.software.data-analytics'
		],
		created: -48,
		submitted: -46,
		published: -44,
		expires: 136,
		viewers: ['lead@demo.example', 'board@demo.example', 'partner@demo.example', 'office@demo.example'],
		memberViews: 9,
		interests: [
			{
				key: 'ruller',
				organisation: 'Ruller Sensorik GmbH',
				day: -36,
				message:
					'Unsere Temperatur- und Drucksensoren laufen bereits in Werkzeugmaschinen zweier Kunden. Wir würden gern einen Körperschallsensor aus unserer Entwicklung an Ihren Langdrehern erproben.',
				contribution:
					'Sensorik und Auswerteelektronik, Einbau an zwei Pilotmaschinen, Auswertung gemeinsam mit einem Datenanalyse-Partner.',
				partnershipKind: 'joint_development',
				timeframe: 'three_months',
				status: 'accepted',
				decidedDay: -33,
				decidedBy: ORGADMIN,
				outcome: {
					kind: 'in_talks',
					day: -12,
					by: ORGADMIN,
					note: 'Erster Termin in der Fertigung war gut; Angebot für den Pilot liegt vor.'
				}
			},
			{
				key: 'welbergen',
				organisation: 'Welbergen Elektronikfertigung GmbH',
				day: -35,
				message:
					'Wir fertigen Sensorelektronik im Auftrag und könnten die Baugruppen für Ihre Lösung in Serie bestücken und prüfen.',
				contribution: 'Bestückung, Verguss und Funktionsprüfung der Sensorelektronik.',
				partnershipKind: 'supply',
				timeframe: 'six_months',
				status: 'declined',
				decidedDay: -31,
				decidedBy: ORGADMIN
			},
			{
				key: 'datenwerk',
				organisation: 'Datenwerk an der Wüste GmbH',
				day: -3,
				message:
					'Verschleißprognosen aus Prozessdaten sind genau unser Thema. Mit Ihren Daten aus zwei Jahren könnten wir in vier Wochen zeigen, wie früh sich Werkzeugbruch ankündigt.',
				contribution: 'Datenanalyse und Prognosemodell, Anbindung an Ihr Fertigungsleitsystem.',
				partnershipKind: 'joint_development',
				timeframe: 'now',
				status: 'pending'
			}
		],
		brokering: [
			{
				kind: 'event_slot_proposed',
				interest: 'ruller',
				day: -6,
				note: 'Stellen Sie Ihr Pilotprojekt zur Zustandsüberwachung gemeinsam im Marktplatz-Slot des Netzwerktreffens vor? Fünf Minuten, gern mit einem Sensor zum Anfassen.',
				eventKey: 'network-meeting-autumn'
			}
		]
	},
	{
		key: 'hasetal-bremssattel-montage',
		organisation: DEMO_SHARED_ORGANISATION,
		createdBy: ORGADMIN,
		type: 'business_offer',
		status: 'draft',
		visibility: 'members',
		title: 'Bremssattelträger einbaufertig: Drehen, Fräsen und Montieren aus einer Hand',
		summary:
			'Wir liefern Bremssattelträger und Führungsbolzen montiert und geprüft – für Hersteller, die Lieferanten bündeln wollen.',
		de: `Neben Einzelteilen übernehmen wir die Montage kleiner Baugruppen: Führungsbolzen einpressen, Schutzkappen setzen, Drehmoment prüfen.

*Entwurf – Stückzahlen und Referenzen ergänzen wir noch.*`,
		en: `Besides single parts we assemble small modules: pressing in guide pins, fitting protective caps, checking torque.

*Draft – volumes and references still to be added.*`,
		keywords: ['Bremssattelträger', 'Führungsbolzen', 'Baugruppenmontage', 'Bremssysteme'],
		drivetrains: ['bev', 'hybrid', 'combustion'],
		trl: null,
		partnershipKinds: ['supply'],
		competencies: [
			'processes.machining.turning',
			'processes.machining.milling',
			'processes.assembly',
			'technologies.chassis'
		],
		created: -5
	},
	{
		key: 'hasetal-kapazitaet-zerspanung',
		organisation: DEMO_SHARED_ORGANISATION,
		createdBy: ORGADMIN,
		type: 'capacity_offer',
		status: 'published',
		visibility: 'public_anonymous',
		title: 'Freie Kapazität: Langdrehen bis Ø 32 mm und 5-Achs-Fräsen',
		summary:
			'Ab sofort rund 1.200 Maschinenstunden im Monat für Dreh- und Frästeile aus Stahl und Aluminium, auch für kurzfristige Serienanläufe.',
		de: `Nach dem Auslaufen eines Serienprojekts haben wir freie Kapazität:

- Langdrehen von Stangenmaterial bis Ø 32 mm, Toleranzen bis IT6
- 5-Achs-Fräsen bis 400 × 300 × 300 mm
- Werkstoffe: Automatenstahl, Vergütungsstahl, Aluminium, Messing
- Messraum mit Koordinatenmessgerät, Erstmusterprüfbericht nach VDA

Geeignet für Vorserien und Serien ab 1.000 Stück; Rahmenverträge möglich.`,
		en: `After a series project ended we have free capacity:

- sliding-headstock turning of bar stock up to 32 mm diameter, tolerances down to IT6
- 5-axis milling up to 400 × 300 × 300 mm
- materials: free-cutting steel, heat-treatable steel, aluminium, brass
- measuring room with a coordinate measuring machine, initial sample inspection reports to VDA

Suitable for pre-series and series from 1,000 pieces; framework agreements possible.`,
		keywords: ['Lohnfertigung', 'Langdrehen', 'CNC', '5-Achs-Fräsen', 'Kapazität', 'Erstmuster'],
		drivetrains: ['bev', 'hybrid', 'combustion'],
		trl: null,
		partnershipKinds: ['subcontracting', 'supply'],
		competencies: [
			'processes.machining.turning',
			'processes.machining.milling',
			'materials.steel',
			'materials.aluminium'
		],
		created: -23,
		submitted: -22,
		published: -20,
		expires: 160,
		anonymousViews: 37,
		viewers: ['lead@demo.example', 'board@demo.example'],
		memberViews: 6
	},
	{
		key: 'piesberg-gehaeuse',
		organisation: DEMO_LEAD_ORGANISATION,
		type: 'business_request',
		status: 'published',
		visibility: 'members',
		title: 'Lieferant für gefräste Aluminiumgehäuse und gedrehte Kontaktbolzen gesucht',
		summary:
			'Für eine neue Generation von 800-Volt-Wechselrichtern suchen wir einen Serienlieferanten für gefräste Gehäuse mit Dichtflächen und gedrehte Kontaktbolzen.',
		de: `Ab dem Serienstart in gut einem Jahr brauchen wir jährlich rund 8.000 Wechselrichtergehäuse und 50.000 Kontaktbolzen.

**Gehäuse:** Aluminium, gefräst, Dichtflächen Rz 6,3, eloxiert, dicht geprüft.
**Kontaktbolzen:** Kupfer-Zink-Legierung, gedreht, Toleranz ± 0,02 mm.

Wir wünschen uns einen Lieferanten aus der Region, der Muster in drei Monaten liefern kann und die Oberflächenbehandlung koordiniert. Zeichnungen senden wir nach einer Geheimhaltungsvereinbarung.`,
		en: `From the start of series production in just over a year we need about 8,000 inverter housings and 50,000 contact pins a year.

**Housings:** aluminium, milled, sealing faces Rz 6.3, anodised, leak-tested.
**Contact pins:** brass, turned, tolerance ± 0.02 mm.

We would like a supplier from the region who can deliver samples within three months and coordinates the surface treatment. We send drawings after a non-disclosure agreement.`,
		keywords: [
			'Aluminiumgehäuse',
			'Wechselrichter',
			'800 Volt',
			'Kontaktbolzen',
			'Serienlieferant',
			'Dichtflächen',
			'Eloxal'
		],
		drivetrains: ['bev'],
		trl: null,
		partnershipKinds: ['supply'],
		competencies: ['processes.machining.milling', 'processes.machining.turning', 'materials.aluminium'],
		created: -28,
		submitted: -27,
		published: -25,
		expires: 155,
		viewers: [MEMBER, ORGADMIN, 'board@demo.example', 'office@demo.example'],
		memberViews: 7,
		interests: [
			{
				key: 'else-werk',
				organisation: 'Else-Werk Gusstechnik GmbH',
				day: -21,
				message:
					'Wir würden die Gehäuse als Druckgussteil mit wenig Nacharbeit vorschlagen; das spart Material und Fräszeit.',
				contribution: 'Druckguss mit mechanischer Bearbeitung und Dichtheitsprüfung.',
				partnershipKind: 'supply',
				timeframe: 'six_months',
				status: 'accepted',
				decidedDay: -18,
				outcome: {
					kind: 'no_match',
					day: -6,
					by: 'office',
					note: 'Bei 8.000 Stück im Jahr lohnt sich die Druckgussform nicht; die Gehäuse bleiben gefräst.'
				}
			},
			{
				key: 'hasetal',
				organisation: DEMO_SHARED_ORGANISATION,
				sender: MEMBER,
				day: -2,
				message:
					'Gehäuse und Kontaktbolzen könnten wir beide bei uns fertigen: Langdrehen bis Ø 32 mm, 5-Achs-Fräsen und ein Messraum im Haus. Die Eloxierung koordinieren wir mit einem Partner im Landkreis.',
				contribution:
					'Muster in zehn Wochen, Serienfertigung, Erstmusterprüfbericht nach VDA, Koordination der Oberflächenbehandlung.',
				partnershipKind: 'supply',
				timeframe: 'three_months',
				status: 'pending'
			}
		]
	},
	{
		key: 'ifeo-masterarbeit-alterung',
		organisation: 'Institut für Fahrzeugantriebe und Energiesysteme Osnabrück e.V.',
		type: 'student_project',
		status: 'published',
		visibility: 'members',
		title: 'Masterarbeit: Alterungsmodell für Batteriezellen aus Felddaten',
		summary:
			'Eine Masterarbeit (Fahrzeugtechnik oder Data Science) sucht ein Unternehmen, das Felddaten von Batteriesystemen im Einsatz bereitstellt.',
		de: `Im Rahmen einer Masterarbeit, die wir gemeinsam mit einer Hochschule der Region betreuen, soll ein Alterungsmodell entstehen, das den Gesundheitszustand (State of Health) von Batteriezellen aus Betriebsdaten schätzt.

Wir suchen ein Unternehmen, das

- anonymisierte Felddaten (Strom, Spannung, Temperatur) von mindestens 20 Batteriesystemen bereitstellt,
- eine Ansprechperson für fachliche Fragen benennt und
- die Ergebnisse für die eigene Auslegung nutzen möchte.

Dauer sechs Monate, Beginn zum Semesterstart; die Arbeit kann einen Sperrvermerk erhalten.`,
		en: `In a master's thesis that we supervise together with a university of the region, a model is to be built that estimates the state of health of battery cells from operating data.

We are looking for a company that

- provides anonymised field data (current, voltage, temperature) from at least 20 battery systems,
- names a contact person for technical questions and
- wants to use the results for its own design.

Six months, starting with the semester; the thesis can be confidential.`,
		keywords: [
			'Masterarbeit',
			'Abschlussarbeit',
			'Batteriealterung',
			'State of Health',
			'Felddaten',
			'Zellchemie'
		],
		drivetrains: ['bev'],
		trl: null,
		partnershipKinds: ['research_cooperation'],
		competencies: [
			'technologies.battery.cells',
			'technologies.battery.testing',
			'technologies.software.data-analytics'
		],
		created: -74,
		submitted: -73,
		published: -70,
		expires: 110,
		viewers: [MEMBER, 'lead@demo.example', 'office@demo.example'],
		memberViews: 11,
		interests: [
			{
				key: 'hunte',
				organisation: 'Hunte Batteriesysteme GmbH',
				day: -62,
				message:
					'Unsere Batteriesysteme in Baumaschinen senden seit zwei Jahren Betriebsdaten. Ein Alterungsmodell würde uns bei der Garantieauslegung helfen.',
				contribution: 'Felddaten von 40 Batteriesystemen, Betreuung durch unsere Entwicklungsabteilung.',
				partnershipKind: 'research_cooperation',
				timeframe: 'three_months',
				status: 'accepted',
				decidedDay: -58,
				outcome: {
					kind: 'agreed',
					day: -20,
					by: 'office',
					note: 'Vertrag unterschrieben, die Arbeit hat begonnen.',
					story:
						'Seit Semesterbeginn schreibt eine Masterstudentin ihre Arbeit mit Felddaten von 40 Batteriesystemen aus Baumaschinen. Das Institut betreut die Methodik, das Unternehmen stellt Daten und Fragestellung. Erste Ergebnisse fließen bereits in die Garantieauslegung ein.',
					publishable: true
				}
			}
		]
	},
	{
		key: 'fwem-h2-verteilerverkehr',
		organisation: 'Forschungsinstitut Wasserstoff und E-Fuels Münsterland e.V.',
		type: 'rnd_partner_search',
		status: 'published',
		visibility: 'members',
		title: 'Partner für ein Verbundprojekt: Wasserstoffmotor im Verteilerverkehr',
		summary:
			'Für ein Förderprojekt suchen wir einen Fahrzeugaufbauer, einen Tanksystem-Spezialisten und einen Prüfstandspartner, um einen 7,5-Tonner mit Wasserstoffverbrennungsmotor im Alltag zu erproben.',
		de: `Der Wasserstoffverbrennungsmotor kann im Verteilerverkehr eine robuste Brücke sein, wo Batterien zu schwer und Brennstoffzellen zu teuer sind. Wir haben einen Versuchsmotor auf dem Prüfstand und wollen ihn in einem Verbundprojekt im Fahrzeug erproben.

**Gesucht:**

- ein Hersteller von Aufbauten, der Bauraum für die Tanks schafft
- ein Partner für das Wasserstoff-Tanksystem (350 bar)
- ein Prüfstandspartner für Dauerlauf und Abgasmessung

Wir übernehmen die Projektkoordination, die Motorapplikation und den Förderantrag. Projektlaufzeit drei Jahre.`,
		en: `The hydrogen combustion engine can be a robust bridge in urban distribution, where batteries are too heavy and fuel cells too expensive. We have a test engine on the bench and want to try it in a vehicle in a joint project.

**Wanted:**

- a body builder who makes room for the tanks
- a partner for the hydrogen tank system (350 bar)
- a test-bench partner for endurance runs and emission measurement

We take on the project coordination, the engine calibration and the funding application. Three years.`,
		keywords: [
			'Wasserstoffverbrennungsmotor',
			'H2-Motor',
			'Verteilerverkehr',
			'Verbundprojekt',
			'Förderprojekt',
			'Tanksystem',
			'Kofferaufbau'
		],
		drivetrains: ['hydrogen'],
		trl: 4,
		partnershipKinds: ['research_cooperation', 'joint_development'],
		competencies: [
			'drivetrains.hydrogen-combustion',
			'technologies.hydrogen.storage',
			'technologies.body',
			'services.testing.test-benches'
		],
		created: -40,
		submitted: -38,
		changesRequested: {
			day: -36,
			note: 'Bitte ergänzen Sie, welche Aufgaben die Partner im Verbund übernehmen und in welchem Förderprogramm Sie einreichen möchten.',
			resubmitted: -35
		},
		published: -34,
		expires: 146,
		viewers: ['board@demo.example', 'lead@demo.example', 'partner@demo.example', 'office@demo.example'],
		memberViews: 8,
		interests: [
			{
				key: 'hasewinkel',
				organisation: 'Hasewinkel Nutzfahrzeugaufbauten GmbH',
				day: -29,
				message:
					'Wir bauen Kofferaufbauten für 7,5-Tonner und haben bereits Batteriefahrzeuge umgerüstet. Den Bauraum für die Tanks entwerfen wir gern mit.',
				contribution: 'Aufbau, Bauraumkonzept für die Tanks, Versuchsfahrzeug aus unserer Flotte.',
				partnershipKind: 'research_cooperation',
				timeframe: 'three_months',
				status: 'accepted',
				decidedDay: -26,
				outcome: {
					kind: 'in_talks',
					day: -10,
					by: 'office',
					note: 'Projektskizze in Arbeit; Einreichung zum Frühjahrsstichtag geplant.'
				}
			},
			{
				key: 'wiehen-h2',
				organisation: 'Wiehen H2 Systemtechnik GmbH',
				day: -4,
				message:
					'Tanksysteme mit 350 bar sind unser Kerngeschäft. Wir würden das Tanksystem auslegen, liefern und die Sicherheitsprüfung begleiten.',
				contribution: 'Tanksystem, Druckregelung, Sicherheitskonzept.',
				partnershipKind: 'joint_development',
				timeframe: 'three_months',
				status: 'pending'
			}
		],
		brokering: [
			{
				kind: 'office_note',
				day: -25,
				note: 'Passt zum Förderaufruf des Landes für klimafreundliche Nutzfahrzeuge (Stichtag im Frühjahr). Fördermittelberatung der Wirtschaftsförderung einbinden; Moorland Prüfstandsbau als Prüfstandspartner ansprechen.'
			},
			{
				kind: 'meeting_suggested',
				interest: 'hasewinkel',
				day: -9,
				note: 'Workshop zur Projektskizze mit dem Institut, dem Fahrzeugaufbauer und dem Tanksystem-Spezialisten.',
				meetingDay: 12,
				time: '10:00',
				place: 'Geschäftsstelle AutOS, Osnabrück'
			}
		]
	},
	{
		key: 'hafenquartier-pruefkapazitaet',
		organisation: 'Hafenquartier Batterietest GmbH',
		type: 'capacity_offer',
		status: 'published',
		visibility: 'public_anonymous',
		title: 'Freie Prüfkapazität: Thermal-Runaway- und Transportprüfungen nach UN 38.3',
		summary:
			'Ein akkreditiertes Batterieprüflabor bietet kurzfristig Termine für Missbrauchs-, Klima- und Transportprüfungen von Zellen bis Modulen.',
		de: `Unser Labor hat im kommenden Quartal freie Termine:

- Transportprüfungen nach UN 38.3 für Zellen und Module
- Thermal-Runaway- und Propagationsversuche im Bunker
- Klima- und Temperaturwechselprüfungen bis 1,5 m³

Berichte in Deutsch und Englisch; auf Wunsch begleiten wir die Versuchsplanung schon in der Entwicklung.`,
		en: `Our laboratory has free slots next quarter:

- transport tests to UN 38.3 for cells and modules
- thermal runaway and propagation tests in the bunker
- climate and temperature-cycling tests up to 1.5 m³

Reports in German and English; on request we help plan the tests during development.`,
		keywords: [
			'Thermal Runaway',
			'UN 38.3',
			'Missbrauchsprüfung',
			'Batterieprüfung',
			'Klimakammer',
			'Prüfkapazität'
		],
		drivetrains: ['bev'],
		trl: null,
		partnershipKinds: ['subcontracting'],
		competencies: ['technologies.battery.testing', 'services.testing'],
		created: -204,
		submitted: -203,
		published: -200,
		renewed: -18,
		expires: 162,
		anonymousViews: 64,
		viewers: ['board@demo.example', MEMBER],
		memberViews: 12
	},
	{
		key: 'hunte-zerspanung',
		organisation: 'Hunte Batteriesysteme GmbH',
		type: 'capacity_request',
		status: 'published',
		visibility: 'members',
		title: 'Fräs- und Drehkapazität für Kühlwasseranschlüsse aus Aluminium gesucht',
		summary:
			'Zum Serienanlauf einer neuen Batteriegeneration für Baumaschinen suchen wir für zwölf Monate zusätzliche Kapazität für gefräste und gedrehte Anschlussteile.',
		de: `Unser Stammlieferant kann den Hochlauf nicht allein tragen. Gesucht ist Kapazität für

- Kühlwasseranschlüsse aus Aluminium (gedreht und quergebohrt), rund 3.000 Stück im Monat
- gefräste Halter und Konsolen, rund 1.500 Stück im Monat

Werkzeuge und Prüfmittel stellen wir bei Bedarf bei. Lieferung im Kanban in unser Werk im Landkreis.`,
		en: `Our regular supplier cannot carry the ramp-up alone. We need capacity for

- aluminium coolant connectors (turned and cross-drilled), about 3,000 a month
- milled brackets and consoles, about 1,500 a month

We can provide tools and gauges if needed. Kanban delivery to our plant in the district.`,
		keywords: [
			'Kühlwasseranschlüsse',
			'Serienanlauf',
			'Aluminium',
			'Fräsen',
			'Drehen',
			'Kapazitätsengpass',
			'Baumaschinen'
		],
		drivetrains: ['bev'],
		trl: null,
		partnershipKinds: ['subcontracting', 'supply'],
		competencies: ['processes.machining.milling', 'processes.machining.turning', 'materials.aluminium'],
		created: -17,
		submitted: -16,
		published: -15,
		expires: 165,
		viewers: [ORGADMIN, MEMBER, 'office@demo.example'],
		memberViews: 5,
		interests: [
			{
				key: 'borgloh',
				organisation: 'Borgloh Feinmechanik GmbH',
				day: -13,
				message:
					'Die Halter und Konsolen können wir ab sofort fräsen; für die Anschlüsse hätten wir zwei Drehzentren frei.',
				contribution: 'Vorserie in drei Wochen, danach bis zu 2.000 Teile im Monat.',
				partnershipKind: 'subcontracting',
				timeframe: 'now',
				status: 'accepted',
				decidedDay: -11,
				outcome: {
					kind: 'agreed',
					day: -3,
					by: 'office',
					note: 'Auftrag für die Vorserie erteilt.',
					story:
						'Der Feinmechaniker fertigt die Vorserie von 600 Haltern; über die Serie wird nach der Erstmusterprüfung entschieden.',
					publishable: false
				}
			}
		]
	},
	{
		key: 'schoelerberg-ota',
		organisation: 'Schölerberg Software & Systeme GmbH',
		type: 'technology_offer',
		status: 'published',
		visibility: 'public_anonymous',
		title: 'Baukasten für sichere Over-the-Air-Updates nach UNECE R155 und R156',
		summary:
			'Ein erprobter Software-Baukasten bringt Steuergeräte kleiner Serien und Sonderfahrzeuge sicher und nachweisbar per Funk auf den neuesten Stand.',
		de: `Hersteller von Sonderfahrzeugen, Aufbauten und Landtechnik müssen Cybersecurity und Software-Updates nachweisen wie die großen Hersteller – oft ohne eigenes Team dafür.

Unser Baukasten umfasst

- einen Update-Client für gängige Steuergeräte (AUTOSAR Classic und Linux)
- signierte Updates mit Rückfallebene
- die Dokumentation für das Cybersecurity- und Update-Managementsystem

Im Einsatz in drei Fahrzeugbaureihen. Wir lizenzieren den Baukasten oder passen ihn gemeinsam an Ihre Steuergeräte an.`,
		en: `Makers of special vehicles, bodies and agricultural machinery must prove cybersecurity and software updates like the large manufacturers – often without a team of their own.

Our kit includes

- an update client for common control units (AUTOSAR Classic and Linux)
- signed updates with a fallback
- the documentation for the cybersecurity and software-update management systems

In use in three vehicle series. We license the kit or adapt it to your control units together with you.`,
		keywords: [
			'Over-the-Air',
			'OTA',
			'Cybersecurity',
			'UNECE R155',
			'UNECE R156',
			'Software-Update',
			'Steuergeräte'
		],
		drivetrains: ['bev', 'hybrid'],
		trl: 8,
		partnershipKinds: ['licence', 'joint_development'],
		competencies: [
			'technologies.software.embedded',
			'technologies.software.functional-safety',
			'technologies.software.telematics'
		],
		created: -58,
		submitted: -57,
		published: -55,
		expires: 125,
		anonymousViews: 41,
		viewers: ['lead@demo.example', 'partner@demo.example'],
		memberViews: 6,
		interests: [
			{
				key: 'wiehenblick',
				organisation: 'Wiehenblick Engineering GmbH',
				day: -50,
				message:
					'Für einen Kunden aus der Landtechnik suchen wir genau so eine Lösung; wir würden die Integration auf dessen Steuergeräten übernehmen.',
				contribution: 'Integration und Test am HiL-Prüfstand.',
				partnershipKind: 'licence',
				timeframe: 'now',
				status: 'withdrawn',
				decidedDay: -47
			}
		]
	},
	{
		key: 'alfsee-rezyklat',
		organisation: 'Alfsee Kunststoffrecycling GmbH',
		type: 'business_offer',
		status: 'published',
		visibility: 'members',
		title: 'Rezyklat-Compounds aus Altfahrzeugen für Innenraum- und Unterbodenteile',
		summary:
			'Wir liefern Polypropylen-Compounds mit bis zu 50 % Post-Consumer-Rezyklat aus Altfahrzeugen, abgestimmt auf Ihr Bauteil und Ihren Spritzgussprozess.',
		de: `Aus Stoßfängern, Radhausschalen und Verkleidungen von Altfahrzeugen gewinnen wir sortenreines Polypropylen und compoundieren es nach Ihrer Spezifikation.

- Rezyklatanteil 25 bis 50 %, Nachweis der Herkunft
- Farben schwarz und grau, geruchsoptimiert für den Innenraum
- Bemusterung mit Ihrem Werkzeug in unserem Technikum

So lassen sich Rezyklatquoten und die CO₂-Bilanz Ihrer Kunden erfüllen.`,
		en: `From bumpers, wheel-arch liners and trim of end-of-life vehicles we recover single-type polypropylene and compound it to your specification.

- recycled content 25 to 50 %, with proof of origin
- black and grey, odour-optimised for interiors
- sampling with your mould in our pilot plant

This helps meet your customers' recycled-content quotas and carbon targets.`,
		keywords: [
			'Rezyklat',
			'Post-Consumer',
			'Compound',
			'Polypropylen',
			'Innenraum',
			'Altfahrzeugverwertung',
			'CO₂-Bilanz'
		],
		drivetrains: [],
		trl: null,
		partnershipKinds: ['supply', 'joint_development'],
		competencies: [
			'materials.plastics.recyclates',
			'services.circular-economy',
			'processes.injection-moulding'
		],
		created: -174,
		submitted: -172,
		published: -170,
		expires: 10,
		viewers: [ORGADMIN, 'board@demo.example', 'office@demo.example'],
		memberViews: 10,
		interests: [
			{
				key: 'nettebogen',
				organisation: 'Nettebogen Kunststofftechnik GmbH',
				day: -152,
				message:
					'Ein Kunde verlangt für die nächste Türverkleidung 30 % Rezyklat. Können wir mit Ihrem Compound in unserem Werkzeug bemustern?',
				contribution:
					'Bemusterung im Serienwerkzeug, Bauteilprüfung, späterer Serienbedarf rund 400 t im Jahr.',
				partnershipKind: 'supply',
				timeframe: 'now',
				status: 'accepted',
				decidedDay: -149,
				outcome: {
					kind: 'agreed',
					day: -60,
					by: 'office',
					note: 'Liefervertrag für die Serie geschlossen.',
					story:
						'Ein Spritzgießer aus Osnabrück fertigt seit dem Frühjahr Träger für Türverkleidungen mit 30 % Rezyklat aus Altfahrzeugen, compoundiert im Landkreis. Die Bemusterung beim Kunden gelang im ersten Anlauf – ein Kreislauf, der in der Region geschlossen wird.',
					publishable: true
				}
			},
			{
				key: 'emsauen',
				organisation: 'Emsauen Kunststoffwerk GmbH',
				day: -144,
				message:
					'Für Radhausschalen suchen wir ein Compound mit hohem Rezyklatanteil und guter Schlagzähigkeit.',
				contribution: 'Versuche im Serienwerkzeug für Radhausschalen.',
				partnershipKind: 'supply',
				timeframe: 'six_months',
				status: 'declined',
				decidedDay: -140
			}
		]
	},
	{
		key: 'glane-lastmanagement',
		organisation: 'Glane Ladeinfrastruktur GmbH',
		type: 'technology_request',
		status: 'published',
		visibility: 'public_anonymous',
		title: 'Lastmanagement fürs Depotladen mit Anbindung an die Umlaufplanung gesucht',
		summary:
			'Für Betriebshöfe mit E-Bussen und E-Lkw suchen wir eine Software, die Ladevorgänge nach Fahrplan, Netzanschluss und Strompreis plant.',
		de: `Wir planen und bauen Ladeinfrastruktur für Betriebshöfe. Unsere Kunden wollen nicht nur laden, sondern pünktlich abfahren – mit möglichst wenig Anschlussleistung.

Gesucht ist eine Software oder ein Entwicklungspartner für

- Ladeplanung nach Umlauf- und Dienstplan
- Lastmanagement über OCPP für Ladepunkte verschiedener Hersteller
- Einbindung variabler Strompreise und einer Photovoltaikanlage

Wir bringen drei Pilot-Betriebshöfe und die Ladetechnik mit.`,
		en: `We plan and build charging infrastructure for depots. Our customers do not just want to charge, they want to leave on time – with as little grid capacity as possible.

We are looking for software or a development partner for

- charge planning by vehicle schedules and duty rosters
- load management via OCPP for charge points of different makes
- variable electricity prices and a photovoltaic system

We bring three pilot depots and the charging hardware.`,
		keywords: ['Depotladen', 'Lastmanagement', 'Umlaufplanung', 'OCPP', 'Betriebshof', 'E-Bus', 'E-Lkw'],
		drivetrains: ['bev'],
		trl: 7,
		partnershipKinds: ['joint_development', 'licence'],
		competencies: [
			'technologies.software.telematics',
			'technologies.power-electronics.charging',
			'services.charging-infrastructure'
		],
		created: -12,
		submitted: -11,
		published: -10,
		expires: 170,
		anonymousViews: 12,
		viewers: ['partner@demo.example'],
		memberViews: 4,
		interests: [
			{
				key: 'schlickelde',
				organisation: 'Schlickelde Softwarehaus GmbH',
				day: -7,
				message:
					'Unsere Flottensoftware steuert schon heute das Laden von 300 E-Transportern. Eine Anbindung an Umlaufpläne steht auf unserer Liste.',
				contribution: 'Ladesteuerung, OCPP-Anbindung, Schnittstelle zur Umlaufplanung.',
				partnershipKind: 'joint_development',
				timeframe: 'now',
				status: 'accepted',
				decidedDay: -4
			}
		]
	},
	{
		key: 'duetal-bachelorarbeit-stahl',
		organisation: 'Werkstoffinstitut Dütetal e.V.',
		type: 'student_project',
		status: 'published',
		visibility: 'members',
		title: 'Bachelorarbeit: Ermüdungsverhalten von grünem Stahl in Fahrwerksbauteilen',
		summary:
			'Eine Bachelorarbeit vergleicht Stahl aus wasserstoffbasierter Direktreduktion mit konventionellem Stahl im Schwingversuch – gesucht ist ein Fahrwerkshersteller mit Probenmaterial.',
		de: `Hersteller fragen nach Stahl mit geringem CO₂-Fußabdruck. Ob er sich im Bauteil genauso verhält, ist für Sicherheitsteile noch wenig belegt.

In einer Bachelorarbeit (Maschinenbau oder Werkstofftechnik) prüfen wir Proben aus grünem und konventionellem Stahl im Schwingversuch und untersuchen die Bruchflächen.

**Gesucht:** ein Unternehmen, das Proben aus seiner Fertigung (z. B. Querlenker oder Stabilisatoren) bereitstellt und die Ergebnisse mit uns bewertet. Dauer drei Monate.`,
		en: `Manufacturers ask for steel with a low carbon footprint. Whether it behaves the same in the component is still little documented for safety parts.

In a bachelor's thesis (mechanical or materials engineering) we test specimens of green and conventional steel in fatigue tests and examine the fracture surfaces.

**Wanted:** a company that provides specimens from its production (e.g. control arms or stabiliser bars) and evaluates the results with us. Three months.`,
		keywords: [
			'Bachelorarbeit',
			'Abschlussarbeit',
			'grüner Stahl',
			'Schwingfestigkeit',
			'Fahrwerk',
			'Werkstoffprüfung'
		],
		drivetrains: ['bev', 'hybrid', 'combustion'],
		trl: null,
		partnershipKinds: ['research_cooperation'],
		competencies: ['materials.steel', 'technologies.chassis', 'services.testing'],
		created: -33,
		submitted: -32,
		published: -30,
		expires: 150,
		viewers: [MEMBER, 'office@demo.example'],
		memberViews: 5,
		interests: [
			{
				key: 'groenegau',
				organisation: 'Grönegau Fahrwerkkomponenten GmbH & Co. KG',
				day: -1,
				message:
					'Wir stellen um auf grünen Stahl und brauchen genau diese Daten. Proben aus Querlenkern können wir liefern.',
				contribution: 'Probenmaterial aus der Serie, Betreuung durch unsere Werkstoffabteilung.',
				partnershipKind: 'research_cooperation',
				timeframe: 'three_months',
				status: 'pending'
			}
		]
	},
	{
		key: 'datenwerk-ki-spritzguss',
		organisation: 'Datenwerk an der Wüste GmbH',
		type: 'technology_offer',
		status: 'published',
		visibility: 'members',
		title: 'KI-Qualitätsprognose für Spritzgießprozesse',
		summary:
			'Ein Prognosemodell erkennt aus Maschinen- und Werkzeugdaten, welche Spritzgussteile außer Toleranz laufen werden, bevor sie geprüft sind.',
		de: `Unser Modell lernt aus Prozessdaten (Drücke, Temperaturen, Zykluszeiten), welche Schüsse zu Ausschuss führen. Es läuft in zwei Spritzgießbetrieben und senkt dort den Prüfaufwand deutlich.

Wir bieten eine Lizenz mit Einrichtung oder ein gemeinsames Pilotprojekt an.`,
		en: `Our model learns from process data (pressures, temperatures, cycle times) which shots lead to scrap. It runs in two injection-moulding plants and clearly reduces their inspection effort there.

We offer a licence with set-up or a joint pilot project.`,
		keywords: ['KI', 'Qualitätsprognose', 'Spritzguss', 'Prozessdaten', 'Ausschuss', 'Machine Learning'],
		drivetrains: [],
		trl: 7,
		partnershipKinds: ['licence', 'joint_development'],
		competencies: ['technologies.software.data-analytics', 'processes.injection-moulding'],
		created: -214,
		submitted: -212,
		published: -210,
		expires: -30,
		viewers: ['board@demo.example'],
		memberViews: 7,
		interests: [
			{
				key: 'gellenbeck',
				organisation: 'Gellenbeck Formenbau GmbH',
				day: -190,
				message:
					'Wir würden die Prognose gern mit Sensordaten aus unseren Werkzeugen verbinden und unseren Kunden als Paket anbieten.',
				contribution: 'Werkzeugsensorik, Zugang zu Kunden aus dem Spritzguss.',
				partnershipKind: 'joint_development',
				timeframe: 'six_months',
				status: 'accepted',
				decidedDay: -186,
				outcome: {
					kind: 'in_talks',
					day: -160,
					by: 'office',
					note: 'Gemeinsames Angebot für einen Kunden in Vorbereitung.'
				}
			}
		]
	},
	{
		key: 'wittlager-kanal',
		organisation: 'Wittlager Kanallogistik GmbH',
		type: 'business_offer',
		status: 'published',
		visibility: 'public_anonymous',
		title: 'Trimodale Behälterlogistik über den Mittellandkanal',
		summary:
			'Regelmäßige Binnenschiffsverkehre zwischen Osnabrück und den Seehäfen, mit Vor- und Nachlauf per Lkw und Bahn – für Zulieferer, die CO₂ im Transport sparen wollen.',
		de: `Zweimal wöchentlich fahren unsere Schiffe vom Hafen am Mittellandkanal zu den Seehäfen. Wir übernehmen Vorlauf, Umschlag und Nachlauf und liefern die Emissionsbilanz je Sendung.

Geeignet für Ladungsträger, Leergut und Exportverpackungen.`,
		en: `Twice a week our ships sail from the port on the Mittelland Canal to the seaports. We handle pre-carriage, transhipment and on-carriage and provide the emissions balance for each shipment.

Suitable for load carriers, empties and export packaging.`,
		keywords: ['Binnenschiff', 'Mittellandkanal', 'trimodal', 'CO₂-Einsparung', 'Ladungsträger', 'Seehafen'],
		drivetrains: [],
		trl: null,
		partnershipKinds: ['supply'],
		competencies: ['services.logistics', 'services.logistics.contract-logistics'],
		created: -195,
		submitted: -193,
		published: -190,
		expires: -6,
		anonymousViews: 23,
		memberViews: 4
	},
	{
		key: 'moorland-kathodenluft',
		organisation: 'Moorland Prüfstandsbau GmbH',
		type: 'rnd_partner_search',
		status: 'in_review',
		visibility: 'members',
		title: 'Forschungspartner für einen Prüfstand für Kathodenluftfilter von Brennstoffzellen',
		summary:
			'Wir wollen einen Prüfstand entwickeln, der Kathodenluftfilter unter realen Schadgas- und Staubbelastungen altert, und suchen Partner aus Filtertechnik und Forschung.',
		de: `Brennstoffzellen reagieren empfindlich auf Schadgase in der angesaugten Luft. Wie gut Kathodenluftfilter über die Lebensdauer schützen, lässt sich bisher nur im Fahrzeug messen.

Wir entwickeln einen Prüfstand, der Staub, Stickoxide und Schwefeldioxid dosiert und die Filterwirkung laufend misst. Gesucht sind ein Filterhersteller und ein Forschungsinstitut für ein gemeinsames Förderprojekt.`,
		en: `Fuel cells are sensitive to harmful gases in the intake air. How well cathode air filters protect over their lifetime can so far only be measured in the vehicle.

We are developing a test bench that doses dust, nitrogen oxides and sulphur dioxide and measures the filter's effect continuously. We are looking for a filter maker and a research institute for a joint funded project.`,
		keywords: ['Brennstoffzelle', 'Kathodenluft', 'Filterprüfstand', 'Schadgase', 'Verbundprojekt'],
		drivetrains: ['hydrogen'],
		trl: 3,
		partnershipKinds: ['research_cooperation', 'joint_development'],
		competencies: [
			'services.testing.test-benches',
			'technologies.hydrogen.fuel-cells',
			'technologies.filtration'
		],
		created: -6,
		submitted: -2
	},
	{
		key: 'teutoburger-smc-deckel',
		organisation: 'Teutoburger Leichtbau KG',
		type: 'technology_offer',
		status: 'changes_requested',
		visibility: 'public_anonymous',
		title: 'Batteriegehäusedeckel aus SMC mit integriertem Brandschutz',
		summary:
			'Ein Deckel aus Sheet Moulding Compound hält einem Thermal Runaway zehn Minuten stand und wiegt 40 % weniger als Stahl.',
		de: `Unser Deckel aus glasfaserverstärktem SMC mit einer keramisierenden Schutzschicht hat den Flammtest eines großen Fahrzeugherstellers bestanden. Wir bieten die Technologie zur Lizenz oder zur gemeinsamen Entwicklung für Ihr Batteriegehäuse an.`,
		en: `Our lid made of glass-fibre-reinforced SMC with a ceramifying protective layer passed a large vehicle maker's flame test. We offer the technology for licence or joint development for your battery housing.`,
		keywords: ['SMC', 'Batteriegehäuse', 'Brandschutz', 'Deckel', 'Leichtbau', 'Thermal Runaway'],
		drivetrains: ['bev'],
		trl: 6,
		partnershipKinds: ['licence', 'joint_development'],
		competencies: ['materials.fibre-composites', 'technologies.battery.systems', 'technologies.lightweight'],
		created: -12,
		submitted: -9,
		changesRequested: {
			day: -7,
			note: 'Bitte nennen Sie keinen Kunden: Das Profil erscheint anonym, der Hinweis auf den Flammtest des Herstellers macht Sie erkennbar. Ergänzen Sie außerdem, womit der Reifegrad TRL 6 belegt ist.'
		}
	},
	{
		key: 'gruenderwerk-pilotkunden',
		organisation: 'Gründerwerk Mobilität Münsterland e.V.',
		type: 'business_request',
		status: 'withdrawn',
		visibility: 'members',
		title: 'Pilotkunden für ein Start-up gesucht: Ferndiagnose für Ladesäulen',
		summary:
			'Ein Start-up aus unserem Gründerprogramm sucht zwei Betreiber von Ladesäulen, die seine Ferndiagnose drei Monate lang kostenlos erproben.',
		de: `Das Team erkennt aus den Protokollen der Ladesäulen, welche Störungen sich anbahnen, und schickt den Service, bevor Kunden vor einer defekten Säule stehen. Für den Pilotbetrieb suchen wir Betreiber mit mindestens 20 Ladepunkten.`,
		en: `The team detects from charge points' logs which faults are coming and sends the service before customers stand in front of a broken charger. For the pilot we are looking for operators with at least 20 charge points.`,
		keywords: ['Pilotkunde', 'Start-up', 'Ladesäulen', 'Ferndiagnose', 'Gründung'],
		drivetrains: ['bev'],
		trl: null,
		partnershipKinds: ['supply'],
		competencies: ['services.charging-infrastructure', 'technologies.software.data-analytics'],
		created: -124,
		submitted: -123,
		published: -120,
		expires: 60,
		withdrawn: {
			day: -30,
			note: 'Zwei Pilotkunden gefunden – vielen Dank an alle, die sich gemeldet haben.'
		},
		memberViews: 6
	}
];
