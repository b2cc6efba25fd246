/**
 * The profile fields a spreadsheet column can fill, and the headers (German and English) that
 * suggest them. The export writes `headers[field][0]` (German) or `[1]` (English), so every
 * exported file maps itself on import.
 */
export const importFields = [
	'name',
	'legalForm',
	'kind',
	'status',
	'shortDescriptionDe',
	'shortDescriptionEn',
	'longDescriptionDe',
	'longDescriptionEn',
	'website',
	'email',
	'phone',
	'street',
	'postalCode',
	'city',
	'district',
	'latitude',
	'longitude',
	'employees',
	'foundedYear',
	'memberSince',
	'valueChain',
	'drivetrains',
	'competencies',
	'keywords',
	'products',
	'certifications',
	'contactFirstName',
	'contactLastName',
	'contactEmail',
	'contactPhone',
	'contactJobTitle',
	'contactFunction'
] as const;
export type ImportField = (typeof importFields)[number];

/** Column index (as a string) → field, or null for "ignore this column". */
export type ColumnMapping = Record<string, ImportField | null>;

/** First entry German, second English: the export's headers. The rest are synonyms. */
export const fieldHeaders: Record<ImportField, readonly string[]> = {
	name: ['Name', 'Name', 'Firma', 'Unternehmen', 'Organisation', 'Firmenname', 'Company', 'Organization'],
	legalForm: ['Rechtsform', 'Legal form'],
	kind: ['Art', 'Kind', 'Organisationsart', 'Typ', 'Type'],
	status: ['Status', 'Status', 'Mitgliedsstatus', 'Membership status'],
	shortDescriptionDe: ['Kurzbeschreibung', 'Short description (German)', 'Kurzbeschreibung (de)'],
	shortDescriptionEn: ['Kurzbeschreibung (englisch)', 'Short description', 'Kurzbeschreibung (en)'],
	longDescriptionDe: ['Beschreibung', 'Description (German)', 'Beschreibung (de)', 'Profil'],
	longDescriptionEn: ['Beschreibung (englisch)', 'Description', 'Beschreibung (en)'],
	website: ['Webseite', 'Website', 'Homepage', 'Internet', 'Internetseite', 'Web', 'URL'],
	email: ['E-Mail', 'Email', 'Mail', 'E-Mail-Adresse', 'Email address'],
	phone: ['Telefon', 'Phone', 'Tel', 'Tel.', 'Telefonnummer', 'Telephone'],
	street: ['Straße', 'Street', 'Strasse', 'Adresse', 'Anschrift', 'Address', 'Straße und Hausnummer'],
	postalCode: ['PLZ', 'Postal code', 'Postleitzahl', 'ZIP', 'Postcode'],
	city: ['Ort', 'City', 'Stadt', 'Gemeinde', 'Town'],
	district: ['Kreis', 'District', 'Landkreis', 'Region', 'County'],
	latitude: ['Breitengrad', 'Latitude', 'Lat'],
	longitude: ['Längengrad', 'Longitude', 'Lon', 'Lng'],
	employees: ['Mitarbeiter', 'Employees', 'Beschäftigte', 'Mitarbeitende', 'Anzahl Mitarbeiter', 'Staff'],
	foundedYear: ['Gründungsjahr', 'Founded', 'Gegründet', 'Gründung', 'Year founded'],
	memberSince: ['Mitglied seit', 'Member since', 'Eintritt', 'Beitritt', 'Eintrittsdatum'],
	valueChain: ['Wertschöpfungsstufe', 'Value chain position', 'Wertschöpfungskette', 'Value chain'],
	drivetrains: ['Antriebsarten', 'Drivetrains', 'Antriebsart', 'Antriebe', 'Drivetrain'],
	competencies: ['Kompetenzen', 'Competencies', 'Kompetenz', 'Kernkompetenzen', 'Competences'],
	keywords: ['Schlagworte', 'Keywords', 'Stichworte', 'Schlagwörter', 'Tags'],
	products: ['Produkte', 'Products', 'Produkt'],
	certifications: ['Zertifizierungen', 'Certifications', 'Zertifikate', 'Zertifizierung'],
	contactFirstName: [
		'Ansprechpartner Vorname',
		'Contact first name',
		'Vorname',
		'First name',
		'Ansprechpartnerin Vorname'
	],
	contactLastName: [
		'Ansprechpartner Nachname',
		'Contact last name',
		'Nachname',
		'Last name',
		'Ansprechpartnerin Nachname',
		'Ansprechpartner'
	],
	contactEmail: ['Ansprechpartner E-Mail', 'Contact email', 'Ansprechpartner Email', 'Contact e-mail'],
	contactPhone: ['Ansprechpartner Telefon', 'Contact phone'],
	contactJobTitle: ['Ansprechpartner Funktion', 'Contact job title', 'Funktion', 'Position', 'Job title'],
	contactFunction: ['Ansprechpartner Bereich', 'Contact function', 'Bereich', 'Abteilung', 'Department']
};

/** Headers compared without case, spaces, hyphens, dots and parentheses: "E-Mail" = "email". */
export function headerKey(header: string) {
	return header
		.normalize('NFC')
		.toLocaleLowerCase('de')
		.replace(/ß/g, 'ss')
		.replace(/[\s\-_.:()/]+/g, '');
}

const byKey = new Map<string, ImportField>();
for (const field of importFields)
	for (const header of fieldHeaders[field])
		if (!byKey.has(headerKey(header))) byKey.set(headerKey(header), field);

/** A suggested mapping: each recognised header to its field, each field used at most once. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
	const mapping: ColumnMapping = {};
	const used = new Set<ImportField>();
	headers.forEach((header, index) => {
		const field = byKey.get(headerKey(header));
		if (field && !used.has(field)) {
			used.add(field);
			mapping[String(index)] = field;
		} else mapping[String(index)] = null;
	});
	return mapping;
}

/** A mapping from a form or the database, reduced to known fields, each used at most once. */
export function cleanMapping(raw: Record<string, unknown>, columnCount: number): ColumnMapping {
	const mapping: ColumnMapping = {};
	const used = new Set<string>();
	for (let index = 0; index < columnCount; index++) {
		const value = raw[String(index)];
		const field =
			typeof value === 'string' && (importFields as readonly string[]).includes(value) && !used.has(value)
				? (value as ImportField)
				: null;
		if (field) used.add(field);
		mapping[String(index)] = field;
	}
	return mapping;
}
