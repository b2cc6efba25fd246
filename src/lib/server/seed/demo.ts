import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { circles, legalPages, networks, organisations, people } from '../db/schema/index.ts';
import { refreshSearchDocuments } from '../directory/mutations.ts';
import { isUniqueViolation } from '../errors.ts';
import { addToCircle, addToOrganisation, createUser, grantNetworkRole } from '../testing/factories.ts';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts.ts';
import { organisationSlug } from '../../text/slug.ts';
import { createContactGenerator, type ContactKind } from './demo-contacts.ts';
import {
	createConsentGenerator,
	insertOrganisationCompetencies,
	insertTaxonomy,
	profileColumns
} from './demo-directory.ts';
import { demoLegalPages } from './demo-legal.ts';
import { demoRegionOutlines } from './demo-region.ts';
import type { DemoMember, District } from './demo-member-types.ts';
import { demoCircles, demoNetwork, demoPartners } from './demo-network.ts';
import { insertDemoEvents } from './demo-events.ts';
import { insertDemoCircles } from './demo-circles.ts';
import { insertDemoCooperation } from './demo-cooperation.ts';
import { membersKreisSteinfurt } from './members-kreis-steinfurt.ts';
import { membersLandkreisOsnabrueck } from './members-landkreis-osnabrueck.ts';
import { membersStadtOsnabrueck } from './members-stadt-osnabrueck.ts';

export { DEMO_PASSWORD, demoAccounts } from './demo-accounts.ts';

export type DemoSeedSummary = {
	network: string;
	members: number;
	partners: number;
	employees: number;
	circles: number;
	people: number;
	accounts: number;
	competencies: number;
	organisationCompetencies: number;
	events: number;
	circleMembers: number;
	circleDocuments: number;
	circlePosts: number;
	cooperationProfiles: number;
	cooperationInterests: number;
	/** Set when another instance seeded the same database first. */
	skipped?: boolean;
	ms: number;
};

const CONTACT_SEED = 2015;

const membersByDistrict: [District, DemoMember[]][] = [
	['Stadt Osnabrück', membersStadtOsnabrueck],
	['Landkreis Osnabrück', membersLandkreisOsnabrueck],
	['Kreis Steinfurt', membersKreisSteinfurt]
];

function memberRows(networkId: string) {
	return membersByDistrict.flatMap(([district, members]) =>
		members.map((member) => ({
			networkId,
			name: member.name,
			slug: organisationSlug(member.name, member.legalForm),
			kind: member.kind,
			status: 'member' as const,
			legalForm: member.legalForm,
			shortDescriptionDe: member.de,
			shortDescriptionEn: member.en,
			website: `https://${member.domain}.example`,
			email: `info@${member.domain}.example`,
			street: member.street,
			postalCode: member.postalCode,
			city: member.city,
			district,
			employees: member.employees,
			foundedYear: member.foundedYear,
			memberSince: member.memberSince,
			...profileColumns(member.name)
		}))
	);
}

function contactKindOf(kind: string): ContactKind {
	if (kind === 'research') return 'research';
	if (kind === 'support_agency' || kind === 'state_agency') return 'agency';
	return 'company';
}

/**
 * Seeds the demo network into an empty database in one transaction: the network with its region's
 * outlines, its partner agencies, four expert circles, the competence taxonomy, 55 fictional
 * members with directory profiles and contacts, legal pages, one demo account per role and
 * events with registrations. Deterministic: the same data on every start (events dated from `now`).
 */
export async function seedDemoData(db: Database, options: { now?: Date } = {}): Promise<DemoSeedSummary> {
	const started = performance.now();
	// Hashing is deliberately slow; one hash serves all demo accounts.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	try {
		const counts = await db.transaction((tx) =>
			// A transaction offers the same query API; the factories are typed against the database.
			insertDemoData(tx as unknown as Database, passwordHash, options.now ?? new Date())
		);
		return { ...counts, ms: Math.round(performance.now() - started) };
	} catch (error) {
		// Several instances starting against one empty PostgreSQL: the first one seeds.
		if (!isUniqueViolation(error)) throw error;
		const [existing] = await db
			.select({ id: networks.id })
			.from(networks)
			.where(eq(networks.slug, demoNetwork.slug));
		if (!existing) throw error;
		const ms = Math.round(performance.now() - started);
		return {
			network: demoNetwork.slug,
			members: 0,
			partners: 0,
			employees: 0,
			circles: 0,
			people: 0,
			accounts: 0,
			competencies: 0,
			organisationCompetencies: 0,
			events: 0,
			circleMembers: 0,
			circleDocuments: 0,
			circlePosts: 0,
			cooperationProfiles: 0,
			cooperationInterests: 0,
			skipped: true,
			ms
		};
	}
}

async function insertDemoData(db: Database, passwordHash: string, now: Date) {
	const [network] = await db
		.insert(networks)
		.values({
			...demoNetwork,
			settings: { ...demoNetwork.settings, region: { outlines: demoRegionOutlines } }
		})
		.returning({ id: networks.id });
	const networkId = network!.id;

	const partnerRows = demoPartners.map((partner) => ({
		networkId,
		name: partner.name,
		slug: organisationSlug(partner.name, partner.legalForm),
		kind: partner.kind,
		status: partner.status,
		legalForm: partner.legalForm,
		shortDescriptionDe: partner.shortDescriptionDe,
		shortDescriptionEn: partner.shortDescriptionEn,
		city: partner.city,
		district: partner.district,
		...profileColumns(partner.name)
	}));
	const members = memberRows(networkId);
	const insertedOrganisations = await db
		.insert(organisations)
		.values([...partnerRows, ...members])
		.returning({ id: organisations.id, name: organisations.name, kind: organisations.kind });
	const organisationIdByName = new Map(insertedOrganisations.map((o) => [o.name, o.id]));

	const competenceIdByPath = await insertTaxonomy(db, networkId);
	const linkedCompetencies = await insertOrganisationCompetencies(
		db,
		networkId,
		insertedOrganisations,
		competenceIdByPath
	);

	const insertedCircles = await db
		.insert(circles)
		.values(demoCircles.map((circle) => ({ ...circle, networkId })))
		.returning({ id: circles.id, slug: circles.slug });
	const circleIdBySlug = new Map(insertedCircles.map((c) => [c.slug, c.id]));

	const domainByName = new Map<string, string>([
		...demoPartners.map((p) => [p.name, p.domain] as const),
		...membersByDistrict.flatMap(([, list]) => list.map((m) => [m.name, m.domain] as const))
	]);
	const contactsFor = createContactGenerator(CONTACT_SEED);
	const consentOf = createConsentGenerator();
	const contactRows = insertedOrganisations.flatMap((organisation) =>
		contactsFor(domainByName.get(organisation.name)!, contactKindOf(organisation.kind)).map((contact) => ({
			...contact,
			networkId,
			organisationId: organisation.id,
			directoryConsentAt: consentOf()
		}))
	);
	await db.insert(people).values(contactRows);

	await db.insert(legalPages).values(demoLegalPages.map((page) => ({ ...page, networkId })));

	for (const demo of demoAccounts) {
		const account = await createUser(db, {
			email: demo.email,
			name: `${demo.firstName} ${demo.lastName}`,
			emailVerified: true,
			locale: 'de',
			passwordHash
		});
		const organisationId = demo.organisation ? organisationIdByName.get(demo.organisation.name) : undefined;
		if (demo.organisation && !organisationId)
			throw new Error(`Demo organisation missing: ${demo.organisation.name}`);
		await db.insert(people).values({
			networkId,
			userId: account.id,
			organisationId: organisationId ?? null,
			firstName: demo.firstName,
			lastName: demo.lastName,
			email: demo.email,
			jobTitle: demo.jobTitle,
			contactFunction: demo.contactFunction ?? null
		});
		for (const role of demo.networkRoles) await grantNetworkRole(db, networkId, account.id, role);
		if (demo.organisation && organisationId)
			await addToOrganisation(db, networkId, organisationId, account.id, demo.organisation.role);
		for (const membership of demo.circles) {
			const circleId = circleIdBySlug.get(membership.slug);
			if (!circleId) throw new Error(`Demo circle missing: ${membership.slug}`);
			await addToCircle(db, networkId, circleId, account.id, membership.role);
		}
	}

	// Events are dated relative to the seed day, so the demo always has a past and a future.
	const eventCount = await insertDemoEvents(db, networkId, now);
	// The circles' workspaces build on the events: their meetings are circle sessions.
	const circleCounts = await insertDemoCircles(db, networkId, now);

	// Last, once everything a search document draws on is in place.
	await refreshSearchDocuments(networkId, undefined, db);
	// The cooperation exchange matches against the finished directory and names an upcoming event.
	const cooperation = await insertDemoCooperation(db, networkId, now);

	return {
		network: demoNetwork.slug,
		members: members.length,
		partners: partnerRows.length,
		employees: members.reduce((sum, member) => sum + member.employees, 0),
		circles: insertedCircles.length,
		people: contactRows.length + demoAccounts.length,
		accounts: demoAccounts.length,
		competencies: competenceIdByPath.size,
		organisationCompetencies: linkedCompetencies,
		events: eventCount + circleCounts.events,
		circleMembers: circleCounts.circleMembers,
		circleDocuments: circleCounts.circleDocuments,
		circlePosts: circleCounts.circlePosts,
		cooperationProfiles: cooperation.cooperationProfiles,
		cooperationInterests: cooperation.cooperationInterests
	};
}

let printed = false;

/** Prints the demo sign-ins once per process, so a newcomer can log in right away. */
export function printDemoAccounts() {
	if (printed) return;
	printed = true;
	const emailWidth = Math.max(...demoAccounts.map((a) => a.email.length));
	const lines = [
		'',
		'Knotenpunkt demo data — fictional members and people; do not use in production (DEMO_DATA=false).',
		`All demo accounts use the password: ${DEMO_PASSWORD}`,
		'',
		`  ${'E-Mail'.padEnd(emailWidth)}  Rolle (role)`,
		...demoAccounts.map((a) => `  ${a.email.padEnd(emailWidth)}  ${a.role}`),
		''
	];
	console.log(lines.join('\n'));
}
