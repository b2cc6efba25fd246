import type { DemoProfile } from './demo-profile-types.ts';

/** Profiles of the fictional members in the city of Osnabrück, placed in the quarter they are named after. */
export const profilesStadtOsnabrueck: Record<string, DemoProfile> = {
	'Westerberg Karosseriesysteme GmbH & Co. KG': {
		competencies: [
			'technologies.body',
			'processes.forming.sheet-metal',
			'processes.joining',
			'technologies.lightweight',
			'materials.aluminium',
			'materials.steel'
		],
		keywords: ['Rohbau', 'Dachsysteme', 'Kleinserie', 'Derivate'],
		valueChain: 'tier1',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Rohbau-Baugruppen', 'Cabrio-Dachsysteme', 'Kleinserienfahrzeuge'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 50001', 'TISAX'],
		de: 'Westerberg entwickelt und fertigt Rohbau-Baugruppen und Dachsysteme für mehrere Fahrzeughersteller. Für Derivate und Sondermodelle übernimmt das Werk die komplette Kleinserienfertigung bis zum lackierten Fahrzeug. Stahl und Aluminium werden im Mischbau gefügt.',
		en: 'Westerberg develops and builds body-in-white assemblies and roof systems for several vehicle manufacturers. For derivatives and special models the plant takes on complete small-series production up to the painted vehicle. Steel and aluminium are joined in mixed construction.',
		at: [52.279, 8.026],
		visibility: { contact: 'members' }
	},
	'Piesberg Antriebselektronik GmbH': {
		competencies: [
			'technologies.power-electronics.inverters',
			'technologies.power-electronics.charging',
			'technologies.electronics',
			'technologies.software.functional-safety',
			'drivetrains.battery-electric'
		],
		keywords: ['Siliziumkarbid', 'SiC', '800 Volt', 'Hochvolt'],
		valueChain: 'tier1',
		drivetrains: ['bev', 'hybrid', 'hydrogen'],
		products: ['Traktionswechselrichter', 'DC/DC-Wandler', 'Bordladegeräte'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 50001', 'TISAX'],
		de: 'Piesberg entwickelt und produziert Leistungselektronik für elektrische Antriebe: Traktionswechselrichter auf Siliziumkarbid-Basis, DC/DC-Wandler und Bordladegeräte für 400- und 800-Volt-Architekturen. Entwicklung, Musterbau und Serienfertigung liegen an einem Standort.',
		en: 'Piesberg develops and produces power electronics for electric drives: silicon-carbide traction inverters, DC/DC converters and on-board chargers for 400 and 800 volt architectures. Development, prototyping and series production share one site.',
		at: [52.316, 8.03]
	},
	'Kalkhügel Sitzsysteme GmbH & Co. KG': {
		competencies: [
			'technologies.interior',
			'processes.forming.stamping',
			'processes.joining',
			'materials.steel',
			'materials.aluminium'
		],
		keywords: ['Sitzstrukturen', 'Verstellmechanik', 'Laserschweißen'],
		valueChain: 'tier1',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Sitzstrukturen', 'Lehnenrahmen', 'Längsverstellungen'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 45001'],
		de: 'Kalkhügel fertigt Sitzstrukturen, Lehnenrahmen und Verstellmechaniken für Pkw und leichte Nutzfahrzeuge. Gestanzte Stahl- und Aluminiumteile werden im eigenen Werk lasergeschweißt und montiert.',
		en: 'Kalkhügel makes seat structures, backrest frames and adjustment mechanisms for cars and light commercial vehicles. Stamped steel and aluminium parts are laser-welded and assembled in its own plant.',
		at: [52.257, 8.04],
		visibility: { contact: 'members' }
	},
	'Eversburg Logistikdienste GmbH': {
		competencies: ['services.logistics', 'services.logistics.contract-logistics', 'processes.assembly'],
		keywords: ['Just-in-sequence', 'Gefahrgut', 'Hochvolt-Speicher', 'Behältermanagement'],
		valueChain: 'other',
		drivetrains: ['bev', 'combustion'],
		products: ['JIT- und JIS-Versorgung', 'Vormontage', 'Verpackungsplanung'],
		certifications: ['ISO 9001', 'ISO 14001', 'TISAX'],
		de: 'Eversburg versorgt Montagelinien in der Region just in time und just in sequence und übernimmt Lagerung, Vormontage und Verpackung. Am Kanalhafen betreibt das Unternehmen ein Gefahrgutlager, in dem auch Hochvolt-Speicher zwischengelagert werden.',
		en: 'Eversburg supplies assembly lines in the region just in time and just in sequence and takes care of storage, pre-assembly and packaging. At the canal port it runs a dangerous-goods warehouse that also stores high-voltage storage units.',
		at: [52.293, 8.01]
	},
	'Hasetal Präzisionsteile GmbH': {
		competencies: [
			'processes.machining.turning',
			'processes.machining.milling',
			'technologies.chassis',
			'materials.steel',
			'materials.aluminium'
		],
		keywords: ['CNC', 'Langdrehen', 'Präzisionsdrehteile', 'Bremssysteme'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Lenkungsteile', 'Bremskolben', 'Ventilgehäuse', 'Wellen'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 50001'],
		de: 'Hasetal fertigt Präzisionsdreh- und Frästeile für Lenkung, Fahrwerk und Bremssysteme in mittleren und großen Serien. Über 120 CNC-Dreh- und Fräszentren arbeiten im Dreischichtbetrieb, ergänzt durch Härterei und automatische Endprüfung.',
		en: 'Hasetal makes precision turned and milled parts for steering, chassis and brake systems in medium and large series. More than 120 CNC turning and milling centres run in three shifts, complemented by heat treatment and automatic final inspection.',
		at: [52.301, 8.04],
		visibility: { contact: 'members' }
	},
	'Nettebogen Kunststofftechnik GmbH': {
		competencies: [
			'processes.injection-moulding',
			'technologies.interior',
			'materials.plastics',
			'processes.assembly'
		],
		keywords: ['2K-Spritzguss', 'Hinterspritzen', 'Dekorflächen'],
		valueChain: 'tier1',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Blenden', 'Mittelkonsolen', 'Luftausströmer'],
		certifications: ['IATF 16949', 'ISO 14001'],
		de: 'Nettebogen spritzt und montiert Interieurteile aus technischen Kunststoffen, von Blenden über Luftausströmer bis zu kompletten Mittelkonsolen. Mehrkomponenten-Spritzguss und Hinterspritzen von Dekorfolien gehören zum Standard.',
		en: 'Nettebogen moulds and assembles interior parts from engineering plastics, from trim panels and air vents to complete centre consoles. Multi-component moulding and back-injection of decorative films are standard.',
		at: [52.3, 8.066]
	},
	'Haste Thermomanagement GmbH': {
		competencies: [
			'technologies.thermal-management',
			'technologies.battery.systems',
			'drivetrains.battery-electric',
			'drivetrains.fuel-cell'
		],
		keywords: ['Batterie', 'Kühlplatten', 'Wärmepumpe', 'R744'],
		valueChain: 'tier1',
		drivetrains: ['bev', 'hydrogen'],
		products: ['Wärmepumpen-Module', 'Batteriekühlplatten', 'Kältemittelleitungen'],
		certifications: ['IATF 16949', 'ISO 14001'],
		de: 'Haste entwickelt Thermomanagement-Systeme für Elektro- und Brennstoffzellenfahrzeuge. Kühlplatten halten Batterien beim Schnellladen im optimalen Temperaturfenster, Wärmepumpen-Module mit natürlichem Kältemittel heizen den Innenraum effizient.',
		en: 'Haste develops thermal-management systems for electric and fuel-cell vehicles. Cooling plates keep batteries in their ideal temperature window during fast charging, and heat-pump modules using a natural refrigerant heat the cabin efficiently.',
		at: [52.311, 8.072]
	},
	'Hellern Ingenieurgesellschaft mbH': {
		competencies: [
			'services.engineering',
			'services.engineering.simulation',
			'technologies.lightweight',
			'technologies.body'
		],
		keywords: ['FEM', 'CFD', 'Crash-Simulation', 'virtuelle Absicherung'],
		valueChain: 'engineering',
		drivetrains: ['bev', 'hydrogen', 'combustion'],
		products: ['Konstruktion', 'Festigkeits- und Crashberechnung', 'Strömungssimulation'],
		certifications: ['ISO 9001', 'TISAX'],
		de: 'Die Hellern Ingenieurgesellschaft konstruiert und berechnet Karosserie- und Strukturbauteile für Hersteller und Zulieferer. Crash-, Festigkeits- und Strömungssimulationen ersetzen einen Teil der physischen Versuche und verkürzen so die Entwicklungszeit.',
		en: 'Hellern Ingenieurgesellschaft designs and analyses body and structural parts for manufacturers and suppliers. Crash, strength and flow simulations replace part of the physical testing and so shorten development time.',
		at: [52.283, 8.017]
	},
	'Schinkel Bordnetztechnik GmbH': {
		competencies: ['technologies.electronics.wiring', 'processes.assembly', 'drivetrains.battery-electric'],
		keywords: ['Kabelsätze', 'Hochvolt', 'Sonderfahrzeuge'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Kabelsätze', 'Hochvolt-Leitungssätze', 'Prüfadapter'],
		certifications: ['IATF 16949', 'ISO 14001'],
		de: 'Schinkel konfektioniert Kabelsätze und Hochvolt-Leitungssätze für Pkw, Nutz- und Sonderfahrzeuge. Kleine Losgrößen und kurzfristige Änderungen sind die Stärke des Werks im Osten der Stadt.',
		en: 'Schinkel assembles wiring harnesses and high-voltage cable sets for cars, commercial and special vehicles. Small batches and short-notice changes are the strength of the plant in the east of the city.',
		at: [52.279, 8.086]
	},
	'Schölerberg Software & Systeme GmbH': {
		competencies: [
			'technologies.software.embedded',
			'technologies.software.functional-safety',
			'technologies.electronics'
		],
		keywords: ['AUTOSAR', 'ISO 26262', 'Cybersecurity', 'Over-the-Air'],
		valueChain: 'engineering',
		drivetrains: ['bev', 'hybrid'],
		products: ['Steuergeräte-Software', 'AUTOSAR-Integration', 'Sicherheitsanalysen'],
		certifications: ['ISO 9001', 'ISO 27001', 'TISAX'],
		de: 'Schölerberg entwickelt Embedded-Software für Steuergeräte und integriert AUTOSAR-Basissoftware. Sicherheitsanalysen nach ISO 26262 und Cybersecurity-Konzepte gehören ebenso zum Angebot wie Software-Updates over the air.',
		en: 'Schölerberg develops embedded software for control units and integrates AUTOSAR basic software. Safety analyses to ISO 26262 and cybersecurity concepts are part of the offer, as are over-the-air software updates.',
		at: [52.285, 8.015]
	},
	'Lüstringen Beschichtungstechnik GmbH': {
		competencies: ['processes.surface', 'processes.surface.coating', 'materials.steel'],
		keywords: ['KTL', 'Pulverbeschichtung', 'Korrosionsschutz', 'Salzsprühtest'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Kathodische Tauchlackierung', 'Pulverbeschichtung', 'Zinklamellenbeschichtung'],
		certifications: ['IATF 16949', 'ISO 14001', 'ISO 50001'],
		de: 'Lüstringen beschichtet Metallbauteile für Fahrwerk, Karosserie und Antrieb mit kathodischer Tauchlackierung, Pulver und Zinklamellen. Ein eigenes Labor prüft den Korrosionsschutz im Salzsprühtest.',
		en: 'Lüstringen coats metal parts for chassis, body and powertrain by cathodic dip painting, powder and zinc flake. Its own laboratory checks corrosion protection in salt-spray tests.',
		at: [52.283, 8.125]
	},
	'Dodesheide Industrieservice GmbH': {
		competencies: ['services.maintenance', 'technologies.automation'],
		keywords: ['Retrofit', 'Anlagenverlagerung', 'vorausschauende Instandhaltung'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Instandhaltung', 'Anlagenumzüge', 'Retrofit von Fertigungslinien'],
		certifications: ['ISO 9001', 'SCC**'],
		de: 'Dodesheide hält Fertigungslinien instand, zieht Anlagen um und modernisiert Steuerungen im laufenden Betrieb. Servicetechniker sind rund um die Uhr in Rufbereitschaft.',
		en: 'Dodesheide maintains production lines, relocates equipment and modernises controls while production continues. Service technicians are on call around the clock.',
		at: [52.312, 8.088],
		visibility: { facts: 'members' }
	},
	'Institut für Fahrzeugantriebe und Energiesysteme Osnabrück e.V.': {
		competencies: [
			'services.research',
			'technologies.battery.cells',
			'technologies.battery.testing',
			'technologies.electric-machines',
			'drivetrains.battery-electric'
		],
		keywords: ['Batterie', 'Batteriealterung', 'Zellchemie', 'Energiemanagement'],
		valueChain: 'research',
		drivetrains: ['bev', 'hybrid', 'hydrogen'],
		products: ['Alterungsstudien', 'Antriebsprüfstände', 'Energiemanagement-Algorithmen'],
		certifications: ['ISO 9001'],
		de: 'Das Institut forscht anwendungsnah zu elektrischen Antrieben und zum Energiemanagement im Fahrzeug. Ein Schwerpunkt ist die Alterung von Batterien: Zellen und Module werden über Jahre zyklisiert und ihre Lebensdauer modelliert. Projekte entstehen meist gemeinsam mit Mitgliedsunternehmen.',
		en: 'The institute carries out applied research into electric drives and vehicle energy management. One focus is the ageing of batteries: cells and modules are cycled over years and their service life is modelled. Projects usually start together with member companies.',
		at: [52.286, 8.024]
	},
	'Sutthausen Werkzeugbau GmbH': {
		competencies: ['processes.tooling', 'processes.forming.stamping', 'services.engineering.simulation'],
		keywords: ['Feinschneidwerkzeuge', 'Umformsimulation', 'Warmumformung'],
		valueChain: 'tier2',
		drivetrains: ['bev', 'combustion'],
		products: ['Folgeverbundwerkzeuge', 'Transferwerkzeuge'],
		certifications: ['ISO 9001'],
		de: 'Sutthausen konstruiert und baut Folgeverbund- und Transferwerkzeuge für Struktur- und Karosserieteile. Jedes Werkzeug wird vor dem Bau virtuell abgesichert und im eigenen Pressenpark eingearbeitet.',
		en: 'Sutthausen designs and builds progressive and transfer dies for structural and body parts. Every die is validated virtually before it is built and tried out on the company’s own presses.',
		at: [52.238, 8.046],
		visibility: { competencies: 'members' }
	},
	'Voxtrup Messtechnik GmbH': {
		competencies: ['services.testing', 'services.testing.test-benches', 'technologies.electric-machines'],
		keywords: ['End-of-Line', 'Akustikprüfung', 'E-Motor'],
		valueChain: 'engineering',
		drivetrains: ['bev', 'hybrid'],
		products: ['End-of-Line-Prüfstände', 'Motorprüfstände', 'Getriebeprüfstände'],
		certifications: ['ISO 9001'],
		de: 'Voxtrup baut Prüfstände und End-of-Line-Prüfsysteme für Elektromotoren und Getriebe. Akustik-, Leistungs- und Isolationsprüfung laufen in wenigen Sekunden im Takt der Fertigungslinie.',
		en: 'Voxtrup builds test benches and end-of-line test systems for electric motors and gearboxes. Acoustic, power and insulation tests run in a few seconds at the pace of the production line.',
		at: [52.258, 8.118]
	},
	'Gartlage Prüfdienste GmbH': {
		competencies: ['services.testing', 'services.testing.homologation', 'materials.steel'],
		keywords: ['Werkstoffprüfung', 'Typgenehmigung', 'Bauteilvalidierung', 'Schadensanalyse'],
		valueChain: 'engineering',
		drivetrains: ['bev', 'hybrid', 'combustion'],
		products: ['Werkstoffprüfung', 'Bauteilvalidierung', 'Begleitung von Typgenehmigungen'],
		certifications: ['ISO/IEC 17025', 'ISO 9001'],
		de: 'Gartlage prüft Werkstoffe und Bauteile im akkreditierten Labor und validiert Baugruppen unter realistischen Lasten. Kleine Hersteller und Umrüster begleitet das Team bis zur Typgenehmigung.',
		en: 'Gartlage tests materials and components in its accredited laboratory and validates assemblies under realistic loads. The team guides small manufacturers and converters through type approval.',
		at: [52.287, 8.074]
	},
	'Bildungswerk Mobilitätstechnik Osnabrück gGmbH': {
		competencies: ['services.training', 'drivetrains.battery-electric', 'drivetrains.fuel-cell'],
		keywords: ['Hochvolt', 'HV-Schulung', 'Umschulung', 'Qualifizierung'],
		valueChain: 'training',
		drivetrains: ['bev', 'hydrogen', 'hybrid'],
		products: ['Hochvolt-Schulungen', 'Umschulungen', 'Meistervorbereitung'],
		certifications: ['AZAV', 'ISO 9001'],
		de: 'Das Bildungswerk qualifiziert Beschäftigte der Fahrzeugindustrie für neue Antriebe, von der Hochvolt-Schulung bis zur Umschulung. Kurse finden in der eigenen Lernwerkstatt oder direkt in den Betrieben statt.',
		en: 'The training centre qualifies automotive employees for new drivetrains, from high-voltage training to retraining. Courses take place in its own workshop or directly at the companies.',
		at: [52.272, 8.05]
	},
	'Hafenquartier Batterietest GmbH': {
		competencies: [
			'technologies.battery.testing',
			'technologies.battery.cells',
			'technologies.battery.systems',
			'services.testing'
		],
		keywords: ['Batterie', 'Batterien', 'UN 38.3', 'Thermal Runaway'],
		valueChain: 'engineering',
		drivetrains: ['bev'],
		products: ['Zyklisierung', 'Missbrauchstests', 'Klimaprüfung', 'Transportprüfung UN 38.3'],
		certifications: ['ISO/IEC 17025', 'ISO 9001'],
		de: 'Das Prüflabor am Kanalhafen testet Batterien vom Einzelzellen-Muster bis zum Modul. Zyklisierung, Sicherheits- und Umweltprüfungen laufen in abgesicherten Prüfkammern rund um die Uhr.',
		en: 'The test laboratory at the canal port tests batteries from single sample cells to modules. Cycling, safety and environmental tests run around the clock in protected test chambers.',
		at: [52.291, 8.02]
	},
	'Datenwerk an der Wüste GmbH': {
		competencies: ['technologies.software.data-analytics', 'services.consulting'],
		keywords: ['KI', 'Machine Learning', 'Qualitätsprognose', 'Prozessdaten'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Qualitätsprognosen', 'Datenplattform für Fertigungsdaten'],
		certifications: ['ISO 27001'],
		de: 'Datenwerk wertet Maschinen- und Prozessdaten der Serienfertigung aus und sagt Qualitätsabweichungen voraus, bevor Ausschuss entsteht. Die Modelle laufen auf Wunsch vollständig im Werk des Kunden.',
		en: 'Datenwerk analyses machine and process data from series production and predicts quality deviations before scrap occurs. If the customer wishes, the models run entirely inside the customer’s plant.',
		at: [52.265, 8.031],
		visibility: { facts: 'members' }
	}
};
