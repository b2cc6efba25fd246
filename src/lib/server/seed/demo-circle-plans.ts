import type { NotificationMode } from '../../circles/vocabulary.ts';
import type { ContactFunction } from '../../directory/vocabulary.ts';
import type { CircleRole } from '../db/schema/roles.ts';

/**
 * The expert circles' workspaces in the demo: members, a past meeting with agenda, approved minutes
 * and action items, the next meeting's draft agenda, folders with documents, and discussions.
 * Days are relative to the seed day (0, Europe/Berlin). Inserted by demo-circles.ts.
 *
 * People are named by a key: a demo account's e-mail (`lead@demo.example`) or the key of one of
 * the circle's fictional members below, who is a contact of that organisation from the demo
 * directory (so the name is the same everywhere). In texts, `{name:key}` becomes the person's name
 * and `{@key}` their @mention; `{attendees}` in minutes becomes the list of those who came.
 */
export type DemoCircleMemberPlan = {
	key: string;
	/** A member organisation; its contact with the first matching function joins (else its first). */
	organisation: string;
	functions: ContactFunction[];
	role: CircleRole;
	mode: NotificationMode;
	/** Joined this many days before the seed day. */
	joinedDaysAgo: number;
	/** Did not come to the past meeting. */
	missedMeeting?: boolean;
};

export type DemoAgendaItemPlan = {
	title: string;
	presenter?: string;
	/** A guest without an account. */
	presenterName?: string;
	minutes?: number;
	notes: string;
	/** Key of a document of the circle attached to the item. */
	attachment?: string;
};

export type DemoActionItemPlan = {
	key: string;
	title: string;
	owner: string;
	/** Days after the seed day. */
	due: number;
	status: 'open' | 'done' | 'dropped';
	/** When it was closed (done or dropped). */
	closedDay?: number;
};

export type DemoDocumentVersionPlan = {
	fileName: string;
	kind: 'pdf' | 'png';
	/** The PDF's lines of text (a PNG is a small chart). */
	lines: string[];
	uploader: string;
	day: number;
	note?: string;
};

export type DemoDocumentPlan = {
	key: string;
	folder: string;
	versions: DemoDocumentVersionPlan[];
};

export type DemoPostPlan = {
	author: string;
	day: number;
	body: string;
	/** The first wording; `body` is what it says after the author edited it on `editedDay`. */
	before?: string;
	editedDay?: number;
};

export type DemoThreadPlan = {
	key: string;
	title: string;
	/** A lead pinned it. */
	pinnedBy?: string;
	/** The opening post first, then the replies. */
	posts: DemoPostPlan[];
};

/** A past meeting: an existing past circle session (`eventKey`) or a new one on `day`. */
export type DemoPastMeetingPlan = {
	eventKey: string;
	day: number;
	titleDe?: string;
	titleEn?: string;
	author: string;
	approvedBy: string;
	agenda: DemoAgendaItemPlan[];
	minutes: string;
	actionItems: DemoActionItemPlan[];
};

export type DemoCirclePlan = {
	slug: string;
	/** Demo accounts in this circle (their membership comes from demo-accounts.ts): their mode. */
	accountModes: Record<string, NotificationMode>;
	members: DemoCircleMemberPlan[];
	pastMeeting: DemoPastMeetingPlan;
	/** The next circle session (from demo-event-plans.ts) and its draft agenda. */
	nextMeeting: { eventKey: string; agenda: DemoAgendaItemPlan[] };
	folders: string[];
	documents: DemoDocumentPlan[];
	threads: DemoThreadPlan[];
};

/** The event key demo-events.ts gives a circle session on `day`. */
export const circleSessionKey = (slug: string, day: number) => `circle-${slug}-${day}`;

export const demoCirclePlans: DemoCirclePlan[] = [
	{
		slug: 'antriebstransformation',
		accountModes: { 'lead@demo.example': 'immediate', 'member@demo.example': 'digest' },
		members: [
			{
				key: 'hunte',
				organisation: 'Hunte Batteriesysteme GmbH',
				functions: ['rnd', 'management'],
				role: 'lead',
				mode: 'immediate',
				joinedDaysAgo: 420
			},
			{
				key: 'haste',
				organisation: 'Haste Thermomanagement GmbH',
				functions: ['rnd'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 380
			},
			{
				key: 'vehrte',
				organisation: 'Vehrte Elektroantriebe GmbH',
				functions: ['rnd', 'management'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 350
			},
			{
				key: 'ifeo',
				organisation: 'Institut für Fahrzeugantriebe und Energiesysteme Osnabrück e.V.',
				functions: ['rnd'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 330
			},
			{
				key: 'schinkel',
				organisation: 'Schinkel Bordnetztechnik GmbH',
				functions: ['rnd', 'sales'],
				role: 'member',
				mode: 'off',
				joinedDaysAgo: 300,
				missedMeeting: true
			},
			{
				key: 'batterietest',
				organisation: 'Hafenquartier Batterietest GmbH',
				functions: ['management'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 240
			},
			{
				key: 'noller',
				organisation: 'Noller Kabelsysteme GmbH',
				functions: ['rnd', 'purchasing'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 12
			}
		],
		pastMeeting: {
			eventKey: circleSessionKey('antriebstransformation', -60),
			day: -60,
			author: 'lead@demo.example',
			approvedBy: 'lead@demo.example',
			agenda: [
				{
					title: 'Begrüßung und Berichte aus den Unternehmen',
					presenter: 'lead@demo.example',
					minutes: 30,
					notes:
						'Kurze Runde: Was hat sich seit der letzten Sitzung in Ihrem Werk getan? **Je Unternehmen höchstens drei Minuten.**'
				},
				{
					title: 'Impuls: Thermomanagement von Hochvolt-Batteriesystemen',
					presenter: 'haste',
					minutes: 45,
					notes:
						'Kühlkonzepte im Vergleich (Luft, Kühlplatte, Immersion) und was sie für Zulieferer von Gehäusen und Dichtungen bedeuten. Folien siehe Anhang.',
					attachment: 'thermo-slides'
				},
				{
					title: 'Prüfkapazitäten in der Region',
					presenter: 'batterietest',
					minutes: 30,
					notes:
						'- Auslastung der Prüfstände 2026\n- Gemeinsame Buchung für Zellen- und Modultests?\n- Anforderungen der Hersteller an Prüfberichte'
				},
				{
					title: 'Themen und Termine für das nächste Halbjahr',
					presenter: 'hunte',
					minutes: 20,
					notes:
						'Vorschläge bitte vorab im Forum sammeln. Kandidaten: Leistungselektronik, Recycling, *Second Life*.'
				}
			],
			minutes: `# Protokoll: Sitzung des Expertenkreises Antriebstransformation

## Teilnehmende

{attendees}

Sitzungsleitung: {name:lead@demo.example}; Protokoll: {name:lead@demo.example}

## TOP 1 – Berichte aus den Unternehmen

- **Hunte Batteriesysteme** baut eine zweite Montagelinie für Batteriemodule auf; Anlauf im Frühjahr.
- **Vehrte Elektroantriebe** meldet steigende Anfragen für E-Achsen im Nutzfahrzeugbereich.
- Mehrere Unternehmen berichten von längeren Lieferzeiten für Leistungshalbleiter.

## TOP 2 – Impuls Thermomanagement

{name:haste} stellte drei Kühlkonzepte vor. Die Immersionskühlung wird in der Runde skeptisch gesehen (Gewicht, Wartung), die Kühlplatte bleibt Standard. Die Folien liegen im Ordner *Präsentationen*.

## TOP 3 – Prüfkapazitäten

{name:batterietest} bietet den Mitgliedern freie Slots auf den Zellprüfständen im zweiten Quartal an. Eine gemeinsame Bedarfsabfrage soll klären, ob sich ein Rahmenvertrag lohnt.

## TOP 4 – Themenplanung

Die nächste Sitzung widmet sich der **Leistungselektronik aus der Region**.

## Beschlüsse

1. Der Kreis führt bis zur nächsten Sitzung eine Bedarfsabfrage zu Prüfkapazitäten durch.
2. Die Folien der Impulsvorträge werden künftig spätestens eine Woche nach der Sitzung abgelegt.
3. Die Folien zum Thermomanagement werden um Messdaten zur Kühlplatte ergänzt.

## Aufgaben

Siehe Aufgabenliste unten.
`,
			actionItems: [
				{
					key: 'survey',
					title: 'Bedarfsabfrage Prüfkapazitäten an alle Mitglieder des Kreises versenden',
					owner: 'batterietest',
					due: -30,
					status: 'done',
					closedDay: -34
				},
				{
					key: 'survey-results',
					title: 'Ergebnisse der Bedarfsabfrage auswerten und in der nächsten Sitzung vorstellen',
					owner: 'member@demo.example',
					due: 10,
					status: 'open'
				},
				{
					key: 'low-temperature',
					title: 'Bedarf an Alterungstests bei tiefen Temperaturen mit den Prüflaboren abstimmen',
					owner: 'ifeo',
					due: -6,
					status: 'open'
				},
				{
					key: 'fair',
					title: 'Gemeinschaftsbesuch der Batteriemesse organisieren',
					owner: 'vehrte',
					due: -20,
					status: 'dropped',
					closedDay: -25
				}
			]
		},
		nextMeeting: {
			eventKey: circleSessionKey('antriebstransformation', 13),
			agenda: [
				{
					title: 'Begrüßung und offene Aufgaben',
					presenter: 'lead@demo.example',
					minutes: 15,
					notes: 'Stand der Aufgaben aus der letzten Sitzung.'
				},
				{
					title: 'Wechselrichter aus der Region: Entwicklung bei Piesberg Antriebselektronik',
					presenter: 'lead@demo.example',
					minutes: 45,
					notes:
						'Überblick über Entwicklung und Prüfung; die Besichtigung des Prüffelds folgt als eigener Termin.'
				},
				{
					title: 'Ergebnisse der Bedarfsabfrage Prüfkapazitäten',
					presenter: 'member@demo.example',
					minutes: 30,
					notes: 'Entwurf folgt eine Woche vor der Sitzung.'
				},
				{
					title: 'Siliziumkarbid oder Galliumnitrid? Halbleiter für 800-Volt-Systeme',
					presenterName: 'Dr. Lea Krüger (Hochschule Osnabrück)',
					minutes: 40,
					notes: 'Gastvortrag mit anschließender Diskussion.'
				}
			]
		},
		folders: ['Präsentationen', 'Studien'],
		documents: [
			{
				key: 'thermo-slides',
				folder: 'Präsentationen',
				versions: [
					{
						fileName: 'Thermomanagement Batteriesysteme.pdf',
						kind: 'pdf',
						lines: ['Thermomanagement von Hochvolt-Batteriesystemen', 'Impulsvortrag im Expertenkreis'],
						uploader: 'haste',
						day: -59
					},
					{
						fileName: 'Thermomanagement Batteriesysteme.pdf',
						kind: 'pdf',
						lines: [
							'Thermomanagement von Hochvolt-Batteriesystemen',
							'Impulsvortrag im Expertenkreis - ergaenzt um Messdaten zur Kuehlplatte'
						],
						uploader: 'haste',
						day: -8,
						note: 'Ergänzt um die Messdaten zur Kühlplatte (Folie 12–14).'
					}
				]
			},
			{
				key: 'test-capacity',
				folder: 'Studien',
				versions: [
					{
						fileName: 'Bedarfsabfrage Pruefkapazitaeten Fragebogen.pdf',
						kind: 'pdf',
						lines: ['Bedarfsabfrage Pruefkapazitaeten', 'Fragebogen fuer die Mitglieder des Kreises'],
						uploader: 'batterietest',
						day: -35
					}
				]
			},
			{
				key: 'market-study',
				folder: 'Studien',
				versions: [
					{
						fileName: 'Marktstudie E-Achsen Nutzfahrzeuge 2026.pdf',
						kind: 'pdf',
						lines: ['Marktstudie E-Achsen fuer Nutzfahrzeuge', 'Zusammenfassung fuer den Expertenkreis'],
						uploader: 'vehrte',
						day: -21
					}
				]
			},
			{
				key: 'cooling-chart',
				folder: 'Präsentationen',
				versions: [
					{
						fileName: 'Kuehlkonzepte Vergleich.png',
						kind: 'png',
						lines: [],
						uploader: 'haste',
						day: -58
					}
				]
			}
		],
		threads: [
			{
				key: 'welcome',
				title: 'Willkommen im Kreis – bitte kurz vorstellen',
				pinnedBy: 'lead@demo.example',
				posts: [
					{
						author: 'lead@demo.example',
						day: -300,
						body: 'Liebe Kolleginnen und Kollegen,\n\nhier stellen sich neue Mitglieder des Kreises kurz vor: **Unternehmen, Aufgabe, Erwartungen an den Kreis**. Die Sitzungsunterlagen finden Sie unter *Dokumente*.'
					},
					{
						author: 'batterietest',
						day: -238,
						body: 'Hallo zusammen, wir betreiben am Hafen Prüfstände für Zellen und Module und freuen uns auf den Austausch zu Prüfanforderungen.'
					},
					{
						author: 'noller',
						day: -11,
						body: 'Guten Tag, ich bin neu im Kreis und verantworte bei Noller die Entwicklung von Hochvolt-Leitungssätzen. Besonders interessiert mich das Thema Steckverbinder für 800 Volt.'
					},
					{
						author: 'lead@demo.example',
						day: -10,
						body: 'Herzlich willkommen, {name:noller}! In der nächsten Sitzung geht es um Leistungselektronik – das passt gut.'
					}
				]
			},
			{
				key: 'semiconductors',
				title: 'Lieferzeiten für Leistungshalbleiter',
				posts: [
					{
						author: 'vehrte',
						day: -40,
						body: 'Wie gehen Sie mit den Lieferzeiten für SiC-MOSFETs um? Wir sehen aktuell **über 40 Wochen** bei zwei Herstellern.'
					},
					{
						author: 'hunte',
						day: -39,
						body: 'Bei uns ähnlich. Wir haben für 2026 Rahmenverträge abgeschlossen. {@lead@demo.example}, wäre das ein Thema für die nächste Sitzung?',
						before: 'Bei uns ähnlich. Wir haben Rahmenverträge abgeschlossen.',
						editedDay: -39
					},
					{
						author: 'lead@demo.example',
						day: -38,
						body: 'Gute Idee – ich nehme es in die Tagesordnung auf. Frau Dr. Krüger von der Hochschule hat zugesagt, einen Überblick zu geben.'
					}
				]
			},
			{
				key: 'test-survey',
				title: 'Bedarfsabfrage Prüfkapazitäten: Rückmeldungen',
				posts: [
					{
						author: 'batterietest',
						day: -33,
						body: 'Der Fragebogen liegt unter *Dokumente › Studien*. Bitte bis Monatsende ausfüllen; {@member@demo.example} wertet die Antworten aus.'
					},
					{
						author: 'ifeo',
						day: -25,
						body: 'Das Institut hat seinen Bedarf eingetragen: vor allem Alterungstests bei tiefen Temperaturen.'
					},
					{
						author: 'member@demo.example',
						day: -4,
						body: 'Bisher 6 Rückmeldungen. Erste Tendenz: Bedarf an Modultests ist deutlich größer als an Zelltests.'
					}
				]
			}
		]
	},
	{
		slug: 'wasserstoff-kraftstoffe',
		accountModes: { 'board@demo.example': 'digest' },
		members: [
			{
				key: 'wiehen',
				organisation: 'Wiehen H2 Systemtechnik GmbH',
				functions: ['management', 'rnd'],
				role: 'lead',
				mode: 'immediate',
				joinedDaysAgo: 500
			},
			{
				key: 'fiwe',
				organisation: 'Forschungsinstitut Wasserstoff und E-Fuels Münsterland e.V.',
				functions: ['rnd', 'management'],
				role: 'lead',
				mode: 'digest',
				joinedDaysAgo: 480
			},
			{
				key: 'schafberg',
				organisation: 'Schafberg Energiesysteme GmbH',
				functions: ['rnd', 'sustainability'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 400
			},
			{
				key: 'hasewinkel',
				organisation: 'Hasewinkel Nutzfahrzeugaufbauten GmbH',
				functions: ['management'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 360
			},
			{
				key: 'moorland',
				organisation: 'Moorland Prüfstandsbau GmbH',
				functions: ['rnd', 'sales'],
				role: 'member',
				mode: 'immediate',
				joinedDaysAgo: 300
			},
			{
				key: 'hembergen',
				organisation: 'Hembergen Filtertechnik GmbH',
				functions: ['rnd'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 210,
				missedMeeting: true
			},
			{
				key: 'emsauen',
				organisation: 'Emsauen Kunststoffwerk GmbH',
				functions: ['sustainability', 'rnd'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 150
			}
		],
		pastMeeting: {
			eventKey: circleSessionKey('wasserstoff-kraftstoffe', -45),
			day: -45,
			titleDe: 'Kreis Wasserstoff: Brennstoffzelle im Nutzfahrzeug',
			titleEn: 'Hydrogen circle: fuel cells in commercial vehicles',
			author: 'fiwe',
			approvedBy: 'wiehen',
			agenda: [
				{
					title: 'Begrüßung, Protokoll der letzten Sitzung',
					presenter: 'wiehen',
					minutes: 15,
					notes: 'Das Protokoll der letzten Sitzung gilt als angenommen, wenn keine Einwände kommen.'
				},
				{
					title: 'Stand der Brennstoffzellen-Lkw in Europa',
					presenter: 'fiwe',
					minutes: 40,
					notes:
						'Überblick über Hersteller, Stückzahlen und Förderprogramme. Die Studie liegt im Ordner *Studien*.',
					attachment: 'h2-truck-study'
				},
				{
					title: 'Pilotprojekt Wasserstoff-Kommunalfahrzeug',
					presenter: 'hasewinkel',
					minutes: 30,
					notes:
						'Aufbauten für ein Müllsammelfahrzeug mit Brennstoffzelle: Packaging der Tanks, Sicherheitskonzept.'
				},
				{
					title: 'Tankinfrastruktur in der Region',
					presenter: 'schafberg',
					minutes: 30,
					notes: '- Geplante Stationen an der A1 und A30\n- 350 oder 700 bar?\n- Elektrolyse vor Ort'
				},
				{
					title: 'Verschiedenes',
					presenter: 'wiehen',
					minutes: 10,
					notes: ''
				}
			],
			minutes: `# Protokoll: Expertenkreis Wasserstoff & alternative Kraftstoffe

## Teilnehmende

{attendees}

Sitzungsleitung: {name:wiehen}; Protokoll: {name:fiwe}

## TOP 1 – Begrüßung

Das Protokoll der letzten Sitzung wurde ohne Änderungen angenommen.

## TOP 2 – Brennstoffzellen-Lkw in Europa

{name:fiwe} stellte die aktuelle Marktübersicht vor. Die Stückzahlen bleiben hinter den Erwartungen zurück; entscheidend sind **Wasserstoffpreis an der Säule** und Förderung der Mehrkosten.

## TOP 3 – Pilotprojekt Kommunalfahrzeug

{name:hasewinkel} berichtete vom Aufbau des Prototyps. Offene Frage ist die Zulassung der Tankanordnung hinter dem Fahrerhaus.

## TOP 4 – Tankinfrastruktur

Für schwere Nutzfahrzeuge setzt sich 700 bar nicht durch; die Runde erwartet flüssigen oder kalt verdichteten Wasserstoff für den Fernverkehr.

## Beschlüsse

1. Der Kreis erstellt eine Karte der geplanten Wasserstofftankstellen in der Region.
2. Die nächste Sitzung behandelt Tankstellen für schwere Nutzfahrzeuge mit einem Gast der Landesagentur.
`,
			actionItems: [
				{
					key: 'map',
					title: 'Karte der geplanten Wasserstofftankstellen in der Region erstellen',
					owner: 'schafberg',
					due: -15,
					status: 'done',
					closedDay: -18
				},
				{
					key: 'approval',
					title: 'Fragen zur Zulassung der Tankanordnung mit dem TÜV klären',
					owner: 'hasewinkel',
					due: -3,
					status: 'open'
				},
				{
					key: 'guest',
					title: 'Gast der Automotive Agentur für die nächste Sitzung anfragen',
					owner: 'wiehen',
					due: 21,
					status: 'open'
				}
			]
		},
		nextMeeting: {
			eventKey: circleSessionKey('wasserstoff-kraftstoffe', 41),
			agenda: [
				{
					title: 'Begrüßung und offene Aufgaben',
					presenter: 'wiehen',
					minutes: 15,
					notes: ''
				},
				{
					title: 'Tankstellen für schwere Nutzfahrzeuge: Planungen des Landes',
					presenterName: 'Gast der Automotive Agentur Niedersachsen (angefragt)',
					minutes: 45,
					notes: 'Die Zusage steht noch aus.'
				},
				{
					title: 'Karte der Wasserstofftankstellen: Vorstellung',
					presenter: 'schafberg',
					minutes: 20,
					notes: 'Siehe Ordner *Präsentationen*.'
				}
			]
		},
		folders: ['Präsentationen', 'Studien'],
		documents: [
			{
				key: 'h2-truck-study',
				folder: 'Studien',
				versions: [
					{
						fileName: 'Brennstoffzellen-Lkw Marktuebersicht.pdf',
						kind: 'pdf',
						lines: ['Brennstoffzellen-Lkw in Europa', 'Marktuebersicht - Entwurf'],
						uploader: 'fiwe',
						day: -47,
						note: 'Entwurf zur Sitzung.'
					},
					{
						fileName: 'Brennstoffzellen-Lkw Marktuebersicht.pdf',
						kind: 'pdf',
						lines: ['Brennstoffzellen-Lkw in Europa', 'Marktuebersicht - abgestimmte Fassung'],
						uploader: 'fiwe',
						day: -40,
						note: 'Abgestimmte Fassung nach der Sitzung.'
					}
				]
			},
			{
				key: 'station-map',
				folder: 'Präsentationen',
				versions: [
					{
						fileName: 'Wasserstofftankstellen Region.png',
						kind: 'png',
						lines: [],
						uploader: 'schafberg',
						day: -18
					}
				]
			},
			{
				key: 'municipal-pilot',
				folder: 'Präsentationen',
				versions: [
					{
						fileName: 'Pilotprojekt Kommunalfahrzeug.pdf',
						kind: 'pdf',
						lines: ['Pilotprojekt Wasserstoff-Kommunalfahrzeug', 'Aufbau und Sicherheitskonzept'],
						uploader: 'hasewinkel',
						day: -44
					}
				]
			}
		],
		threads: [
			{
				key: 'efuels',
				title: 'E-Fuels für die Bestandsflotte – realistische Option?',
				pinnedBy: 'wiehen',
				posts: [
					{
						author: 'board@demo.example',
						day: -70,
						body: 'Aus dem Vorstand kam die Frage, ob E-Fuels für Bestandsfahrzeuge in den nächsten zehn Jahren eine Rolle spielen. Wie schätzen Sie das ein?'
					},
					{
						author: 'fiwe',
						day: -69,
						body: 'Technisch ja, wirtschaftlich vorerst nur in Nischen (Oldtimer, Luftfahrt, Schifffahrt). Wir haben dazu eine Kurzstudie – ich lade sie unter *Studien* hoch.'
					},
					{
						author: 'emsauen',
						day: -66,
						body: 'Für unsere Kunststofftanks wäre wichtig zu wissen, welche Beimischungen kommen. {@fiwe}, gibt es dazu Zahlen?'
					},
					{
						author: 'fiwe',
						day: -64,
						body: 'Ja, Kapitel 3 der Studie. Kurz: bis 2030 eher Beimischung in kleinen Anteilen.',
						before: 'Ja, Kapitel 4 der Studie.',
						editedDay: -63
					}
				]
			},
			{
				key: 'pilot',
				title: 'Pilotprojekt Kommunalfahrzeug: Partner gesucht',
				posts: [
					{
						author: 'hasewinkel',
						day: -30,
						body: 'Für den Prototyp suchen wir noch einen Partner für **Drucksensorik an den Tanks**. Wer hat Erfahrung mit Wasserstoff-Zulassungen?'
					},
					{
						author: 'moorland',
						day: -29,
						body: 'Wir haben Prüfstände für Dichtheitsprüfungen mit Wasserstoff. Gern telefonisch mehr.'
					}
				]
			}
		]
	},
	{
		slug: 'produktion-digitalisierung',
		accountModes: {},
		members: [
			{
				key: 'datenwerk',
				organisation: 'Datenwerk an der Wüste GmbH',
				functions: ['management', 'rnd'],
				role: 'lead',
				mode: 'immediate',
				joinedDaysAgo: 450
			},
			{
				key: 'achelriede',
				organisation: 'Achelriede Automationstechnik GmbH',
				functions: ['rnd', 'management'],
				role: 'lead',
				mode: 'digest',
				joinedDaysAgo: 440
			},
			{
				key: 'schoelerberg',
				organisation: 'Schölerberg Software & Systeme GmbH',
				functions: ['rnd'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 400
			},
			{
				key: 'voxtrup',
				organisation: 'Voxtrup Messtechnik GmbH',
				functions: ['rnd', 'management'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 380
			},
			{
				key: 'settel',
				organisation: 'Settel Sondermaschinenbau GmbH',
				functions: ['rnd', 'management'],
				role: 'member',
				mode: 'immediate',
				joinedDaysAgo: 320
			},
			{
				key: 'schlickelde',
				organisation: 'Schlickelde Softwarehaus GmbH',
				functions: ['management'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 260,
				missedMeeting: true
			},
			{
				key: 'alfsee',
				organisation: 'Alfsee Kunststoffrecycling GmbH',
				functions: ['sustainability', 'management'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 90
			}
		],
		pastMeeting: {
			eventKey: circleSessionKey('produktion-digitalisierung', -52),
			day: -52,
			titleDe: 'Kreis Produktion 4.0: Werksbesuch bei Achelriede Automationstechnik',
			titleEn: 'Production 4.0 circle: plant visit at Achelriede Automationstechnik',
			author: 'achelriede',
			approvedBy: 'datenwerk',
			agenda: [
				{
					title: 'Rundgang: Montagezelle mit kollaborierenden Robotern',
					presenter: 'achelriede',
					minutes: 60,
					notes:
						'Gezeigt werden die neue Montagezelle und die Werkerführung am Bildschirm. **Fotos nur nach Absprache.**'
				},
				{
					title: 'Vorausschauende Wartung mit Maschinendaten',
					presenter: 'datenwerk',
					minutes: 40,
					notes: 'Erfahrungen aus drei Mitgliedsunternehmen, vertraulich. Folien im Anhang.',
					attachment: 'maintenance-slides'
				},
				{
					title: 'CO₂-Bilanz je Bauteil: Datenbedarf der Kunden',
					presenter: 'alfsee',
					minutes: 30,
					notes:
						'Welche Daten fragen die Hersteller ab, und wie kommen wir an Primärdaten der Vorlieferanten?'
				}
			],
			minutes: `# Protokoll: Expertenkreis Produktion 4.0 & Digitalisierung (vertraulich)

## Teilnehmende

{attendees}

Sitzungsleitung: {name:datenwerk}; Protokoll: {name:achelriede}

## TOP 1 – Rundgang

Die Montagezelle läuft seit vier Monaten im Zweischichtbetrieb. Die Taktzeit sank um rund **18 %**; die Werkerführung hat die Einarbeitungszeit halbiert. Die genannten Zahlen sind vertraulich.

## TOP 2 – Vorausschauende Wartung

{name:datenwerk} zeigte, dass die meisten Unternehmen die Daten schon haben, aber nicht zusammenführen. Empfehlung: mit einer Maschine und einem klaren Ausfallbild anfangen.

## TOP 3 – CO₂-Bilanz je Bauteil

Die Hersteller verlangen zunehmend Primärdaten. {name:alfsee} schlägt eine gemeinsame Vorlage für die Abfrage bei Vorlieferanten vor.

## Beschlüsse

1. Eine gemeinsame Vorlage für die Datenabfrage bei Vorlieferanten wird erarbeitet.
2. Der Kreis bleibt vertraulich; Inhalte werden nicht außerhalb des Kreises geteilt.
`,
			actionItems: [
				{
					key: 'template',
					title: 'Vorlage für die CO₂-Datenabfrage bei Vorlieferanten entwerfen',
					owner: 'alfsee',
					due: -12,
					status: 'open'
				},
				{
					key: 'dataspace',
					title: 'Referenten zu Datenräumen in der Lieferkette gewinnen',
					owner: 'datenwerk',
					due: -20,
					status: 'done',
					closedDay: -25
				},
				{
					key: 'pilot-machine',
					title: 'Pilotmaschine für vorausschauende Wartung auswählen und Daten bereitstellen',
					owner: 'settel',
					due: 30,
					status: 'open'
				}
			]
		},
		nextMeeting: {
			eventKey: circleSessionKey('produktion-digitalisierung', 48),
			agenda: [
				{
					title: 'Begrüßung und offene Aufgaben',
					presenter: 'datenwerk',
					minutes: 15,
					notes: ''
				},
				{
					title: 'Datenräume in der Lieferkette: Catena-X in der Praxis',
					presenter: 'schoelerberg',
					minutes: 45,
					notes: 'Was kostet der Anschluss, und was bringt er einem mittelständischen Zulieferer?'
				},
				{
					title: 'Vorlage CO₂-Datenabfrage: Entwurf',
					presenter: 'alfsee',
					minutes: 30,
					notes: ''
				}
			]
		},
		folders: ['Präsentationen', 'Vorlagen'],
		documents: [
			{
				key: 'maintenance-slides',
				folder: 'Präsentationen',
				versions: [
					{
						fileName: 'Vorausschauende Wartung Erfahrungen.pdf',
						kind: 'pdf',
						lines: ['Vorausschauende Wartung mit Maschinendaten', 'VERTRAULICH - nur fuer den Expertenkreis'],
						uploader: 'datenwerk',
						day: -53
					}
				]
			},
			{
				key: 'co2-template',
				folder: 'Vorlagen',
				versions: [
					{
						fileName: 'Vorlage CO2-Datenabfrage Entwurf.pdf',
						kind: 'pdf',
						lines: ['Vorlage CO2-Datenabfrage bei Vorlieferanten', 'Entwurf 1'],
						uploader: 'alfsee',
						day: -30
					},
					{
						fileName: 'Vorlage CO2-Datenabfrage Entwurf.pdf',
						kind: 'pdf',
						lines: ['Vorlage CO2-Datenabfrage bei Vorlieferanten', 'Entwurf 2 mit Scope-3-Kategorien'],
						uploader: 'alfsee',
						day: -9,
						note: 'Entwurf 2: Scope-3-Kategorien ergänzt.'
					}
				]
			},
			{
				key: 'cycle-time',
				folder: 'Präsentationen',
				versions: [
					{
						fileName: 'Taktzeiten Montagezelle.png',
						kind: 'png',
						lines: [],
						uploader: 'achelriede',
						day: -51
					}
				]
			}
		],
		threads: [
			{
				key: 'rules',
				title: 'Vertraulichkeit: Spielregeln des Kreises',
				pinnedBy: 'datenwerk',
				posts: [
					{
						author: 'datenwerk',
						day: -400,
						body: 'Zur Erinnerung: Zahlen aus den Werken, die hier geteilt werden, bleiben **im Kreis**. Bitte keine Weitergabe, auch nicht intern ohne Rücksprache.'
					},
					{
						author: 'settel',
						day: -398,
						body: 'Einverstanden. Das macht den offenen Austausch erst möglich.'
					}
				]
			},
			{
				key: 'ai-vision',
				title: 'Bildverarbeitung in der Qualitätsprüfung: Erfahrungen?',
				posts: [
					{
						author: 'voxtrup',
						day: -28,
						body: 'Wir testen eine KI-gestützte Oberflächenprüfung. Die Fehlerquote ist gut, aber das **Anlernen** braucht viele Bilder. Wer hat Erfahrung mit synthetischen Trainingsdaten?'
					},
					{
						author: 'schoelerberg',
						day: -27,
						body: 'Wir haben das für Gussteile gemacht. {@voxtrup}, ich schicke Ihnen gern unsere Erfahrungen – wichtig ist eine saubere Beleuchtung.',
						before: 'Wir haben das für Gussteile gemacht.',
						editedDay: -27
					},
					{
						author: 'achelriede',
						day: -26,
						body: 'Wäre das ein Thema für das Netzwerktreffen zur KI in der Fertigung?'
					}
				]
			}
		]
	},
	{
		slug: 'fachkraefte-qualifizierung',
		accountModes: { 'orgadmin@demo.example': 'digest' },
		members: [
			{
				key: 'bildungswerk',
				organisation: 'Bildungswerk Mobilitätstechnik Osnabrück gGmbH',
				functions: ['training', 'management'],
				role: 'lead',
				mode: 'immediate',
				joinedDaysAgo: 520
			},
			{
				key: 'welbergen',
				organisation: 'Welbergen Elektronikfertigung GmbH',
				functions: ['training', 'hr'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 420
			},
			{
				key: 'groenegau',
				organisation: 'Grönegau Fahrwerkkomponenten GmbH & Co. KG',
				functions: ['hr', 'training'],
				role: 'lead',
				mode: 'digest',
				joinedDaysAgo: 410
			},
			{
				key: 'kalkhuegel',
				organisation: 'Kalkhügel Sitzsysteme GmbH & Co. KG',
				functions: ['hr', 'training'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 330
			},
			{
				key: 'gruenderwerk',
				organisation: 'Gründerwerk Mobilität Münsterland e.V.',
				functions: ['management'],
				role: 'member',
				mode: 'off',
				joinedDaysAgo: 250,
				missedMeeting: true
			},
			{
				key: 'duetetal',
				organisation: 'Dütetal Umformtechnik GmbH',
				functions: ['training', 'hr'],
				role: 'member',
				mode: 'digest',
				joinedDaysAgo: 200
			},
			{
				key: 'westerberg',
				organisation: 'Westerberg Karosseriesysteme GmbH & Co. KG',
				functions: ['hr', 'training'],
				role: 'member',
				mode: 'immediate',
				joinedDaysAgo: 120
			}
		],
		pastMeeting: {
			eventKey: circleSessionKey('fachkraefte-qualifizierung', -33),
			day: -33,
			titleDe: 'Kreis Fachkräfte: Hochvolt-Qualifizierung und Ausbildungsverbund',
			titleEn: 'Skilled workers circle: high-voltage qualification and training network',
			author: 'bildungswerk',
			approvedBy: 'groenegau',
			agenda: [
				{
					title: 'Begrüßung und Neuigkeiten',
					presenter: 'bildungswerk',
					minutes: 15,
					notes: ''
				},
				{
					title: 'Hochvolt-Stufen in der Ausbildung: Angebot des Bildungswerks',
					presenter: 'bildungswerk',
					minutes: 40,
					notes: 'Stufen 1S bis 3S, Kosten und Fördermöglichkeiten. Das Kursangebot liegt im Anhang.',
					attachment: 'hv-courses'
				},
				{
					title: 'Ausbildungsverbund: Wer bildet was aus?',
					presenter: 'groenegau',
					minutes: 40,
					notes:
						'Abfrage der freien Ausbildungsplätze 2026 und der Berufe, die einzelne Betriebe nicht allein ausbilden können.'
				},
				{
					title: 'Gemeinsames Ausbildungsmarketing',
					presenter: 'orgadmin@demo.example',
					minutes: 30,
					notes: 'Idee: ein gemeinsamer Auftritt auf der Ausbildungsmesse mit einem **AutOS-Stand**.'
				}
			],
			minutes: `# Protokoll: Expertenkreis Fachkräfte & Qualifizierung

## Teilnehmende

{attendees}

Sitzungsleitung: {name:groenegau}; Protokoll: {name:bildungswerk}

## TOP 1 – Neuigkeiten

Die Zahl der Bewerbungen für technische Ausbildungsberufe ist im Vergleich zum Vorjahr leicht gestiegen, bleibt aber unter dem Bedarf.

## TOP 2 – Hochvolt-Qualifizierung

{name:bildungswerk} stellte das Kursangebot vor. Mehrere Betriebe wollen Auszubildende schon im zweiten Lehrjahr für die Stufe 1S anmelden. Förderung über die Weiterbildungsprogramme des Landes ist möglich.

## TOP 3 – Ausbildungsverbund

Fünf Betriebe können Mechatronikerinnen und Mechatroniker nicht vollständig allein ausbilden. Der Verbund soll Rotationen zwischen den Betrieben organisieren.

## TOP 4 – Ausbildungsmarketing

{name:orgadmin@demo.example} stellte die Idee eines gemeinsamen Messestands vor; die Runde unterstützt das.

## Beschlüsse

1. Das Bildungswerk bietet im Herbst einen gemeinsamen Hochvolt-Kurs für Auszubildende der Mitglieder an.
2. Für den gemeinsamen Messestand wird ein Konzept mit Kostenschätzung erstellt.
`,
			actionItems: [
				{
					key: 'stand',
					title: 'Konzept und Kostenschätzung für den gemeinsamen Messestand erstellen',
					owner: 'orgadmin@demo.example',
					due: 14,
					status: 'open'
				},
				{
					key: 'places',
					title: 'Freie Ausbildungsplätze 2026 bei allen Mitgliedern abfragen',
					owner: 'groenegau',
					due: -2,
					status: 'open'
				},
				{
					key: 'course',
					title: 'Termin für den gemeinsamen Hochvolt-Kurs festlegen',
					owner: 'bildungswerk',
					due: -20,
					status: 'done',
					closedDay: -24
				},
				{
					key: 'flyer',
					title: 'Gemeinsamen Flyer für Schulen drucken lassen',
					owner: 'kalkhuegel',
					due: -10,
					status: 'dropped',
					closedDay: -15
				}
			]
		},
		nextMeeting: {
			eventKey: circleSessionKey('fachkraefte-qualifizierung', 62),
			agenda: [
				{
					title: 'Begrüßung und offene Aufgaben',
					presenter: 'groenegau',
					minutes: 15,
					notes: ''
				},
				{
					title: 'Konzept gemeinsamer Messestand',
					presenter: 'orgadmin@demo.example',
					minutes: 40,
					notes: 'Entwurf folgt.'
				},
				{
					title: 'Fachkräfte aus dem Ausland: Erfahrungen mit der Anerkennung',
					presenter: 'westerberg',
					minutes: 30,
					notes: ''
				}
			]
		},
		folders: ['Präsentationen', 'Ausbildung'],
		documents: [
			{
				key: 'hv-courses',
				folder: 'Ausbildung',
				versions: [
					{
						fileName: 'Hochvolt-Kurse Bildungswerk.pdf',
						kind: 'pdf',
						lines: ['Hochvolt-Qualifizierung Stufen 1S bis 3S', 'Kursangebot fuer Auszubildende'],
						uploader: 'bildungswerk',
						day: -36
					},
					{
						fileName: 'Hochvolt-Kurse Bildungswerk.pdf',
						kind: 'pdf',
						lines: ['Hochvolt-Qualifizierung Stufen 1S bis 3S', 'Kursangebot mit Herbsttermin'],
						uploader: 'bildungswerk',
						day: -23,
						note: 'Mit dem Termin des gemeinsamen Kurses im Herbst.'
					}
				]
			},
			{
				key: 'places-survey',
				folder: 'Ausbildung',
				versions: [
					{
						fileName: 'Abfrage Ausbildungsplaetze 2026.pdf',
						kind: 'pdf',
						lines: ['Abfrage freie Ausbildungsplaetze 2026', 'Bitte je Beruf eintragen'],
						uploader: 'groenegau',
						day: -14
					}
				]
			},
			{
				key: 'applications-chart',
				folder: 'Präsentationen',
				versions: [
					{
						fileName: 'Bewerbungen technische Berufe.png',
						kind: 'png',
						lines: [],
						uploader: 'bildungswerk',
						day: -34
					}
				]
			}
		],
		threads: [
			{
				key: 'fair',
				title: 'Ausbildungsmesse: Wer ist dabei?',
				pinnedBy: 'groenegau',
				posts: [
					{
						author: 'orgadmin@demo.example',
						day: -28,
						body: 'Für den gemeinsamen Stand brauche ich bis Monatsende eine Rückmeldung: **Wer stellt Auszubildende für den Stand ab?**'
					},
					{
						author: 'kalkhuegel',
						day: -27,
						body: 'Wir sind mit zwei Auszubildenden dabei, an beiden Tagen.'
					},
					{
						author: 'duetetal',
						day: -25,
						body: 'Wir können einen Tag abdecken und bringen ein Umformteil zum Anfassen mit.',
						before: 'Wir können einen Tag abdecken.',
						editedDay: -24
					},
					{
						author: 'westerberg',
						day: -20,
						body: '{@orgadmin@demo.example} Wir sind auch dabei und können die Rückwand gestalten lassen – unsere Grafikerin hat Zeit.'
					}
				]
			},
			{
				key: 'recognition',
				title: 'Anerkennung ausländischer Berufsabschlüsse',
				posts: [
					{
						author: 'westerberg',
						day: -15,
						body: 'Wir haben zwei Fachkräfte aus Indien eingestellt. Das Anerkennungsverfahren dauerte sieben Monate. Wie sind Ihre Erfahrungen?'
					},
					{
						author: 'welbergen',
						day: -13,
						body: 'Bei uns ähnlich lang. Die IHK-Beratung war hilfreich, der Engpass lag bei den Übersetzungen.'
					},
					{
						author: 'bildungswerk',
						day: -12,
						body: 'Wir bieten Anpassungsqualifizierungen an, wenn die Anerkennung nur teilweise erfolgt. Das können wir in der nächsten Sitzung vorstellen.'
					}
				]
			}
		]
	}
];
