import type { EventAudience, EventLocationKind } from '../../events/vocabulary.ts';

/**
 * The demo network's events, relative to the day the seed runs (day 0, Europe/Berlin), so the demo
 * always has a recent past and a near future. Who registers is decided in demo-events.ts.
 */
export type DemoEventPlan = {
	key: string;
	format: string;
	titleDe: string;
	titleEn: string;
	descriptionDe: string;
	descriptionEn: string;
	day: number;
	time: string;
	minutes: number;
	location: {
		kind: EventLocationKind;
		venue?: string;
		street?: string;
		postalCode?: string;
		city?: string;
		/** Only places inside the region's map get coordinates. */
		latitude?: number;
		longitude?: number;
	};
	onlineUrl?: string;
	audience: EventAudience;
	circle?: string;
	organiser: 'office' | 'circle' | 'host';
	host?: string;
	capacity?: number;
	series?: boolean;
	questions?: 'catering' | 'conference' | 'visit';
	/** How many network contacts and outside guests register (demo accounts come on top). */
	contacts: number;
	guests?: number;
	accounts: string[];
	/** Accounts that come after the seats are gone (onto the waitlist of a full event). */
	lateAccounts?: string[];
};

const stammtischDe =
	'Der monatliche Stammtisch: ohne Programm, ohne Folien – Austausch unter Kolleginnen und Kollegen aus den Mitgliedsunternehmen. Jede und jeder zahlt selbst.';
const stammtischEn =
	'The monthly regulars’ table: no programme, no slides – informal exchange among colleagues from the member companies. Everyone pays for themselves.';
const stammtischPlace = {
	kind: 'onsite' as const,
	venue: 'Brauhaus am Markt',
	street: 'Markt 14',
	postalCode: '49074',
	city: 'Osnabrück',
	latitude: 52.2772,
	longitude: 8.0433
};
const forum = {
	kind: 'onsite' as const,
	venue: 'Forum am Dom',
	street: 'Domhof 1',
	postalCode: '49074',
	city: 'Osnabrück',
	latitude: 52.2779,
	longitude: 8.0443
};
const circleSession = (slug: string, day: number, titleDe: string, titleEn: string, accounts: string[]) =>
	({
		key: `circle-${slug}-${day}`,
		format: 'circle-session',
		titleDe,
		titleEn,
		descriptionDe:
			'Sitzung des Expertenkreises: Berichte aus den Unternehmen, ein Impulsvortrag und die Planung der nächsten Schritte. Nur für Mitglieder des Kreises.',
		descriptionEn:
			'Meeting of the expert circle: reports from the companies, a short talk and planning of the next steps. For circle members only.',
		day,
		time: '14:00',
		minutes: 180,
		location: {
			kind: 'hybrid',
			venue: 'Innovationszentrum Osnabrück',
			street: 'Albert-Einstein-Straße 1',
			postalCode: '49076',
			city: 'Osnabrück',
			latitude: 52.2846,
			longitude: 8.0235
		},
		onlineUrl: `https://meet.demo.example/kreis-${slug}`,
		audience: 'circle',
		circle: slug,
		organiser: 'circle',
		contacts: 8,
		accounts
	}) satisfies DemoEventPlan;

export const demoEventPlans: DemoEventPlan[] = [
	// The past six months.
	{
		key: 'network-meeting-spring',
		format: 'network-meeting',
		titleDe: 'AutOS-Netzwerktreffen: Lieferketten im Wandel',
		titleEn: 'AutOS network meeting: supply chains in transition',
		descriptionDe:
			'Wie verändern sich Lieferketten, wenn Verbrenner-Komponenten auslaufen? Drei Mitgliedsunternehmen berichten, danach Austausch am Buffet.',
		descriptionEn:
			'How do supply chains change as combustion-engine parts are phased out? Three member companies report, followed by exchange over a buffet.',
		day: -150,
		time: '17:00',
		minutes: 240,
		location: forum,
		audience: 'public',
		organiser: 'office',
		capacity: 80,
		questions: 'catering',
		contacts: 58,
		guests: 4,
		accounts: ['board@demo.example', 'orgadmin@demo.example', 'member@demo.example', 'partner@demo.example']
	},
	{
		key: 'company-visit-welbergen',
		format: 'company-visit',
		titleDe: 'Werksbesichtigung: Elektronikfertigung in Ochtrup',
		titleEn: 'Company visit: electronics manufacturing in Ochtrup',
		descriptionDe:
			'Welbergen Elektronikfertigung zeigt seine neue SMT-Linie und die automatisierte optische Prüfung. Festes Schuhwerk erforderlich.',
		descriptionEn:
			'Welbergen Elektronikfertigung shows its new SMT line and automated optical inspection. Sturdy shoes required.',
		day: -95,
		time: '10:00',
		minutes: 150,
		location: {
			kind: 'onsite',
			venue: 'Welbergen Elektronikfertigung GmbH',
			street: 'Zum Vechtetal 3',
			postalCode: '48607',
			city: 'Ochtrup',
			latitude: 52.208,
			longitude: 7.189
		},
		audience: 'members',
		organiser: 'host',
		host: 'Welbergen Elektronikfertigung GmbH',
		capacity: 20,
		questions: 'visit',
		contacts: 18,
		accounts: ['lead@demo.example', 'member@demo.example']
	},
	circleSession(
		'antriebstransformation',
		-60,
		'Kreis Antriebstransformation: Thermomanagement von Batteriesystemen',
		'Drivetrain circle: thermal management of battery systems',
		['lead@demo.example', 'member@demo.example']
	),
	{
		key: 'webinar-cbam',
		format: 'webinar',
		titleDe: 'Webinar: CO₂-Bilanz für Zulieferer – was Kunden jetzt verlangen',
		titleEn: 'Webinar: carbon accounting for suppliers – what customers now demand',
		descriptionDe:
			'Eine Stunde kompakt: Anforderungen der Hersteller, Werkzeuge und erste Schritte. Mit Fragerunde.',
		descriptionEn: 'One compact hour: what manufacturers require, tools and first steps. With Q&A.',
		day: -40,
		time: '11:00',
		minutes: 60,
		location: { kind: 'online' },
		onlineUrl: 'https://meet.demo.example/webinar-co2-bilanz',
		audience: 'members',
		organiser: 'office',
		contacts: 24,
		accounts: ['orgadmin@demo.example']
	},
	{
		key: 'stammtisch-1',
		format: 'network-meeting',
		titleDe: 'AutOS-Stammtisch',
		titleEn: 'AutOS regulars’ table',
		descriptionDe: stammtischDe,
		descriptionEn: stammtischEn,
		day: -24,
		time: '18:30',
		minutes: 150,
		location: stammtischPlace,
		audience: 'members',
		organiser: 'office',
		series: true,
		contacts: 14,
		accounts: ['member@demo.example', 'board@demo.example']
	},
	// The next three months.
	{
		key: 'stammtisch-2',
		format: 'network-meeting',
		titleDe: 'AutOS-Stammtisch',
		titleEn: 'AutOS regulars’ table',
		descriptionDe: stammtischDe,
		descriptionEn: stammtischEn,
		day: 6,
		time: '18:30',
		minutes: 150,
		location: stammtischPlace,
		audience: 'members',
		organiser: 'office',
		series: true,
		contacts: 9,
		accounts: ['board@demo.example']
	},
	{
		key: 'webinar-high-voltage',
		format: 'webinar',
		titleDe: 'Webinar: Hochvolt-Qualifizierung in der Ausbildung',
		titleEn: 'Webinar: high-voltage qualification in apprenticeships',
		descriptionDe:
			'Welche Stufen, welche Anbieter, welche Förderung? Mit Erfahrungen aus zwei Ausbildungsbetrieben.',
		descriptionEn:
			'Which levels, which providers, which funding? With experience from two training companies.',
		day: 9,
		time: '10:00',
		minutes: 60,
		location: { kind: 'online' },
		onlineUrl: 'https://meet.demo.example/webinar-hochvolt',
		audience: 'members',
		organiser: 'office',
		contacts: 21,
		accounts: ['orgadmin@demo.example']
	},
	circleSession(
		'antriebstransformation',
		13,
		'Kreis Antriebstransformation: Leistungselektronik aus der Region',
		'Drivetrain circle: power electronics from the region',
		['lead@demo.example', 'member@demo.example']
	),
	{
		key: 'network-meeting-autumn',
		format: 'network-meeting',
		titleDe: 'AutOS-Netzwerktreffen: Künstliche Intelligenz in der Fertigung',
		titleEn: 'AutOS network meeting: artificial intelligence in manufacturing',
		descriptionDe:
			'Praxisberichte aus Mitgliedsunternehmen: Qualitätsprüfung mit Bildverarbeitung, vorausschauende Wartung, Assistenzsysteme. Anschließend Get-together. Gäste sind willkommen.',
		descriptionEn:
			'Practical reports from member companies: quality inspection with machine vision, predictive maintenance, assistance systems. Followed by a get-together. Guests are welcome.',
		day: 20,
		time: '17:00',
		minutes: 240,
		location: forum,
		audience: 'public',
		organiser: 'office',
		capacity: 80,
		questions: 'catering',
		contacts: 48,
		guests: 4,
		accounts: ['member@demo.example', 'orgadmin@demo.example', 'lead@demo.example', 'partner@demo.example']
	},
	{
		key: 'company-visit-piesberg',
		format: 'company-visit',
		titleDe: 'Werksbesichtigung: Prüffeld für Antriebselektronik',
		titleEn: 'Company visit: test field for drive electronics',
		descriptionDe:
			'Piesberg Antriebselektronik öffnet sein neues Prüffeld für Wechselrichter. Begrenzte Plätze; bei Absagen rückt die Warteliste nach.',
		descriptionEn:
			'Piesberg Antriebselektronik opens its new inverter test field. Limited seats; the waiting list moves up when someone cancels.',
		day: 27,
		time: '14:00',
		minutes: 150,
		location: {
			kind: 'onsite',
			venue: 'Piesberg Antriebselektronik GmbH',
			street: 'Am Gewerbepark Nord 3',
			postalCode: '49090',
			city: 'Osnabrück',
			latitude: 52.3049,
			longitude: 8.0201
		},
		audience: 'members',
		organiser: 'host',
		host: 'Piesberg Antriebselektronik GmbH',
		capacity: 20,
		questions: 'visit',
		contacts: 22,
		accounts: [],
		lateAccounts: ['member@demo.example']
	},
	{
		key: 'stammtisch-3',
		format: 'network-meeting',
		titleDe: 'AutOS-Stammtisch',
		titleEn: 'AutOS regulars’ table',
		descriptionDe: stammtischDe,
		descriptionEn: stammtischEn,
		day: 34,
		time: '18:30',
		minutes: 150,
		location: stammtischPlace,
		audience: 'members',
		organiser: 'office',
		series: true,
		contacts: 4,
		accounts: []
	},
	circleSession(
		'wasserstoff-kraftstoffe',
		41,
		'Kreis Wasserstoff: Tankstellen für schwere Nutzfahrzeuge',
		'Hydrogen circle: filling stations for heavy trucks',
		['board@demo.example']
	),
	circleSession(
		'produktion-digitalisierung',
		48,
		'Kreis Produktion 4.0: Datenräume in der Lieferkette',
		'Production 4.0 circle: data spaces in the supply chain',
		[]
	),
	circleSession(
		'fachkraefte-qualifizierung',
		62,
		'Kreis Fachkräfte: Ausbildungsmarketing gemeinsam',
		'Skilled workers circle: joint apprenticeship marketing',
		['orgadmin@demo.example']
	),
	{
		key: 'conference',
		format: 'conference',
		titleDe: 'Zuliefererkonferenz Osnabrück–Steinfurt',
		titleEn: 'Osnabrück–Steinfurt supplier conference',
		descriptionDe:
			'Zwei Tage mit Vorträgen von Herstellern, Zulieferern und Hochschulen, Workshops und einer Ausstellung der Mitglieder. Öffentlich, Anmeldung erforderlich.',
		descriptionEn:
			'Two days of talks by manufacturers, suppliers and universities, workshops and an exhibition of members. Public, registration required.',
		day: 75,
		time: '09:00',
		minutes: 32 * 60,
		location: {
			kind: 'onsite',
			venue: 'OsnabrückHalle',
			street: 'Schlosswall 1–9',
			postalCode: '49074',
			city: 'Osnabrück',
			latitude: 52.2716,
			longitude: 8.0441
		},
		audience: 'public',
		organiser: 'office',
		capacity: 250,
		questions: 'conference',
		contacts: 30,
		guests: 5,
		accounts: ['board@demo.example', 'partner@demo.example']
	},
	{
		key: 'trade-fair',
		format: 'trade-fair',
		titleDe: 'Gemeinschaftsstand auf der Zuliefermesse',
		titleEn: 'Joint stand at the supplier fair',
		descriptionDe:
			'Sechs Mitglieder präsentieren sich am AutOS-Gemeinschaftsstand. Besuchen Sie uns – wer mitausstellen möchte, meldet sich bei der Geschäftsstelle.',
		descriptionEn:
			'Six members present themselves at the AutOS joint stand. Visit us – members who would like to exhibit, please contact the office.',
		day: 85,
		time: '09:00',
		minutes: 8 * 60 + 24 * 60 * 2,
		location: {
			kind: 'onsite',
			venue: 'Messegelände, Halle 4, Stand B12',
			street: 'Messegelände',
			postalCode: '30521',
			city: 'Hannover'
		},
		audience: 'public',
		organiser: 'office',
		contacts: 6,
		accounts: []
	}
];
