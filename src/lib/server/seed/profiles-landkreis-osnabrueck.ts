import type { DemoProfile } from './demo-profile-types.ts';

/** Profiles of the fictional members in the district of Osnabrück. */
export const profilesLandkreisOsnabrueck: Record<string, DemoProfile> = {
	'Hasewinkel Nutzfahrzeugaufbauten GmbH': {
		competencies: [
			'technologies.body',
			'technologies.lightweight',
			'processes.forming.sheet-metal',
			'processes.joining',
			'drivetrains.battery-electric'
		],
		keywords: ['Kofferaufbauten', 'Kühlkoffer', 'Verteilerverkehr', 'Anhänger'],
		valueChain: 'oem',
		drivetrains: ['bev', 'hydrogen', 'combustion'],
		products: ['Kofferaufbauten', 'Kühlaufbauten', 'Anhänger', 'Wechselbrücken'],
		certifications: ['ISO 9001', 'ISO 14001', 'ISO 50001', 'EN 1090'],
		de: 'Hasewinkel baut Koffer- und Kühlaufbauten, Wechselbrücken und Anhänger für Nutzfahrzeuge. Für elektrische Verteilerfahrzeuge entwickelt das Werk besonders leichte Aufbauten, damit die Nutzlast trotz schwerer Antriebe erhalten bleibt.',
		en: 'Hasewinkel builds box and refrigerated bodies, swap bodies and trailers for commercial vehicles. For electric distribution trucks the plant develops especially light bodies so that payload is kept despite heavy drivetrains.',
		at: [52.673, 7.963],
		visibility: { contact: 'members' }
	},
	'Else-Werk Gusstechnik GmbH': {
		competencies: [
			'processes.casting',
			'materials.aluminium',
			'processes.machining',
			'technologies.battery.systems',
			'drivetrains.battery-electric'
		],
		keywords: ['Batterie', 'Strukturguss', 'Großguss', 'Gehäuse'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Motorgehäuse', 'Getriebegehäuse', 'E-Maschinen-Gehäuse', 'Batteriewannen'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 50001'],
		de: 'Das Else-Werk gießt Gehäuse für Motoren, Getriebe und E-Maschinen im Aluminium-Druckguss und bearbeitet sie mechanisch fertig. Großformatige Strukturgussteile und Wannen für Batterien ersetzen zunehmend geschweißte Baugruppen.',
		en: 'Else-Werk die-casts housings for engines, gearboxes and electric machines in aluminium and machines them ready for assembly. Large structural castings and trays for batteries increasingly replace welded assemblies.',
		at: [52.198, 8.352],
		visibility: { contact: 'members' }
	},
	'Grönegau Fahrwerkkomponenten GmbH & Co. KG': {
		competencies: [
			'technologies.chassis',
			'processes.forming',
			'processes.joining',
			'materials.steel',
			'materials.aluminium'
		],
		keywords: ['Querlenker', 'Achsträger', 'Stabilisatoren', 'Fahrwerk'],
		valueChain: 'tier1',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Querlenker', 'Achsträger', 'Stabilisatoren'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 45001'],
		de: 'Grönegau fertigt Querlenker, Achsträger und Stabilisatoren aus Stahl und Aluminium für Pkw und leichte Nutzfahrzeuge. Umformen, Schweißen und Beschichten laufen in verketteten Linien im Werk Melle.',
		en: 'Grönegau makes control arms, subframes and anti-roll bars in steel and aluminium for cars and light commercial vehicles. Forming, welding and coating run on linked lines at the Melle plant.',
		at: [52.207, 8.318],
		visibility: { contact: 'members' }
	},
	'Kloster Oesede Antriebswellen GmbH': {
		competencies: [
			'drivetrains.battery-electric',
			'drivetrains.hybrid',
			'drivetrains.combustion',
			'processes.machining',
			'materials.steel'
		],
		keywords: ['Gelenkwellen', 'Gleichlaufgelenke', 'NVH'],
		valueChain: 'tier1',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Seitenwellen', 'Längswellen', 'Gleichlaufgelenke'],
		certifications: ['IATF 16949', 'ISO 14001'],
		de: 'Kloster Oesede produziert Gelenk- und Antriebswellen für Verbrenner, Hybride und Elektrofahrzeuge. Für E-Antriebe mit hohen Drehmomenten entstehen leichtere Wellen mit besserem Geräuschverhalten.',
		en: 'Kloster Oesede produces drive and propeller shafts for combustion, hybrid and electric vehicles. For high-torque electric drives it develops lighter shafts with better noise behaviour.',
		at: [52.196, 8.064]
	},
	'Dütetal Umformtechnik GmbH': {
		competencies: ['processes.forming', 'processes.forming.cold-forming', 'materials.steel'],
		keywords: ['Kaltfließpressen', 'Verbindungselemente', 'Sicherheitsbauteile'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Verbindungselemente', 'Sicherheitsbauteile', 'Hülsen'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 50001'],
		de: 'Dütetal stellt durch Kalt- und Massivumformung Verbindungselemente und Sicherheitsbauteile her. Das Kaltfließpressen spart gegenüber Zerspanung Material und Energie.',
		en: 'Dütetal makes fasteners and safety-relevant parts by cold and bulk forming. Cold extrusion saves material and energy compared with machining.',
		at: [52.204, 8.03]
	},
	'Hunte Batteriesysteme GmbH': {
		competencies: [
			'technologies.battery',
			'technologies.battery.systems',
			'technologies.thermal-management',
			'processes.assembly',
			'drivetrains.battery-electric'
		],
		keywords: ['Batterie', 'Batterien', 'Baumaschinen', 'Landtechnik', 'Hochvolt'],
		valueChain: 'tier1',
		drivetrains: ['bev'],
		products: ['Batteriemodule', 'Batteriepacks', 'Batteriemanagementsysteme'],
		certifications: ['IATF 16949', 'ISO 9001', 'ISO 14001'],
		de: 'Hunte montiert Batteriemodule und komplette Packs für Baumaschinen, Landtechnik und Sonderfahrzeuge. Die Batterien werden mit eigenem Batteriemanagement und Kühlung auf die jeweilige Maschine zugeschnitten.',
		en: 'Hunte assembles battery modules and complete packs for construction machinery, agricultural machinery and special vehicles. The batteries are tailored to each machine with the company’s own battery management and cooling.',
		at: [52.362, 8.326]
	},
	'Varusland Technische Textilien GmbH': {
		competencies: [
			'materials.technical-textiles',
			'processes.textile-processing',
			'technologies.interior',
			'materials.plastics.recyclates'
		],
		keywords: ['Rezyklat', 'Akustikdämmung', 'Sitzbezüge'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Sitzbezugsstoffe', 'Dachhimmelstoffe', 'Akustikvliese'],
		certifications: ['IATF 16949', 'ISO 14001', 'OEKO-TEX Standard 100'],
		de: 'Varusland webt und kaschiert technische Textilien für Sitzbezüge, Dachhimmel und Akustikdämmung. Ein wachsender Teil der Garne stammt aus recycelten Kunststoffflaschen.',
		en: 'Varusland weaves and laminates technical textiles for seat covers, headliners and acoustic insulation. A growing share of its yarns comes from recycled plastic bottles.',
		at: [52.405, 7.982]
	},
	'Noller Kabelsysteme GmbH': {
		competencies: [
			'technologies.electronics.wiring',
			'technologies.power-electronics.charging',
			'technologies.sensors'
		],
		keywords: ['Ladekabel', 'Konfektionierung', 'Umspritzen'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid'],
		products: ['Ladekabel', 'Steckverbinder', 'Sensorleitungen'],
		certifications: ['IATF 16949', 'ISO 14001'],
		de: 'Noller konfektioniert Kabel, Steckverbinder und Sensorleitungen für Fahrzeuge und Ladetechnik. Umspritzte Leitungen sind dicht und robust genug für den Einsatz am Fahrwerk.',
		en: 'Noller assembles cables, connectors and sensor leads for vehicles and charging equipment. Overmoulded leads are sealed and robust enough for use on the chassis.',
		at: [52.118, 8.196]
	},
	'Teutoburger Leichtbau KG': {
		competencies: [
			'technologies.lightweight',
			'materials.fibre-composites',
			'technologies.battery.systems',
			'processes.joining'
		],
		keywords: ['Batterie', 'CFK', 'GFK', 'SMC'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hydrogen'],
		products: ['Batteriegehäuse', 'Strukturbauteile aus CFK', 'Hybridbauteile'],
		certifications: ['IATF 16949', 'ISO 9001'],
		de: 'Teutoburger Leichtbau fertigt Faserverbund- und Hybridbauteile für Leichtbau-Strukturen. Gehäuse für Batterien aus glasfaserverstärktem Kunststoff sind leichter als Metall und schützen im Brandfall länger.',
		en: 'Teutoburger Leichtbau makes fibre-composite and hybrid parts for lightweight structures. Housings for batteries made of glass-fibre reinforced plastic are lighter than metal and protect longer in case of fire.',
		at: [52.163, 8.04]
	},
	'Wittlager Kanallogistik GmbH': {
		competencies: ['services.logistics', 'services.logistics.contract-logistics'],
		keywords: ['Binnenschiff', 'Mittellandkanal', 'trimodal', 'Ladungsträger'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Trimodale Transporte', 'Ladungsträgermanagement', 'Umschlag'],
		certifications: ['ISO 9001', 'ISO 14001', 'ISO 50001'],
		de: 'Wittlager verbindet Straße, Schiene und Mittellandkanal zu trimodalen Transportketten für Teile und Ladungsträger. Das Binnenschiff entlastet die Autobahnen und senkt die CO₂-Bilanz der Lieferketten.',
		en: 'Wittlager combines road, rail and the Mittelland Canal into trimodal transport chains for parts and load carriers. Inland shipping relieves the motorways and lowers the carbon footprint of supply chains.',
		at: [52.318, 8.33]
	},
	'Ruller Sensorik GmbH': {
		competencies: ['technologies.sensors', 'technologies.thermal-management', 'technologies.electronics'],
		keywords: ['Reifendruckkontrolle', 'Drucksensoren', 'Temperatursensoren'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion', 'hydrogen'],
		products: ['Positionssensoren', 'Drucksensoren', 'Temperatursensoren', 'Reifendrucksensoren'],
		certifications: ['IATF 16949', 'ISO 14001'],
		de: 'Ruller entwickelt Positions-, Druck- und Temperatursensoren für Antriebsstrang und Thermomanagement. Dazu kommen Sensoren zur Reifendruckkontrolle für Nutzfahrzeuge.',
		en: 'Ruller develops position, pressure and temperature sensors for powertrain and thermal management, plus tyre-pressure monitoring sensors for commercial vehicles.',
		at: [52.352, 8.015]
	},
	'Hüggel Stanztechnik GmbH': {
		competencies: [
			'processes.forming',
			'processes.forming.stamping',
			'technologies.battery.systems',
			'materials.aluminium'
		],
		keywords: ['Batterie', 'Stromschienen', 'Zellkontaktierung', 'Kupfer'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid'],
		products: ['Stromschienen', 'Zellverbinder', 'Stanzbiegeteile'],
		certifications: ['IATF 16949', 'ISO 14001'],
		de: 'Hüggel stanzt und biegt Präzisionsteile aus Kupfer und Aluminium. Stromschienen und Zellverbinder für Batterien werden beschichtet, isoliert und einbaufertig geliefert.',
		en: 'Hüggel stamps and bends precision parts from copper and aluminium. Busbars and cell connectors for batteries are coated, insulated and delivered ready to install.',
		at: [52.232, 7.958]
	},
	'Vehrte Elektroantriebe GmbH': {
		competencies: ['technologies.electric-machines', 'processes.assembly', 'drivetrains.battery-electric'],
		keywords: ['Pumpenmotoren', 'Lüftermotoren', 'Getriebemotoren'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'hydrogen'],
		products: ['Pumpenmotoren', 'Lüftermotoren', 'Getriebemotoren'],
		certifications: ['IATF 16949', 'ISO 9001'],
		de: 'Vehrte baut Elektromotoren und Getriebemotoren für Nebenaggregate wie Pumpen und Lüfter. Nutzfahrzeughersteller beziehen robuste Varianten für Nebenabtriebe.',
		en: 'Vehrte builds electric motors and geared motors for auxiliaries such as pumps and fans. Commercial-vehicle makers buy robust variants for power take-offs.',
		at: [52.325, 8.16]
	},
	'Wiehenblick Engineering GmbH': {
		competencies: [
			'services.engineering',
			'services.testing',
			'technologies.electronics',
			'technologies.software.embedded'
		],
		keywords: ['Hardware-in-the-Loop', 'HiL', 'Steuergeräte', 'Prototypen'],
		valueChain: 'engineering',
		drivetrains: ['bev', 'hybrid'],
		products: ['Steuergeräte-Entwicklung', 'HiL-Prüfstände', 'Prototypenbau'],
		certifications: ['ISO 9001', 'TISAX'],
		de: 'Wiehenblick entwickelt Elektronik für Fahrzeugsteuergeräte vom Schaltplan bis zum Prototyp. Auf Hardware-in-the-Loop-Prüfständen wird die Software getestet, bevor das erste Fahrzeug fährt.',
		en: 'Wiehenblick develops electronics for vehicle control units from schematic to prototype. Software is tested on hardware-in-the-loop benches before the first vehicle drives.',
		at: [52.215, 8.3],
		visibility: { description: 'members' }
	},
	'Glane Ladeinfrastruktur GmbH': {
		competencies: [
			'services.charging-infrastructure',
			'technologies.power-electronics.charging',
			'drivetrains.battery-electric'
		],
		keywords: ['Depotladen', 'Betriebshof', 'Lastmanagement', 'Schnellladen'],
		valueChain: 'other',
		drivetrains: ['bev'],
		products: ['Ladeparks', 'Schnellladesäulen', 'Lastmanagement'],
		certifications: ['ISO 9001', 'ISO 50001'],
		de: 'Glane plant, baut und betreibt Ladeinfrastruktur für Betriebshöfe und Fahrzeugflotten. Ein Lastmanagement verteilt die verfügbare Netzleistung so, dass alle Fahrzeuge morgens geladen sind.',
		en: 'Glane plans, builds and operates charging infrastructure for depots and vehicle fleets. Load management shares the available grid power so that every vehicle is charged in the morning.',
		at: [52.087, 7.995]
	},
	'Achelriede Automationstechnik GmbH': {
		competencies: ['technologies.automation', 'processes.assembly', 'services.engineering'],
		keywords: ['Robotik', 'Vorrichtungsbau', 'Montageautomaten'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Roboterzellen', 'Montageautomaten', 'Vorrichtungen'],
		certifications: ['ISO 9001'],
		de: 'Achelriede plant und baut Roboterzellen, Montageautomaten und Vorrichtungen für die Serienfertigung. Von der Konzeptstudie bis zur Inbetriebnahme beim Kunden kommt alles aus einer Hand.',
		en: 'Achelriede designs and builds robot cells, automatic assembly machines and fixtures for series production. Everything from the concept study to commissioning at the customer comes from one source.',
		at: [52.232, 8.17]
	},
	'Alfsee Kunststoffrecycling GmbH': {
		competencies: ['services.circular-economy', 'materials.plastics', 'materials.plastics.recyclates'],
		keywords: ['Rezyklat', 'Altreifen', 'Altfahrzeugverwertung', 'Post-Consumer'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Kunststoffrezyklate', 'Gummigranulat'],
		certifications: ['ISO 9001', 'ISO 14001', 'Entsorgungsfachbetrieb'],
		de: 'Alfsee bereitet Kunststoffe aus Altfahrzeugen zu sortenreinem Rezyklat für neue Fahrzeugbauteile auf. Aus Altreifen entsteht Gummigranulat für Dämpfungselemente und Bodenbeläge.',
		en: 'Alfsee processes plastics from end-of-life vehicles into single-grade recyclate for new vehicle parts. Scrap tyres become rubber granulate for damping elements and floor coverings.',
		at: [52.555, 7.945]
	},
	'Hollenstede Leiterplattentechnik GmbH': {
		competencies: ['technologies.electronics.pcb', 'processes.electronics-manufacturing'],
		keywords: ['SMD', 'THT', 'Kleinserie'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Leiterplatten', 'Bestückte Baugruppen'],
		certifications: ['IATF 16949', 'ISO 9001'],
		de: 'Hollenstede fertigt Leiterplatten und bestückt Baugruppen für Fahrzeugelektronik in Klein- und Mittelserien. Muster liefert das Werk in wenigen Tagen.',
		en: 'Hollenstede makes printed circuit boards and populates assemblies for vehicle electronics in small and medium series. The plant delivers samples within a few days.',
		at: [52.515, 7.678]
	},
	'Charlottensee Oberflächentechnik GmbH': {
		competencies: ['processes.surface', 'processes.surface.electroplating', 'materials.aluminium'],
		keywords: ['Eloxieren', 'Zink-Nickel', 'Technische Sauberkeit'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Eloxal', 'Zink-Nickel-Beschichtung', 'Bauteilreinigung'],
		certifications: ['IATF 16949', 'ISO 14001'],
		de: 'Charlottensee veredelt Aluminium- und Stahlkomponenten durch Galvanik und Eloxal. Reinigungsanlagen sorgen für die technische Sauberkeit, die Hydraulik- und Elektronikbauteile verlangen.',
		en: 'Charlottensee finishes aluminium and steel components by electroplating and anodising. Cleaning lines provide the technical cleanliness that hydraulic and electronic parts require.',
		at: [52.153, 8.052]
	},
	'Werkstoffinstitut Dütetal e.V.': {
		competencies: ['services.research', 'services.testing', 'materials.steel', 'materials.aluminium'],
		keywords: ['grüner Stahl', 'Schadensanalyse', 'Leichtmetalle'],
		valueChain: 'research',
		drivetrains: ['bev', 'hydrogen'],
		products: ['Schadensanalysen', 'Werkstoffentwicklung', 'Gutachten'],
		certifications: ['ISO/IEC 17025'],
		de: 'Das Werkstoffinstitut forscht zu Stahl- und Leichtmetallwerkstoffen und zu ihrer CO₂-armen Herstellung. Für Mitglieder klärt es Schadensfälle auf und berät bei der Werkstoffauswahl.',
		en: 'The materials institute researches steel and light-metal materials and their low-carbon production. For members it investigates failures and advises on material selection.',
		at: [52.2, 8.05]
	},
	'Gellenbeck Formenbau GmbH': {
		competencies: ['processes.tooling', 'processes.injection-moulding', 'processes.casting'],
		keywords: ['Heißkanaltechnik', 'Formenwartung', 'Formkonstruktion'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'combustion'],
		products: ['Spritzgießformen', 'Druckgießformen'],
		certifications: ['ISO 9001'],
		de: 'Gellenbeck konstruiert und baut Spritzgieß- und Druckgießformen und hält sie über ihre ganze Laufzeit instand. Kurze Wege zu den Gießereien und Spritzgießern der Region sind der Vorteil.',
		en: 'Gellenbeck designs and builds injection and die-casting moulds and maintains them over their whole life. Short distances to the region’s foundries and moulders are its advantage.',
		at: [52.186, 7.996],
		visibility: { competencies: 'members' }
	},
	'Borgloh Feinmechanik GmbH': {
		competencies: ['processes.machining.milling', 'processes.machining.turning', 'processes.additive'],
		keywords: ['Prototypen', 'Ersatzteile', '3D-Druck'],
		valueChain: 'tier2',
		drivetrains: ['combustion', 'bev'],
		products: ['Feinmechanische Baugruppen', 'Prototypen', 'Ersatzteile'],
		certifications: ['ISO 9001'],
		de: 'Borgloh fertigt feinmechanische Baugruppen, Prototypen und Ersatzteile in kleinen Stückzahlen. Wo sich kein Werkzeug lohnt, ergänzt Metall-3D-Druck das Fräsen und Drehen.',
		en: 'Borgloh makes precision-mechanical assemblies, prototypes and spare parts in small quantities. Where a tool does not pay off, metal 3D printing complements milling and turning.',
		at: [52.14, 8.145],
		visibility: { facts: 'members', address: 'members' }
	},
	'Wiehen H2 Systemtechnik GmbH': {
		competencies: [
			'technologies.hydrogen.storage',
			'technologies.hydrogen.fuel-cells',
			'services.testing.test-benches',
			'services.consulting',
			'drivetrains.fuel-cell'
		],
		keywords: ['Wasserstoff', 'H2', 'Tanksysteme', 'Brennstoffzelle'],
		valueChain: 'tier2',
		drivetrains: ['hydrogen'],
		products: ['H2-Tanksysteme', 'Brennstoffzellen-Prüfstände', 'H2-Beratung'],
		certifications: ['ISO 9001'],
		de: 'Wiehen H2 integriert Wasserstoff-Tanksysteme in Nutz- und Sonderfahrzeuge und baut Prüfstände für Brennstoffzellen. Unternehmen, die erste H₂-Fahrzeuge einsetzen wollen, berät das Team von der Idee bis zur Zulassung.',
		en: 'Wiehen H2 integrates hydrogen tank systems into commercial and special vehicles and builds fuel-cell test benches. The team advises companies that want to run their first H₂ vehicles, from the idea to registration.',
		at: [52.352, 8.228]
	}
};
