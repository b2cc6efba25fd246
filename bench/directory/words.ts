/**
 * Word material for plausible synthetic organisations of the Osnabrück–Steinfurt region: towns
 * with districts and positions, field names, family names, and trades with their competencies,
 * products and description phrases (German first, English alongside).
 */
export const districts = ['Stadt Osnabrück', 'Landkreis Osnabrück', 'Kreis Steinfurt'] as const;

type Town = { name: string; district: (typeof districts)[number]; lat: number; lon: number };
const town = (name: string, district: Town['district'], lat: number, lon: number): Town => ({
	name,
	district,
	lat,
	lon
});

export const towns: Town[] = [
	town('Osnabrück', 'Stadt Osnabrück', 52.279, 8.047),
	town('Osnabrück-Hafen', 'Stadt Osnabrück', 52.295, 8.02),
	town('Osnabrück-Sutthausen', 'Stadt Osnabrück', 52.245, 8.05),
	town('Bramsche', 'Landkreis Osnabrück', 52.408, 7.972),
	town('Melle', 'Landkreis Osnabrück', 52.203, 8.338),
	town('Georgsmarienhütte', 'Landkreis Osnabrück', 52.203, 8.045),
	town('Quakenbrück', 'Landkreis Osnabrück', 52.676, 7.948),
	town('Bersenbrück', 'Landkreis Osnabrück', 52.553, 7.944),
	town('Wallenhorst', 'Landkreis Osnabrück', 52.35, 8.02),
	town('Belm', 'Landkreis Osnabrück', 52.3, 8.13),
	town('Bissendorf', 'Landkreis Osnabrück', 52.235, 8.165),
	town('Dissen', 'Landkreis Osnabrück', 52.115, 8.2),
	town('Bad Iburg', 'Landkreis Osnabrück', 52.158, 8.045),
	town('Hasbergen', 'Landkreis Osnabrück', 52.238, 7.96),
	town('Bohmte', 'Landkreis Osnabrück', 52.366, 8.318),
	town('Fürstenau', 'Landkreis Osnabrück', 52.518, 7.676),
	town('Rheine', 'Kreis Steinfurt', 52.28, 7.44),
	town('Ibbenbüren', 'Kreis Steinfurt', 52.277, 7.716),
	town('Emsdetten', 'Kreis Steinfurt', 52.173, 7.528),
	town('Greven', 'Kreis Steinfurt', 52.092, 7.61),
	town('Steinfurt', 'Kreis Steinfurt', 52.148, 7.337),
	town('Lengerich', 'Kreis Steinfurt', 52.175, 7.866),
	town('Mettingen', 'Kreis Steinfurt', 52.317, 7.779),
	town('Hörstel', 'Kreis Steinfurt', 52.297, 7.584),
	town('Ochtrup', 'Kreis Steinfurt', 52.207, 7.19),
	town('Tecklenburg', 'Kreis Steinfurt', 52.219, 7.813),
	town('Lotte', 'Kreis Steinfurt', 52.279, 7.917),
	town('Westerkappeln', 'Kreis Steinfurt', 52.315, 7.877)
];

/** Quarters, hills and rivers that companies like to be named after. */
export const placeNames = [
	'Piesberg',
	'Hasetal',
	'Schinkel',
	'Voxtrup',
	'Hellern',
	'Eversburg',
	'Gartlage',
	'Dodesheide',
	'Lüstringen',
	'Nahne',
	'Atter',
	'Wüste',
	'Hüggel',
	'Schafberg',
	'Dörenberg',
	'Teuto',
	'Wiehengebirge',
	'Kalkriese',
	'Düte',
	'Emsaue',
	'Vechtetal',
	'Ankum',
	'Hagen',
	'Recke',
	'Saerbeck',
	'Wettringen',
	'Neuenkirchen',
	'Ladbergen'
];

export const familyNames = [
	'Meyer',
	'Schulte',
	'Brinkmann',
	'Kemper',
	'Niemann',
	'Hülsmann',
	'Wessels',
	'Overbeck',
	'Rohlfing',
	'Lammers',
	'Heemann',
	'Tiemann',
	'Kötter',
	'Sandmann',
	'Börger',
	'Wiemann',
	'Hakenberg',
	'Hölscher',
	'Beckmann',
	'Terbeck',
	'Strothmann',
	'Uphoff',
	'Wellmann',
	'Brockhoff'
];

export type Trade = {
	/** The word in company names ("Antriebselektronik"). */
	word: string;
	competencies: string[];
	products: string[];
	/** Object phrases for descriptions, German and English. */
	de: string[];
	en: string[];
};

const trade = (word: string, competencies: string[], products: string[], de: string[], en: string[]) => ({
	word,
	competencies,
	products,
	de,
	en
});

export const trades: Trade[] = [
	trade(
		'Antriebselektronik',
		['technologies.power-electronics.inverters', 'technologies.software'],
		['Wechselrichter', 'Steuergeräte'],
		['Leistungselektronik für elektrische Antriebe', 'Steuergeräte für Nutzfahrzeuge'],
		['power electronics for electric drives', 'control units for commercial vehicles']
	),
	trade(
		'Batteriesysteme',
		['technologies.battery.systems', 'technologies.battery.cells'],
		['Batteriemodule', 'Batteriegehäuse'],
		['Batterien und Batteriemodule für Elektrofahrzeuge', 'Batteriegehäuse aus Aluminium'],
		['batteries and battery modules for electric vehicles', 'aluminium battery housings']
	),
	trade(
		'Kunststofftechnik',
		['processes.injection-moulding', 'materials.plastics.thermoplastics'],
		['Kunststoffteile', 'Spritzgussformen'],
		['Kunststoffspritzguss für Innenraumteile', 'technische Kunststoffteile in Großserie'],
		['plastic injection moulding for interior parts', 'technical plastic parts in large series']
	),
	trade(
		'Gummiwerk',
		['materials.plastics.elastomers', 'products.tyres.bicycle-tyres'],
		['Fahrradreifen', 'Dichtungen'],
		['Fahrradreifen und Schläuche', 'Dichtungen und Formteile aus Gummi'],
		['bicycle tyres and tubes', 'rubber seals and moulded parts']
	),
	trade(
		'Präzisionsteile',
		['processes.machining.turning', 'processes.machining.milling'],
		['Drehteile', 'Frästeile'],
		['Drehteile und Frästeile für Getriebe', 'Präzisionsteile für Einspritzsysteme'],
		['turned and milled parts for gearboxes', 'precision parts for injection systems']
	),
	trade(
		'Gießerei',
		['processes.casting', 'materials.metals.aluminium'],
		['Druckgussteile', 'Motorgehäuse'],
		['Aluminiumdruckguss für Motorgehäuse', 'Gussteile für Fahrwerke'],
		['aluminium die casting for motor housings', 'castings for chassis']
	),
	trade(
		'Umformtechnik',
		['processes.forming.stamping', 'processes.forming.sheet-metal', 'materials.metals.steel'],
		['Blechteile', 'Stanzteile'],
		['Stanzteile und Blechteile für Karosserien', 'Tiefziehteile aus Stahl'],
		['stamped and sheet-metal parts for car bodies', 'deep-drawn steel parts']
	),
	trade(
		'Sensortechnik',
		['technologies.sensors', 'technologies.software.functional-safety'],
		['Drucksensoren', 'Temperatursensoren'],
		['Sensoren für Fahrerassistenzsysteme', 'Drucksensoren für Bremssysteme'],
		['sensors for driver assistance systems', 'pressure sensors for brake systems']
	),
	trade(
		'Kabelkonfektion',
		['products.wiring', 'technologies.power-electronics'],
		['Kabelsätze', 'Hochvoltleitungen'],
		['Kabelsätze und Hochvoltleitungen', 'konfektionierte Leitungen für Ladesäulen'],
		['wiring harnesses and high-voltage cables', 'assembled cables for charging stations']
	),
	trade(
		'Wasserstofftechnik',
		['technologies.hydrogen.fuel-cells', 'technologies.hydrogen.storage'],
		['Wasserstofftanks', 'Brennstoffzellen'],
		['Brennstoffzellen für Busse und Lkw', 'Wasserstofftanks und Druckregler'],
		['fuel cells for buses and trucks', 'hydrogen tanks and pressure regulators']
	),
	trade(
		'Leichtbau',
		['technologies.lightweight', 'materials.fibre-composites'],
		['Faserverbundteile', 'Strukturbauteile'],
		['Leichtbauteile aus Faserverbund', 'Strukturbauteile aus Kohlefaser'],
		['lightweight fibre-composite parts', 'carbon-fibre structural parts']
	),
	trade(
		'Oberflächentechnik',
		['processes.surface.coating', 'processes.surface.electroplating'],
		['Pulverbeschichtung', 'Galvanik'],
		['Lackierungen und Pulverbeschichtungen', 'Galvanik und Korrosionsschutz'],
		['painting and powder coating', 'electroplating and corrosion protection']
	),
	trade(
		'Werkzeugbau',
		['processes.machining.milling', 'services.engineering.prototyping'],
		['Spritzgusswerkzeuge', 'Prototypen'],
		['Werkzeuge und Formen für den Kunststoffspritzguss', 'Prototypen und Kleinserien'],
		['tools and moulds for plastic injection moulding', 'prototypes and small series']
	),
	trade(
		'Fahrzeugbau',
		['products.bodywork', 'processes.joining', 'processes.assembly'],
		['Aufbauten', 'Anhänger'],
		['Aufbauten für Nutzfahrzeuge', 'Schweißbaugruppen und Rahmen'],
		['bodies for commercial vehicles', 'welded assemblies and frames']
	),
	trade(
		'Getriebebau',
		['products.gearboxes', 'technologies.chassis'],
		['Getriebe', 'Zahnräder'],
		['Getriebe für elektrische Achsen', 'Zahnräder und Wellen'],
		['gearboxes for electric axles', 'gears and shafts']
	),
	trade(
		'Sitzsysteme',
		['products.seating', 'materials.textiles'],
		['Sitzbezüge', 'Polster'],
		['Sitzbezüge und Polster für Fahrzeuge', 'Interieurteile aus technischen Textilien'],
		['seat covers and upholstery for vehicles', 'interior parts from technical textiles']
	),
	trade(
		'Ladetechnik',
		['technologies.power-electronics.charging', 'technologies.electric-machines'],
		['Ladesäulen', 'Wallboxen'],
		['Ladesäulen und Wallboxen', 'Ladeinfrastruktur für Fuhrparks'],
		['charging stations and wall boxes', 'charging infrastructure for fleets']
	),
	trade(
		'Engineering',
		['services.engineering.simulation', 'services.testing', 'technologies.thermal-management'],
		['Simulationen', 'Prüfstände'],
		['Simulation und Berechnung von Bauteilen', 'Prüfstände für Batterien und Motoren'],
		['simulation and analysis of components', 'test benches for batteries and motors']
	),
	trade(
		'Logistik',
		['services.logistics'],
		['Lagerlogistik', 'Just-in-sequence-Belieferung'],
		['Lagerlogistik für Automobilzulieferer', 'Just-in-sequence-Belieferung von Montagelinien'],
		['warehouse logistics for automotive suppliers', 'just-in-sequence supply of assembly lines']
	),
	trade(
		'Recycling',
		['technologies.battery.recycling', 'materials.recyclates'],
		['Rezyklate', 'Batterierecycling'],
		['Recycling von Batterien und Kunststoffen', 'Rezyklate für den Spritzguss'],
		['recycling of batteries and plastics', 'recyclates for injection moulding']
	),
	trade(
		'Telematik',
		['technologies.software.telematics', 'technologies.software'],
		['Telematikboxen', 'Flottensoftware'],
		['Telematiklösungen für Flotten', 'Software für Steuergeräte'],
		['telematics solutions for fleets', 'software for control units']
	),
	trade(
		'Fahrradteile',
		['products.tyres', 'processes.assembly', 'technologies.electric-machines'],
		['Fahrradreifen', 'E-Bike-Antriebe'],
		['Komponenten für Fahrräder und E-Bikes', 'Fahrradreifen und Felgen'],
		['components for bicycles and e-bikes', 'bicycle tyres and rims']
	)
];

export const customersDe = [
	'Automobilhersteller',
	'Zulieferer',
	'Hersteller von Nutzfahrzeugen',
	'Landmaschinenhersteller',
	'Fahrradhersteller',
	'Bahntechnik'
];
export const customersEn = [
	'car makers',
	'suppliers',
	'commercial vehicle makers',
	'agricultural machinery makers',
	'bicycle makers',
	'rail technology'
];

export const certificationList = [
	'IATF 16949',
	'ISO 9001',
	'ISO 14001',
	'ISO 50001',
	'ISO 45001',
	'VDA 6.3',
	'TISAX'
];
