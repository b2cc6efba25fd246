import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { circles, organisations } from '../db/schema/index.ts';
import type { Actor } from '../policy/actor.ts';

/** What the members' start page shows one person: their organisations and the circles. */
export async function findStartPage(actor: Actor) {
	const database = await db();
	const organisationIds = actor.organisations.map((o) => o.organisationId);
	const [ownOrganisations, allCircles] = await Promise.all([
		organisationIds.length
			? database
					.select({ id: organisations.id, name: organisations.name, city: organisations.city })
					.from(organisations)
					.where(
						and(eq(organisations.networkId, actor.networkId), inArray(organisations.id, organisationIds))
					)
					.orderBy(asc(organisations.name))
			: Promise.resolve([]),
		database
			.select({
				id: circles.id,
				nameDe: circles.nameDe,
				nameEn: circles.nameEn,
				descriptionDe: circles.descriptionDe,
				descriptionEn: circles.descriptionEn
			})
			.from(circles)
			.where(eq(circles.networkId, actor.networkId))
			.orderBy(asc(circles.nameDe))
	]);
	const roleIn = new Map(actor.circles.map((c) => [c.circleId, c.role]));
	const orgRole = new Map(actor.organisations.map((o) => [o.organisationId, o.role]));
	return {
		organisations: ownOrganisations.map((o) => ({ ...o, role: orgRole.get(o.id)! })),
		circles: allCircles.map((c) => ({ ...c, role: roleIn.get(c.id) ?? null }))
	};
}
