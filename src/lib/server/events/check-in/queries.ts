import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { eventRegistrations } from '../../db/schema/index.ts';
import type { RegistrationStatus } from '../../../events/vocabulary.ts';

/** Who can be at the door: seat holders and those who could be turned away with a reason. */
const doorStatuses: RegistrationStatus[] = ['registered', 'attended', 'no_show', 'waitlisted'];

/** The narrow row the check-in page sends to the phone: a few hundred of these must stay small. */
export type DoorEntry = {
	id: string;
	name: string;
	organisationName: string;
	status: RegistrationStatus;
	checkedInAt: Date | null;
};

/** Everyone on the door list, by name (the page filters it as the door staff types). */
export async function doorList(networkId: string, eventId: string): Promise<DoorEntry[]> {
	const r = eventRegistrations;
	return (await db())
		.select({
			id: r.id,
			name: r.name,
			organisationName: r.organisationName,
			status: r.status,
			checkedInAt: r.checkedInAt
		})
		.from(r)
		.where(and(eq(r.networkId, networkId), eq(r.eventId, eventId), inArray(r.status, doorStatuses)))
		.orderBy(asc(sql`lower(${r.name})`), asc(r.seq));
}

/** "attended n / registered m": m counts every seat holder (registered, attended, no-show). */
export async function doorCounter(networkId: string, eventId: string) {
	const r = eventRegistrations;
	const [row] = await (
		await db()
	)
		.select({
			attended: sql<number>`count(*) filter (where ${r.status} = 'attended')::int`,
			seated: sql<number>`count(*) filter (where ${r.status} in ('registered', 'attended', 'no_show'))::int`
		})
		.from(r)
		.where(and(eq(r.networkId, networkId), eq(r.eventId, eventId)));
	return { attended: Number(row?.attended ?? 0), registered: Number(row?.seated ?? 0) };
}
