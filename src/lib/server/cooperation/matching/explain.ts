import { m } from '../../../paraglide/messages.js';
import { typeLabels } from '../../../components/cooperation/labels.ts';
import { drivetrainLabel } from '../../../components/directory/labels.ts';
import { textLevel } from './scoring.ts';
import type { MatchReasons } from './index.ts';

type Locale = 'de' | 'en';

/** See the contract in index.ts. */
export function explainMatch(reasons: MatchReasons, locale: Locale): string[] {
	const options = { locale };
	const separator = m.cooperation_matching_list_separator({}, options);
	const parts: string[] = [];
	const competencies = reasons.competencies ?? [];
	if (competencies.length > 0) {
		const names = competencies
			.map((competence) => {
				const name = locale === 'en' ? competence.nameEn || competence.nameDe : competence.nameDe;
				return competence.viaChild ? m.cooperation_matching_via_child({ name }, options) : name;
			})
			.join(separator);
		parts.push(
			competencies.length === 1
				? m.cooperation_matching_competencies_one({ names }, options)
				: m.cooperation_matching_competencies_other({ count: competencies.length, names }, options)
		);
	}
	const drivetrains = reasons.drivetrains ?? [];
	if (drivetrains.length > 0) {
		const names = drivetrains.map((code) => drivetrainLabel(code, locale)).join(separator);
		parts.push(
			drivetrains.length === 1
				? m.cooperation_matching_drivetrains_one({ names }, options)
				: m.cooperation_matching_drivetrains_other({ names }, options)
		);
	}
	const level = textLevel(reasons.textSimilarity ?? 0);
	if (level === 'high') parts.push(m.cooperation_matching_text_high({}, options));
	if (level === 'medium') parts.push(m.cooperation_matching_text_medium({}, options));
	if (level === 'low') parts.push(m.cooperation_matching_text_low({}, options));
	if (reasons.counterpartType)
		parts.push(
			m.cooperation_matching_counterpart({ type: typeLabels[reasons.counterpartType]({}, options) }, options)
		);
	else if (reasons.direction === 'counterpart')
		parts.push(m.cooperation_matching_counterpart_plain({}, options));
	if (reasons.research) parts.push(m.cooperation_matching_research({}, options));
	return parts;
}
