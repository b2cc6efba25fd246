/**
 * Draws the region without a map library: an equirectangular projection whose x axis is shrunk by
 * the cosine of the region's middle latitude, which keeps a district's shape true enough at the
 * scale of one region (a few dozen kilometres) and needs no tiles, so the map works offline.
 */
export type LonLat = [number, number];
export type Outline = { name: string; rings: LonLat[][] };
/** A marker on the map: a link to the organisation's profile. */
export type MapMarker = { id: string; name: string; latitude: number; longitude: number; href: string };
export type Projection = { width: number; height: number; project: (point: LonLat) => [number, number] };

const round = (value: number) => Math.round(value * 10) / 10;

export function fitProjection(points: LonLat[], width = 640, padding = 16): Projection | null {
	const finite = points.filter(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat));
	if (finite.length === 0) return null;
	const lons = finite.map(([lon]) => lon);
	const lats = finite.map(([, lat]) => lat);
	const [west, east] = [Math.min(...lons), Math.max(...lons)];
	const [south, north] = [Math.min(...lats), Math.max(...lats)];
	const factor = Math.cos((((north + south) / 2) * Math.PI) / 180);
	// A single point (or a line) still gets an area around it of about ten kilometres.
	const spanX = Math.max((east - west) * factor, 0.1);
	const spanY = Math.max(north - south, 0.1);
	const scale = (width - 2 * padding) / Math.max(spanX, spanY);
	const height = Math.round(spanY * scale + 2 * padding);
	const drawnWidth = Math.round(spanX * scale + 2 * padding);
	const centreX = ((east + west) / 2) * factor;
	const centreY = (north + south) / 2;
	return {
		width: drawnWidth,
		height,
		project: ([lon, lat]) => [
			round(drawnWidth / 2 + (lon * factor - centreX) * scale),
			round(height / 2 - (lat - centreY) * scale)
		]
	};
}

/** An SVG path for an outline's rings (holes included; the fill rule is even-odd). */
export function outlinePath(outline: Outline, projection: Projection): string {
	return outline.rings
		.filter((ring) => ring.length >= 3)
		.map(
			(ring) =>
				ring
					.map((point, index) => {
						const [x, y] = projection.project(point);
						return `${index === 0 ? 'M' : 'L'}${x},${y}`;
					})
					.join('') + 'Z'
		)
		.join('');
}
