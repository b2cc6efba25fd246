import { m } from '../../paraglide/messages.js';
import {
	contactFunctions,
	drivetrains,
	membershipStatuses,
	organisationKinds,
	valueChainPositions
} from '../../directory/vocabulary.ts';
import { headerKey } from './fields.ts';

type Locale = 'de' | 'en';
type Label = (inputs?: object, options?: { locale?: Locale }) => string;

/**
 * The coded profile fields' values as spreadsheet text: the export writes the label in the
 * user's language, the import reads a label in either language or the code itself.
 */
const catalogue = m as unknown as Record<string, Label>;

function vocabulary<T extends string>(codes: readonly T[], prefix: string) {
	const label = (code: T, locale: Locale) => catalogue[`${prefix}${code}`]!({}, { locale });
	const byKey = new Map<string, T>();
	for (const code of codes) {
		byKey.set(headerKey(code), code);
		for (const locale of ['de', 'en'] as const) byKey.set(headerKey(label(code, locale)), code);
	}
	return {
		label,
		read: (text: string): T | undefined => byKey.get(headerKey(text))
	};
}

export const kindValues = vocabulary(organisationKinds, 'office_kind_');
export const statusValues = vocabulary(membershipStatuses, 'office_status_');
export const valueChainValues = vocabulary(valueChainPositions, 'import_chain_');
export const drivetrainValues = vocabulary(drivetrains, 'import_drivetrain_');
export const contactFunctionValues = vocabulary(contactFunctions, 'import_function_');
