/**
 * The demo network's competence taxonomy for the automotive industry: five top levels, two to
 * three levels deep. Slugs are stable; a node's path is its parent's path plus its slug, so the
 * profiles (demo-profiles-*.ts) refer to competencies by path.
 */
export type TaxonomyNode = { slug: string; de: string; en: string; children?: TaxonomyNode[] };

const node = (slug: string, de: string, en: string, children?: TaxonomyNode[]): TaxonomyNode => ({
	slug,
	de,
	en,
	...(children ? { children } : {})
});

export const demoTaxonomy: TaxonomyNode[] = [
	node('technologies', 'Technologien', 'Technologies', [
		node('battery', 'Batterietechnik', 'Battery technology', [
			node('cells', 'Batteriezellen', 'Battery cells'),
			node('systems', 'Batteriesysteme und -module', 'Battery systems and modules'),
			node('testing', 'Batterieprüfung', 'Battery testing'),
			node('recycling', 'Batterierecycling', 'Battery recycling')
		]),
		node('power-electronics', 'Leistungselektronik', 'Power electronics', [
			node('inverters', 'Wechselrichter und Wandler', 'Inverters and converters'),
			node('charging', 'Ladetechnik', 'Charging technology')
		]),
		node('electric-machines', 'Elektrische Maschinen', 'Electric machines'),
		node('thermal-management', 'Thermomanagement', 'Thermal management'),
		node('sensors', 'Sensorik', 'Sensors', [
			node('optical', 'Optische Sensorik und Bildverarbeitung', 'Optical sensing and machine vision')
		]),
		node('electronics', 'Fahrzeugelektronik', 'Vehicle electronics', [
			node('pcb', 'Leiterplatten und Baugruppen', 'Printed circuit boards and assemblies'),
			node('wiring', 'Bordnetz und Kabelsätze', 'Wiring harnesses')
		]),
		node('software', 'Software und Embedded Systems', 'Software and embedded systems', [
			node('embedded', 'Embedded-Software', 'Embedded software'),
			node('functional-safety', 'Funktionale Sicherheit', 'Functional safety'),
			node('data-analytics', 'Datenanalyse und KI', 'Data analytics and AI'),
			node('telematics', 'Telematik und Flottenmanagement', 'Telematics and fleet management')
		]),
		node('hydrogen', 'Wasserstoff und Brennstoffzelle', 'Hydrogen and fuel cells', [
			node('fuel-cells', 'Brennstoffzellensysteme', 'Fuel-cell systems'),
			node('storage', 'Wasserstoffspeicherung', 'Hydrogen storage'),
			node('electrolysis', 'Elektrolyse', 'Electrolysis')
		]),
		node('lightweight', 'Leichtbau', 'Lightweight design'),
		node('automation', 'Automatisierung und Robotik', 'Automation and robotics'),
		node('chassis', 'Fahrwerk und Lenkung', 'Chassis and steering'),
		node('body', 'Karosserie und Aufbauten', 'Body and superstructures'),
		node('interior', 'Interieur und Sitze', 'Interior and seating'),
		node('filtration', 'Filtration und Akustik', 'Filtration and acoustics')
	]),
	node('processes', 'Fertigungsverfahren', 'Manufacturing processes', [
		node('injection-moulding', 'Kunststoffspritzguss', 'Plastic injection moulding'),
		node('forming', 'Umformtechnik', 'Forming', [
			node('stamping', 'Stanzen und Biegen', 'Stamping and bending'),
			node('cold-forming', 'Kalt- und Massivumformung', 'Cold and bulk forming'),
			node('sheet-metal', 'Blechbearbeitung', 'Sheet-metal working')
		]),
		node('machining', 'Zerspanung', 'Machining', [
			node('turning', 'Drehen', 'Turning'),
			node('milling', 'Fräsen', 'Milling')
		]),
		node('joining', 'Schweißen und Fügetechnik', 'Welding and joining'),
		node('casting', 'Druckguss und Gießen', 'Die casting and casting'),
		node('surface', 'Oberflächentechnik', 'Surface technology', [
			node('coating', 'Lackieren und Beschichten', 'Painting and coating'),
			node('electroplating', 'Galvanik und Eloxal', 'Electroplating and anodising')
		]),
		node('additive', 'Additive Fertigung', 'Additive manufacturing'),
		node('tooling', 'Werkzeug- und Formenbau', 'Tool and mould making'),
		node('assembly', 'Montage', 'Assembly'),
		node('electronics-manufacturing', 'Elektronikfertigung', 'Electronics manufacturing'),
		node('textile-processing', 'Textil- und Vliesstoffverarbeitung', 'Textile and nonwoven processing')
	]),
	node('materials', 'Werkstoffe', 'Materials', [
		node('aluminium', 'Aluminium', 'Aluminium'),
		node('steel', 'Stahl', 'Steel'),
		node('fibre-composites', 'Faserverbund', 'Fibre composites'),
		node('plastics', 'Kunststoffe', 'Plastics', [node('recyclates', 'Rezyklate', 'Recyclates')]),
		node('technical-textiles', 'Technische Textilien', 'Technical textiles')
	]),
	node('services', 'Dienstleistungen', 'Services', [
		node('engineering', 'Engineering', 'Engineering', [
			node('simulation', 'Berechnung und Simulation', 'Calculation and simulation')
		]),
		node('testing', 'Prüfung und Validierung', 'Testing and validation', [
			node('test-benches', 'Prüfstandsbau', 'Test benches'),
			node('homologation', 'Typgenehmigung', 'Type approval')
		]),
		node('logistics', 'Logistik', 'Logistics', [
			node('contract-logistics', 'Kontraktlogistik', 'Contract logistics')
		]),
		node('training', 'Aus- und Weiterbildung', 'Training and education'),
		node('consulting', 'Beratung', 'Consulting'),
		node('research', 'Forschung und Entwicklung', 'Research and development'),
		node('maintenance', 'Instandhaltung', 'Maintenance'),
		node('charging-infrastructure', 'Ladeinfrastruktur', 'Charging infrastructure'),
		node('circular-economy', 'Kreislaufwirtschaft', 'Circular economy'),
		node(
			'economic-development',
			'Wirtschafts- und Gründungsförderung',
			'Economic development and start-up support'
		)
	]),
	node('drivetrains', 'Antriebe', 'Drivetrains', [
		node('battery-electric', 'Batterieelektrischer Antrieb', 'Battery-electric drive'),
		node('fuel-cell', 'Brennstoffzellenantrieb', 'Fuel-cell drive'),
		node('hydrogen-combustion', 'Wasserstoffverbrennungsmotor', 'Hydrogen combustion engine'),
		node('efuels', 'E-Fuels und synthetische Kraftstoffe', 'E-fuels and synthetic fuels'),
		node('combustion', 'Verbrennungsmotor', 'Combustion engine'),
		node('hybrid', 'Hybridantrieb', 'Hybrid drive')
	])
];

export type TaxonomyRow = {
	slug: string;
	path: string;
	parentPath: string | null;
	depth: number;
	position: number;
	nameDe: string;
	nameEn: string;
};

/** The tree as rows, parents before children, with paths and positions among siblings. */
export function flattenTaxonomy(nodes: TaxonomyNode[] = demoTaxonomy): TaxonomyRow[] {
	const rows: TaxonomyRow[] = [];
	const walk = (list: TaxonomyNode[], parentPath: string | null, depth: number) =>
		list.forEach((n, position) => {
			const path = parentPath ? `${parentPath}.${n.slug}` : n.slug;
			rows.push({ slug: n.slug, path, parentPath, depth, position, nameDe: n.de, nameEn: n.en });
			if (n.children) walk(n.children, path, depth + 1);
		});
	walk(nodes, null, 0);
	return rows;
}
