import { listAttendees } from './queries.ts';

/** "Erika Muster" → "Muster"; one word is its own last name. */
export function lastName(name: string) {
	const words = name.trim().split(/\s+/);
	return words.at(-1) ?? '';
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/**
 * The printable sign-in sheet: everyone holding a seat, sorted by last name (then first names),
 * German collation (Ä with A).
 */
export async function signInSheet(networkId: string, eventId: string) {
	const seated = (await listAttendees(networkId, eventId)).filter((attendee) =>
		['registered', 'attended', 'no_show'].includes(attendee.status)
	);
	return seated
		.map(({ id, name, organisationName }) => ({ id, name, organisationName }))
		.sort((a, b) => collator.compare(lastName(a.name), lastName(b.name)) || collator.compare(a.name, b.name));
}
