import type { DemoProfile } from './demo-profile-types.ts';

/** Profiles of the fictional members in the district of Steinfurt. */
export const profilesKreisSteinfurt: Record<string, DemoProfile> = {
	'Emsauen Kunststoffwerk GmbH': {
		competencies: [
			'processes.injection-moulding',
			'processes.surface.coating',
			'materials.plastics',
			'technologies.body'
		],
		keywords: ['Radhausschalen', 'Unterboden', 'Außenteile'],
		valueChain: 'tier1',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Radhausschalen', 'Unterbodenverkleidungen', 'Stoßfängerteile'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 50001'],
		de: 'Emsauen spritzt Kunststoff-Außenteile, Radhausschalen und Unterbodenverkleidungen und lackiert sie auf Wunsch in Wagenfarbe. Strömungsgünstige Unterböden verlängern die Reichweite von Elektrofahrzeugen.',
		en: 'Emsauen moulds plastic exterior parts, wheel-arch liners and underbody panels and paints them in body colour on request. Aerodynamic underbodies extend the range of electric vehicles.',
		at: [52.276, 7.462]
	},
	'Bentlager Vliesstoffe GmbH & Co. KG': {
		competencies: [
			'processes.textile-processing',
			'materials.technical-textiles',
			'technologies.filtration',
			'technologies.battery.cells'
		],
		keywords: ['Batterie', 'Separatoren', 'Meltblown', 'Akustik'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion', 'hydrogen'],
		products: ['Filtermedien', 'Akustikvliese', 'Separatorvliese'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 50001'],
		de: 'Bentlager stellt Vliesstoffe für Filtration und Akustik her. Neu im Programm sind Separatorvliese für Batterien, die Zellhersteller gemeinsam mit dem Werk entwickeln.',
		en: 'Bentlager makes nonwovens for filtration and acoustics. New in its range are separator nonwovens for batteries, developed together with cell makers.',
		at: [52.3, 7.425]
	},
	'Reckenfeld Transportlogistik GmbH': {
		competencies: ['services.logistics', 'services.logistics.contract-logistics'],
		keywords: ['Luftfracht', 'E-Lkw', 'Ersatzteillogistik'],
		valueChain: 'other',
		drivetrains: ['bev'],
		products: ['Beschaffungslogistik', 'Ersatzteillogistik', 'Luftfrachtanbindung'],
		certifications: ['ISO 9001', 'ISO 14001'],
		de: 'Reckenfeld organisiert Beschaffungs- und Ersatzteillogistik mit direkter Anbindung an den Flughafen. Im regionalen Verkehr fahren die Lkw der Flotte zunehmend elektrisch.',
		en: 'Reckenfeld runs inbound and spare-parts logistics with a direct link to the airport. In regional haulage its trucks increasingly run on electricity.',
		at: [52.12, 7.66]
	},
	'Welbergen Elektronikfertigung GmbH': {
		competencies: ['processes.electronics-manufacturing', 'technologies.electronics.pcb', 'services.testing'],
		keywords: ['EMS', 'Verguss', 'AOI', 'Funktionsprüfung'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['SMD-Baugruppen', 'Vergossene Elektronikmodule'],
		certifications: ['IATF 16949', 'ISO 14001'],
		de: 'Welbergen bestückt, vergießt und prüft Elektronikbaugruppen für Fahrzeuge im Auftrag. Jede Baugruppe durchläuft optische Inspektion und Funktionsprüfung.',
		en: 'Welbergen populates, pots and tests vehicle electronics assemblies on contract. Every assembly passes optical inspection and functional testing.',
		at: [52.205, 7.195]
	},
	'Hembergen Filtertechnik GmbH': {
		competencies: [
			'technologies.filtration',
			'technologies.hydrogen.fuel-cells',
			'processes.textile-processing'
		],
		keywords: ['Innenraumfilter', 'Kathodenluft', 'Feinstaub'],
		valueChain: 'tier2',
		drivetrains: ['hydrogen', 'bev', 'combustion'],
		products: ['Innenraumfilter', 'Kathodenluftfilter', 'Luftfilter'],
		certifications: ['IATF 16949', 'ISO 9001'],
		de: 'Hembergen fertigt Innenraum- und Luftfilter aus Vliesstoffen der eigenen Produktion. Kathodenluftfilter schützen Brennstoffzellen vor Schadgasen und Partikeln.',
		en: 'Hembergen makes cabin and air filters from nonwovens of its own production. Cathode air filters protect fuel cells from harmful gases and particles.',
		at: [52.175, 7.528]
	},
	'Schafberg Energiesysteme GmbH': {
		competencies: ['technologies.hydrogen.electrolysis', 'drivetrains.efuels', 'services.engineering'],
		keywords: ['grüner Wasserstoff', 'Power-to-X', 'PEM'],
		valueChain: 'other',
		drivetrains: ['hydrogen', 'efuels'],
		products: ['Elektrolyseure', 'Power-to-X-Pilotanlagen'],
		certifications: ['ISO 9001', 'ISO 14001'],
		de: 'Schafberg baut Elektrolyseure und Pilotanlagen, die aus Ökostrom grünen Wasserstoff und synthetische Kraftstoffe herstellen. Auf dem früheren Zechengelände entsteht eine Demonstrationsanlage für E-Fuels.',
		en: 'Schafberg builds electrolysers and pilot plants that turn green electricity into hydrogen and synthetic fuels. A demonstration plant for e-fuels is being built on the former colliery site.',
		at: [52.282, 7.722]
	},
	'Settel Sondermaschinenbau GmbH': {
		competencies: [
			'technologies.automation',
			'processes.joining',
			'processes.assembly',
			'technologies.battery.systems'
		],
		keywords: ['Batterie', 'Batteriemodule', 'Kleben', 'Prüfanlagen'],
		valueChain: 'other',
		drivetrains: ['bev'],
		products: ['Fügeanlagen', 'Klebeanlagen', 'Prüfanlagen', 'Montagelinien für Batteriemodule'],
		certifications: ['ISO 9001'],
		de: 'Settel baut Sondermaschinen zum Fügen, Kleben und Prüfen. Für die Montage von Batterien liefert das Unternehmen komplette Linien, in denen Zellen gestapelt, verklebt und kontaktiert werden.',
		en: 'Settel builds special machines for joining, bonding and testing. For the assembly of batteries it supplies complete lines in which cells are stacked, bonded and contacted.',
		at: [52.17, 7.885]
	},
	'Bevergerner Blechbearbeitung GmbH': {
		competencies: ['processes.forming.sheet-metal', 'processes.joining', 'materials.steel'],
		keywords: ['Laserschneiden', 'Kantbearbeitung', 'Schweißbaugruppen'],
		valueChain: 'tier2',
		drivetrains: ['combustion', 'bev'],
		products: ['Blechbaugruppen', 'Laserzuschnitte', 'Schweißkonstruktionen'],
		certifications: ['ISO 9001', 'ISO 3834-2', 'EN 1090'],
		de: 'Bevergern schneidet, kantet und schweißt Blechbaugruppen für Nutzfahrzeuge und Aufbauten. Kleine Serien werden direkt am Kanal verladen.',
		en: 'Bevergern cuts, bends and welds sheet-metal assemblies for commercial vehicles and bodies. Small series are loaded directly at the canal.',
		at: [52.283, 7.59]
	},
	'Forschungsinstitut Wasserstoff und E-Fuels Münsterland e.V.': {
		competencies: [
			'services.research',
			'technologies.hydrogen.fuel-cells',
			'technologies.hydrogen.storage',
			'drivetrains.efuels',
			'drivetrains.hydrogen-combustion'
		],
		keywords: ['Wasserstoff', 'Brennstoffzelle', 'E-Fuels', 'Speicher'],
		valueChain: 'research',
		drivetrains: ['hydrogen', 'efuels'],
		products: ['Forschungsprojekte', 'Machbarkeitsstudien'],
		certifications: ['ISO 9001'],
		de: 'Das Forschungsinstitut untersucht Brennstoffzellen, die Speicherung von Wasserstoff und die Herstellung synthetischer Kraftstoffe. Mit Unternehmen der Region führt es Machbarkeitsstudien und geförderte Verbundprojekte durch.',
		en: 'The research institute studies fuel cells, hydrogen storage and the production of synthetic fuels. With companies in the region it carries out feasibility studies and funded joint projects.',
		at: [52.145, 7.345]
	},
	'Schlickelde Softwarehaus GmbH': {
		competencies: [
			'technologies.software.telematics',
			'technologies.software.data-analytics',
			'technologies.power-electronics.charging'
		],
		keywords: ['Telematik', 'Flottensoftware', 'Ladesteuerung'],
		valueChain: 'other',
		drivetrains: ['bev'],
		products: ['Flottenmanagement-Software', 'Ladesteuerung', 'Fahrdatenanalyse'],
		certifications: ['ISO 27001'],
		de: 'Schlickelde entwickelt Telematik- und Flottensoftware für Speditionen und Werksverkehre. Die Ladesteuerung plant, wann welches Elektrofahrzeug geladen wird.',
		en: 'Schlickelde develops telematics and fleet software for hauliers and company fleets. Its charging control plans when each electric vehicle is charged.',
		at: [52.318, 7.78],
		visibility: { description: 'members' }
	},
	'Bagno Sensortechnik GmbH': {
		competencies: ['technologies.sensors.optical', 'technologies.automation', 'services.testing'],
		keywords: ['Bildverarbeitung', 'Inline-Prüfung', 'Kameratechnik'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Kamerasysteme', 'Prüfsoftware'],
		certifications: ['ISO 9001'],
		de: 'Bagno entwickelt optische Sensorik und Bildverarbeitung für die Inline-Qualitätsprüfung. Kamerasysteme erkennen Fehler an Oberflächen und Schweißnähten im Takt der Linie.',
		en: 'Bagno develops optical sensing and image processing for inline quality inspection. Camera systems detect defects on surfaces and weld seams at line speed.',
		at: [52.155, 7.33]
	},
	'Moorland Prüfstandsbau GmbH': {
		competencies: [
			'services.testing.test-benches',
			'technologies.hydrogen',
			'technologies.electric-machines'
		],
		keywords: ['Prüfstände', 'Wasserstoff', 'Elektroantrieb'],
		valueChain: 'engineering',
		drivetrains: ['hydrogen', 'bev'],
		products: ['Komponentenprüfstände', 'Dichtheitsprüfung'],
		certifications: ['ISO 9001'],
		de: 'Moorland baut individuelle Prüfstände für Wasserstoff- und Elektroantriebskomponenten. Vom Ventil bis zum E-Motor entsteht jeder Prüfstand als Einzelstück.',
		en: 'Moorland builds custom test benches for hydrogen and electric drive components. From valves to electric motors, every bench is a one-off.',
		at: [52.37, 7.72],
		visibility: { facts: 'members' }
	},
	'Gründerwerk Mobilität Münsterland e.V.': {
		competencies: ['services.economic-development', 'services.consulting'],
		keywords: ['Start-ups', 'Gründung', 'Mobilität'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Gründungsberatung', 'Matchmaking'],
		certifications: [],
		de: 'Das Gründerwerk fördert Gründungen rund um Mobilität und bringt Start-ups mit etablierten Unternehmen zusammen. Einmal im Quartal stellen junge Teams ihre Ideen beim Pitch-Abend vor.',
		en: 'Gründerwerk supports start-ups in mobility and brings them together with established companies. Once a quarter young teams present their ideas at a pitch evening.',
		at: [52.092, 7.612]
	}
};
