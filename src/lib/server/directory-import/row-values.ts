import type {
	ContactFunction,
	Drivetrain,
	MembershipStatus,
	OrganisationKind,
	ValueChainPosition
} from '../../directory/vocabulary.ts';
import type { ColumnMapping, ImportField } from './fields.ts';
import {
	contactFunctionValues,
	drivetrainValues,
	kindValues,
	statusValues,
	valueChainValues
} from './labels.ts';
import {
	isEmail,
	normaliseName,
	normaliseWebsite,
	parseDecimal,
	parseInteger,
	parseYear,
	splitList
} from './values.ts';

/** The organisation's fields a row sets; absent (empty cell or unmapped column) = leave as is. */
export type ProfileValues = {
	name?: string;
	legalForm?: string;
	kind?: OrganisationKind;
	status?: MembershipStatus;
	shortDescriptionDe?: string;
	shortDescriptionEn?: string;
	longDescriptionDe?: string;
	longDescriptionEn?: string;
	website?: string;
	email?: string;
	phone?: string;
	street?: string;
	postalCode?: string;
	city?: string;
	district?: string;
	latitude?: number;
	longitude?: number;
	employees?: number;
	foundedYear?: number;
	memberSince?: number;
	valueChain?: ValueChainPosition;
	drivetrains?: Drivetrain[];
	products?: string[];
	certifications?: string[];
	keywords?: string[];
	/** Competence cell entries, matched later against the taxonomy. */
	competenceNames?: string[];
};

export type ContactValues = {
	firstName?: string;
	lastName?: string;
	email?: string;
	phone?: string;
	jobTitle?: string;
	function?: ContactFunction;
};

export type RowProblem =
	| { code: 'missing_name' }
	| { code: 'too_long'; field: ImportField }
	| { code: 'invalid_email'; field: ImportField; value: string }
	| { code: 'invalid_website'; value: string }
	| { code: 'not_a_number'; field: ImportField; value: string }
	| { code: 'invalid_year'; field: ImportField; value: string }
	| { code: 'out_of_range'; field: ImportField; value: string }
	| { code: 'unknown_district'; value: string }
	| { code: 'unknown_value'; field: ImportField; value: string }
	| { code: 'contact_without_name' };

const textFields = [
	'name',
	'legalForm',
	'shortDescriptionDe',
	'shortDescriptionEn',
	'longDescriptionDe',
	'longDescriptionEn',
	'phone',
	'street',
	'postalCode',
	'city'
] as const;

const MAX_TEXT = 10_000;
const MAX_SHORT = 300;
const thisYear = new Date().getUTCFullYear();

export type ReadRow = { values: ProfileValues; contact: ContactValues | null; problems: RowProblem[] };

/**
 * The export's guard against formulas in Excel ('=…) is not part of the value. Line breaks in a
 * cell become LF, as Excel (Alt+Enter) and XLSX store them.
 */
function unguard(text: string) {
	const value = text.replace(/\r\n?/g, '\n');
	return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** One row's cells as typed values and the problems found; pure. */
export function readRow(cells: string[], mapping: ColumnMapping, districts: readonly string[]): ReadRow {
	const cell: Partial<Record<ImportField, string>> = {};
	for (const [index, field] of Object.entries(mapping)) {
		const value = field ? unguard((cells[Number(index)] ?? '').trim()) : '';
		if (field && value !== '') cell[field] = value;
	}
	const values: ProfileValues = {};
	const problems: RowProblem[] = [];

	for (const field of textFields) {
		const value = cell[field];
		if (value === undefined) continue;
		const limit = field.startsWith('long') ? MAX_TEXT : MAX_SHORT;
		if (value.length > limit) problems.push({ code: 'too_long', field });
		else values[field] = field === 'name' ? value.replace(/\s+/g, ' ') : value;
	}
	if (!values.name && !problems.some((p) => p.code === 'too_long' && p.field === 'name'))
		problems.push({ code: 'missing_name' });

	if (cell.email !== undefined) {
		if (isEmail(cell.email)) values.email = cell.email.toLowerCase();
		else problems.push({ code: 'invalid_email', field: 'email', value: cell.email });
	}
	if (cell.website !== undefined) {
		const website = normaliseWebsite(cell.website);
		if (website) values.website = website;
		else problems.push({ code: 'invalid_website', value: cell.website });
	}
	if (cell.district !== undefined) {
		const known = districts.find((d) => normaliseName(d) === normaliseName(cell.district!));
		if (known) values.district = known;
		else if (districts.length === 0) values.district = cell.district;
		else problems.push({ code: 'unknown_district', value: cell.district });
	}
	readNumber(cell, 'employees', parseInteger, 0, 10_000_000, values, problems);
	readNumber(cell, 'latitude', parseDecimal, -90, 90, values, problems);
	readNumber(cell, 'longitude', parseDecimal, -180, 180, values, problems);
	readYear(cell, 'foundedYear', 1000, thisYear + 1, values, problems);
	readYear(cell, 'memberSince', 1900, thisYear + 1, values, problems);

	const coded = [
		['kind', kindValues.read],
		['status', statusValues.read],
		['valueChain', valueChainValues.read]
	] as const;
	for (const [field, read] of coded) {
		const value = cell[field];
		if (value === undefined) continue;
		const code = read(value);
		if (code) (values as Record<string, string>)[field] = code;
		else problems.push({ code: 'unknown_value', field, value });
	}
	if (cell.drivetrains !== undefined) {
		const list = splitList(cell.drivetrains);
		const codes = list.map((item) => drivetrainValues.read(item));
		const unknown = list.filter((_, i) => !codes[i]);
		if (unknown.length > 0)
			problems.push({ code: 'unknown_value', field: 'drivetrains', value: unknown.join(', ') });
		else values.drivetrains = [...new Set(codes as Drivetrain[])];
	}
	for (const field of ['products', 'certifications', 'keywords'] as const)
		if (cell[field] !== undefined) values[field] = splitList(cell[field]);
	if (cell.competencies !== undefined) values.competenceNames = splitList(cell.competencies);

	return { values, contact: readContact(cell, problems), problems };
}

function readNumber(
	cell: Partial<Record<ImportField, string>>,
	field: 'employees' | 'latitude' | 'longitude',
	parse: (text: string) => number | undefined,
	min: number,
	max: number,
	values: ProfileValues,
	problems: RowProblem[]
) {
	const text = cell[field];
	if (text === undefined) return;
	const value = parse(text);
	if (value === undefined) problems.push({ code: 'not_a_number', field, value: text });
	else if (value < min || value > max) problems.push({ code: 'out_of_range', field, value: text });
	else values[field] = value;
}

function readYear(
	cell: Partial<Record<ImportField, string>>,
	field: 'foundedYear' | 'memberSince',
	min: number,
	max: number,
	values: ProfileValues,
	problems: RowProblem[]
) {
	const text = cell[field];
	if (text === undefined) return;
	const value = parseYear(text);
	if (value === undefined) problems.push({ code: 'invalid_year', field, value: text });
	else if (value < min || value > max) problems.push({ code: 'out_of_range', field, value: text });
	else values[field] = value;
}

function readContact(
	cell: Partial<Record<ImportField, string>>,
	problems: RowProblem[]
): ContactValues | null {
	const contact: ContactValues = {};
	if (cell.contactFirstName) contact.firstName = cell.contactFirstName.slice(0, MAX_SHORT);
	if (cell.contactLastName) contact.lastName = cell.contactLastName.slice(0, MAX_SHORT);
	if (cell.contactPhone) contact.phone = cell.contactPhone.slice(0, MAX_SHORT);
	if (cell.contactJobTitle) contact.jobTitle = cell.contactJobTitle.slice(0, MAX_SHORT);
	if (cell.contactEmail !== undefined) {
		if (isEmail(cell.contactEmail)) contact.email = cell.contactEmail.toLowerCase();
		else problems.push({ code: 'invalid_email', field: 'contactEmail', value: cell.contactEmail });
	}
	if (cell.contactFunction !== undefined) {
		const code = contactFunctionValues.read(cell.contactFunction);
		if (code) contact.function = code;
		else problems.push({ code: 'unknown_value', field: 'contactFunction', value: cell.contactFunction });
	}
	if (Object.keys(contact).length === 0) return null;
	if (!contact.firstName && !contact.lastName) {
		problems.push({ code: 'contact_without_name' });
		return null;
	}
	return contact;
}
