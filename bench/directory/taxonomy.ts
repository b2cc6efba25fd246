/**
 * The benchmark's competence taxonomy: five top nodes, two to three levels, 60 nodes in all,
 * shaped like the demo network's so subtree filters and facet counts do comparable work.
 */
export type BenchNode = { slug: string; de: string; en: string; children?: BenchNode[] };

const n = (slug: string, de: string, en: string, children?: BenchNode[]): BenchNode => ({
	slug,
	de,
	en,
	...(children ? { children } : {})
});

export const benchTaxonomy: BenchNode[] = [
	n('technologies', 'Technologien', 'Technologies', [
		n('battery', 'Batterietechnik', 'Battery technology', [
			n('cells', 'Batteriezellen', 'Battery cells'),
			n('systems', 'Batteriesysteme', 'Battery systems'),
			n('recycling', 'Batterierecycling', 'Battery recycling')
		]),
		n('power-electronics', 'Leistungselektronik', 'Power electronics', [
			n('inverters', 'Wechselrichter', 'Inverters'),
			n('charging', 'Ladetechnik', 'Charging technology')
		]),
		n('electric-machines', 'Elektrische Maschinen', 'Electric machines'),
		n('thermal-management', 'Thermomanagement', 'Thermal management'),
		n('sensors', 'Sensorik', 'Sensors'),
		n('software', 'Embedded-Software', 'Embedded software', [
			n('functional-safety', 'Funktionale Sicherheit', 'Functional safety'),
			n('telematics', 'Telematik', 'Telematics')
		]),
		n('hydrogen', 'Wasserstoff und Brennstoffzelle', 'Hydrogen and fuel cells', [
			n('fuel-cells', 'Brennstoffzellensysteme', 'Fuel-cell systems'),
			n('storage', 'Wasserstoffspeicher', 'Hydrogen storage')
		]),
		n('lightweight', 'Leichtbau', 'Lightweight design'),
		n('chassis', 'Fahrwerk und Lenkung', 'Chassis and steering')
	]),
	n('processes', 'Fertigungsverfahren', 'Manufacturing processes', [
		n('injection-moulding', 'Kunststoffspritzguss', 'Plastic injection moulding'),
		n('forming', 'Umformtechnik', 'Forming', [
			n('stamping', 'Stanzen und Biegen', 'Stamping and bending'),
			n('sheet-metal', 'Blechbearbeitung', 'Sheet-metal working')
		]),
		n('machining', 'Zerspanung', 'Machining', [
			n('turning', 'Drehen', 'Turning'),
			n('milling', 'Fräsen', 'Milling')
		]),
		n('joining', 'Schweißen und Fügen', 'Welding and joining'),
		n('casting', 'Druckguss', 'Die casting'),
		n('surface', 'Oberflächentechnik', 'Surface technology', [
			n('coating', 'Lackieren und Beschichten', 'Painting and coating'),
			n('electroplating', 'Galvanik', 'Electroplating')
		]),
		n('additive', 'Additive Fertigung', 'Additive manufacturing'),
		n('assembly', 'Montage', 'Assembly')
	]),
	n('materials', 'Werkstoffe', 'Materials', [
		n('metals', 'Metalle', 'Metals', [
			n('aluminium', 'Aluminium', 'Aluminium'),
			n('steel', 'Stahl', 'Steel')
		]),
		n('plastics', 'Kunststoffe', 'Plastics', [
			n('elastomers', 'Elastomere und Gummi', 'Elastomers and rubber'),
			n('thermoplastics', 'Thermoplaste', 'Thermoplastics')
		]),
		n('fibre-composites', 'Faserverbund', 'Fibre composites'),
		n('textiles', 'Technische Textilien', 'Technical textiles'),
		n('recyclates', 'Rezyklate', 'Recyclates')
	]),
	n('services', 'Dienstleistungen', 'Services', [
		n('engineering', 'Entwicklungsdienstleistung', 'Engineering services', [
			n('simulation', 'Simulation und Berechnung', 'Simulation and analysis'),
			n('prototyping', 'Prototypenbau', 'Prototyping')
		]),
		n('testing', 'Prüfung und Validierung', 'Testing and validation'),
		n('logistics', 'Logistik', 'Logistics'),
		n('training', 'Aus- und Weiterbildung', 'Education and training'),
		n('consulting', 'Beratung', 'Consulting'),
		n('certification', 'Zertifizierung', 'Certification')
	]),
	n('products', 'Produkte', 'Products', [
		n('tyres', 'Reifen und Räder', 'Tyres and wheels', [
			n('bicycle-tyres', 'Fahrradreifen', 'Bicycle tyres')
		]),
		n('seating', 'Sitze und Interieur', 'Seats and interior'),
		n('wiring', 'Kabelsätze', 'Wiring harnesses'),
		n('gearboxes', 'Getriebe', 'Gearboxes'),
		n('bodywork', 'Karosserie und Aufbauten', 'Bodywork and superstructures')
	])
];

/** Depth-first list with paths, parents before children. */
export function flattenTaxonomy(nodes: BenchNode[] = benchTaxonomy, parentPath?: string) {
	const list: { path: string; parentPath: string | null; node: BenchNode; position: number }[] = [];
	nodes.forEach((node, position) => {
		const path = parentPath ? `${parentPath}.${node.slug}` : node.slug;
		list.push({ path, parentPath: parentPath ?? null, node, position });
		if (node.children) list.push(...flattenTaxonomy(node.children, path));
	});
	return list;
}
