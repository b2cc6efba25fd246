import type { Drivetrain, FieldVisibility, ValueChainPosition } from '../../directory/vocabulary.ts';

/**
 * The directory profile of one demo organisation, keyed by its name in demo-profiles.ts. Invented
 * like the organisations themselves; certifications name real standards only as examples.
 */
export type DemoProfile = {
	/** Taxonomy paths from demo-taxonomy.ts, e.g. `technologies.battery.systems`. */
	competencies: string[];
	keywords: string[];
	valueChain: ValueChainPosition;
	drivetrains: Drivetrain[];
	products: string[];
	certifications: string[];
	/** Long descriptions, two or three sentences, German first. */
	de: string;
	en: string;
	/** [latitude, longitude] inside the organisation's town; null where it lies outside the region. */
	at: [number, number] | null;
	/** Deviations from an all-public profile. */
	visibility?: Partial<FieldVisibility>;
};
