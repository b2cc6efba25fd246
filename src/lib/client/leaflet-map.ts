import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

/**
 * The atlas map with tiles, for browsers with JavaScript when a tile server is configured. Loaded
 * only by a dynamic import from the map component, so Leaflet never reaches other pages. Markers are
 * plain links (not Leaflet's focusable buttons), so keyboard and screen reader users get the same
 * named links as in the drawn map.
 */
export type TiledMapOptions = {
	tiles: { url: string; attribution: string };
	outlines: { name: string; rings: [number, number][][] }[];
	points: { id: string; name: string; latitude: number; longitude: number; href: string }[];
	markerLabel: (name: string) => string;
};

export function mountTiledMap(container: HTMLElement, options: TiledMapOptions): () => void {
	const map = L.map(container, { scrollWheelZoom: false, attributionControl: true });
	L.tileLayer(options.tiles.url, { attribution: options.tiles.attribution, maxZoom: 18 }).addTo(map);
	const bounds = L.latLngBounds([]);
	for (const outline of options.outlines) {
		const rings = outline.rings.map((ring) => ring.map(([lon, lat]) => L.latLng(lat, lon)));
		const polygon = L.polygon(rings, {
			interactive: false,
			weight: 1.5,
			color: '#1d4ed8',
			fillOpacity: 0.05
		});
		polygon.addTo(map);
		bounds.extend(polygon.getBounds());
	}
	for (const point of options.points) {
		const link = document.createElement('a');
		link.href = point.href;
		link.className = 'map-marker-link';
		link.setAttribute('aria-label', options.markerLabel(point.name));
		link.title = point.name;
		const icon = L.divIcon({ html: link, className: 'map-marker', iconSize: [18, 18] });
		L.marker([point.latitude, point.longitude], { icon, keyboard: false, alt: point.name }).addTo(map);
		bounds.extend([point.latitude, point.longitude]);
	}
	if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 13 });
	else map.setView([52.3, 8.0], 9);
	return () => map.remove();
}
