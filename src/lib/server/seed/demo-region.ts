import type { DistrictOutline } from '../db/schema/networks.ts';
import type { District } from './demo-member-types.ts';

type Ring = [number, number][];

/**
 * Simplified outlines of the three districts, [longitude, latitude] in GeoJSON order, drawn from
 * the positions of their towns: good enough for an overview map, not for surveying. Neighbouring
 * districts share their border points, so the shapes meet without gaps or overlaps. Rings are
 * closed (first point = last point).
 */
const stadtOsnabrueck: Ring = [
	[7.985, 52.322],
	[8.015, 52.335],
	[8.045, 52.337],
	[8.08, 52.326],
	[8.102, 52.312],
	[8.118, 52.297],
	[8.138, 52.285],
	[8.152, 52.266],
	[8.138, 52.246],
	[8.112, 52.232],
	[8.088, 52.222],
	[8.055, 52.214],
	[8.025, 52.22],
	[7.998, 52.234],
	[7.975, 52.248],
	[7.96, 52.266],
	[7.962, 52.285],
	[7.97, 52.302],
	[7.985, 52.322]
];

/** The border between the district of Osnabrück and the district of Steinfurt, north to south. */
const osnabrueckSteinfurtBorder: Ring = [
	[7.8, 52.38],
	[7.88, 52.345],
	[7.92, 52.3],
	[7.925, 52.26],
	[7.92, 52.22],
	[7.95, 52.185],
	[8.005, 52.15],
	[7.995, 52.12],
	[7.92, 52.08]
];

/** The district of Osnabrück surrounds the city: its outline has the city as a hole. */
const landkreisOsnabrueck: Ring = [
	[7.8, 52.69],
	[7.95, 52.715],
	[8.02, 52.66],
	[8.06, 52.58],
	[8.15, 52.53],
	[8.28, 52.48],
	[8.38, 52.44],
	[8.45, 52.34],
	[8.56, 52.23],
	[8.53, 52.15],
	[8.38, 52.12],
	[8.25, 52.09],
	[8.15, 52.07],
	[8.05, 52.045],
	[7.96, 52.04],
	...[...osnabrueckSteinfurtBorder].reverse(),
	[7.74, 52.41],
	[7.66, 52.45],
	[7.6, 52.5],
	[7.63, 52.57],
	[7.7, 52.62],
	[7.76, 52.66],
	[7.8, 52.69]
];

const kreisSteinfurt: Ring = [
	[7.61, 52.42],
	[7.74, 52.41],
	...osnabrueckSteinfurtBorder,
	[7.86, 52.06],
	[7.76, 52.08],
	[7.66, 52.04],
	[7.56, 52.02],
	[7.46, 52.02],
	[7.38, 52.03],
	[7.28, 52.05],
	[7.18, 52.1],
	[7.08, 52.2],
	[7.1, 52.26],
	[7.2, 52.29],
	[7.3, 52.31],
	[7.4, 52.35],
	[7.5, 52.34],
	[7.55, 52.37],
	[7.61, 52.42]
];

export const demoRegionOutlines: (DistrictOutline & { name: District })[] = [
	{ name: 'Stadt Osnabrück', rings: [stadtOsnabrueck] },
	{ name: 'Landkreis Osnabrück', rings: [landkreisOsnabrueck, stadtOsnabrueck] },
	{ name: 'Kreis Steinfurt', rings: [kreisSteinfurt] }
];

/**
 * Whether a point lies inside an outline, by the even-odd rule over all its rings, so a second
 * ring is a hole (as in GeoJSON polygons and SVG's `fill-rule="evenodd"`).
 */
export function insideRings(rings: [number, number][][], longitude: number, latitude: number) {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			const crosses =
				yi > latitude !== yj > latitude && longitude < ((xj - xi) * (latitude - yi)) / (yj - yi) + xi;
			if (crosses) inside = !inside;
		}
	}
	return inside;
}
