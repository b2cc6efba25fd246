import { describe, expect, it } from 'vitest';
import { explainMatch, type MatchReasons } from './index.ts';
import { textLevel, TEXT_HIGH, TEXT_MEDIUM } from './scoring.ts';

const none: MatchReasons = {
	competencies: [],
	drivetrains: [],
	textSimilarity: 0,
	direction: 'organisation'
};

describe('explainMatch', () => {
	it('says nothing for no reasons', () => {
		expect(explainMatch(none, 'de')).toEqual([]);
		expect(explainMatch(none, 'en')).toEqual([]);
	});

	it('uses the singular for one competence and one drivetrain, and the German name where no English one is given', () => {
		const reasons: MatchReasons = {
			...none,
			competencies: [{ id: 'a', nameDe: 'Prüfstände', nameEn: '', viaChild: false }],
			drivetrains: ['efuels'],
			textSimilarity: 0.1
		};
		expect(explainMatch(reasons, 'de')).toEqual([
			'1 gemeinsame Kompetenz: Prüfstände',
			'passende Antriebsart: E-Fuels',
			'Textähnlichkeit gering'
		]);
		expect(explainMatch(reasons, 'en')).toEqual([
			'1 shared competence: Prüfstände',
			'matching drivetrain: E-fuels',
			'text similarity low'
		]);
	});

	it('names the research bonus and a counterpart without its type', () => {
		const reasons: MatchReasons = { ...none, textSimilarity: 0.3, direction: 'counterpart', research: true };
		expect(explainMatch(reasons, 'de')).toEqual([
			'Textähnlichkeit mittel',
			'Gegenstück zu diesem Profil',
			'Forschungseinrichtung'
		]);
		expect(explainMatch(reasons, 'en')).toEqual([
			'text similarity medium',
			'counterpart of this profile',
			'research institution'
		]);
	});
});

describe('textLevel', () => {
	it('has the documented thresholds', () => {
		expect(textLevel(0)).toBe('none');
		expect(textLevel(0.01)).toBe('low');
		expect(textLevel(TEXT_MEDIUM - 0.001)).toBe('low');
		expect(textLevel(TEXT_MEDIUM)).toBe('medium');
		expect(textLevel(TEXT_HIGH - 0.001)).toBe('medium');
		expect(textLevel(TEXT_HIGH)).toBe('high');
		expect(textLevel(1)).toBe('high');
	});
});
