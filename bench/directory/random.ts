/** A small seeded PRNG (mulberry32), so every run generates the same organisations and queries. */
export type Random = {
	next(): number;
	int(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(list: readonly T[]): T;
	sample<T>(list: readonly T[], count: number): T[];
	uuid(): string;
};

export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	return {
		next,
		int,
		chance: (probability) => next() < probability,
		pick,
		sample<T>(list: readonly T[], count: number) {
			const copy = [...list];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[copy[i], copy[j]] = [copy[j]!, copy[i]!];
			}
			return copy.slice(0, count);
		},
		uuid() {
			const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
			hex[12] = '4';
			hex[16] = '89ab'[Math.floor(next() * 4)]!;
			const s = hex.join('');
			return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
		}
	};
}
