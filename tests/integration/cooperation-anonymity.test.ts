import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createCompetence,
	createNetwork,
	createOrganisation,
	createPerson,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createInterest, createProfile } from '../../src/lib/server/testing/cooperation-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { createApiToken } from '../../src/lib/server/api/mutations.ts';
import { listCooperationProfiles, showCooperationProfile } from '../../src/lib/server/api/endpoints.ts';
import type { ApiContext } from '../../src/lib/server/api/http.ts';
import { and, eq } from 'drizzle-orm';
import {
	cooperationAttachments,
	cooperationInterests,
	storedFiles
} from '../../src/lib/server/db/schema/index.ts';
import { load as listLoad } from '../../src/routes/cooperation/+page.server.ts';
import { load as detailLoad } from '../../src/routes/cooperation/[id]/+page.server.ts';

/**
 * An anonymous profile's owner never leaks before it accepts an expression of interest: not in
 * the list, the profile page, the search, the matches on another organisation's page, nor the
 * API — checked on everything the real route loads and endpoints return, for a visitor, a
 * signed-in outsider, members of other organisations and a partner. Its own people, the office
 * and the board know it; after an accepted interest exactly that organisation's people do.
 */
const origin = 'https://a.example';
const context = { ipAddress: '198.51.100.9', userAgent: 'vitest' };

type Network = Awaited<ReturnType<typeof createNetwork>>;
type Profile = Awaited<ReturnType<typeof createProfile>>;
type DetailData = Exclude<Awaited<ReturnType<typeof detailLoad>>, void>;

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let network: Network;
let secretOrg: Awaited<ReturnType<typeof createOrganisation>>;
let orgY: Awaited<ReturnType<typeof createOrganisation>>;
let anonymous: Profile;
let requestOfX: Profile;
const actors: Record<string, Actor> = {};
const tokens: Record<string, string> = {};
/** Everything that would name the owner. */
const secrets: string[] = [];
let clientCounter = 0;

beforeAll(async () => {
	database = await useFreshDatabase();
	const db = database.db;
	network = await createNetwork(db);
	const lightweight = await createCompetence(db, network.id, { slug: 'lightweight', nameDe: 'Leichtbau' });
	secretOrg = await createOrganisation(db, network.id, {
		name: 'Verborgene Leichtbau GmbH',
		slug: 'verborgene-leichtbau',
		website: 'https://verborgen-leichtbau.example',
		email: 'kontakt@verborgen-leichtbau.example',
		phone: '+49 541 999 0815',
		street: 'Geheimweg 7',
		employees: 120,
		district: 'Landkreis Osnabrück',
		city: 'Melle'
	});
	const contact = await createPerson(db, network.id, {
		organisationId: secretOrg.id,
		firstName: 'Gudrun',
		lastName: 'Heimlich',
		email: 'gudrun.heimlich@verborgen-leichtbau.example',
		directoryConsentAt: new Date()
	});
	const orgX = await createOrganisation(db, network.id, { name: 'Emsland Antriebe AG' });
	orgY = await createOrganisation(db, network.id, { name: 'Tecklenburger Prüftechnik GmbH' });
	const agency = await createOrganisation(db, network.id, {
		name: 'Wirtschaftsförderung',
		kind: 'support_agency'
	});

	const people: [
		string,
		'member' | 'partner' | 'office' | 'board' | null,
		string | null,
		'org_admin' | 'org_member'
	][] = [
		['ownerAdmin', 'member', secretOrg.id, 'org_admin'],
		['ownerMember', 'member', secretOrg.id, 'org_member'],
		['adminX', 'member', orgX.id, 'org_admin'],
		['memberX', 'member', orgX.id, 'org_member'],
		['memberY', 'member', orgY.id, 'org_member'],
		['partner', 'partner', agency.id, 'org_member'],
		['office', 'office', null, 'org_member'],
		['board', 'board', null, 'org_member'],
		['outsider', null, null, 'org_member']
	];
	const users: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
	for (const [who, role, organisationId, orgRole] of people) {
		users[who] = await createUser(db, {
			name:
				who === 'ownerAdmin'
					? 'Gudrun Heimlich'
					: who === 'ownerMember'
						? 'Waltraud Versteckt'
						: `Person ${who}`,
			email: who.startsWith('owner') ? `${who.toLowerCase()}@verborgen-leichtbau.example` : undefined
		});
		if (role) await grantNetworkRole(db, network.id, users[who]!.id, role);
		if (organisationId) await addToOrganisation(db, network.id, organisationId, users[who]!.id, orgRole);
		actors[who] = await loadActor(network.id, users[who]!);
	}
	actors.visitor = anonymousActor(network.id);
	const officeActor = actors.office!;
	for (const who of Object.keys(users))
		tokens[who] = (
			await createApiToken({
				actor: { ...officeActor, userId: users[who]!.id },
				networkId: network.id,
				name: who,
				context
			})
		).token;

	anonymous = await createProfile(db, network.id, secretOrg.id, {
		type: 'technology_offer',
		visibility: 'public_anonymous',
		title: 'Crashsichere Batteriegehäuse aus Faserverbund',
		summary: 'Wir bieten Gehäuse für Batteriemodule in Kleinserie.',
		descriptionDe: 'Leichtbau-Gehäuse aus CFK, crashgetestet.',
		createdBy: users.ownerAdmin!.id,
		competenceIds: [lightweight.id],
		drivetrains: ['bev']
	});
	// Another organisation's request, which the matching answers with the anonymous offer.
	requestOfX = await createProfile(db, network.id, orgX.id, {
		type: 'technology_request',
		visibility: 'members',
		title: 'Batteriegehäuse in Leichtbau gesucht',
		summary: 'Wir suchen crashsichere Gehäuse aus Faserverbund.',
		competenceIds: [lightweight.id],
		drivetrains: ['bev']
	});
	const [file] = await db
		.insert(storedFiles)
		.values({
			networkId: network.id,
			purpose: 'cooperation_attachment',
			contentType: 'application/pdf',
			byteSize: 4,
			sha256: 'x'.repeat(64),
			content: Buffer.from('%PDF')
		})
		.returning();
	await db.insert(cooperationAttachments).values({
		networkId: network.id,
		profileId: anonymous.id,
		fileId: file!.id,
		fileName: 'Datenblatt Verborgene Leichtbau.pdf',
		contentType: 'application/pdf',
		byteSize: 4
	});
	secrets.push(
		secretOrg.name,
		'Verborgene',
		secretOrg.slug,
		secretOrg.id,
		'verborgen-leichtbau.example',
		'999 0815',
		'Geheimweg',
		'Melle',
		contact.id,
		'Gudrun',
		'Heimlich',
		'Waltraud',
		'Versteckt',
		users.ownerAdmin!.id,
		users.ownerMember!.id
	);
});
afterAll(() => database.close());

function pageEvent(actor: Actor, path: string, params: Record<string, string> = {}) {
	const url = new URL(`${origin}${path}`);
	return {
		url,
		params,
		request: new Request(url),
		locals: { actor, network, locale: 'de' as const, origin },
		parent: async () => ({})
	} as never;
}

function api(path: string, token?: string) {
	const url = new URL(`http://knotenpunkt.test/api/v1${path}`);
	return {
		request: new Request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
		url,
		networkId: network.id,
		locale: 'de',
		clientAddress: `192.0.2.${++clientCounter % 250}`,
		requestId: 'req-test'
	} satisfies ApiContext;
}

/** Everything the list, the profile page, the search and the API give one person. */
async function everythingOf(who: string) {
	const actor = actors[who]!;
	const token = tokens[who];
	const list = (await listLoad(pageEvent(actor, '/cooperation'))) as { profiles: { id: string }[] };
	const search = (await listLoad(
		pageEvent(actor, `/cooperation?q=${encodeURIComponent('Verborgene Leichtbau')}`)
	)) as {
		profiles: { id: string }[];
	};
	const page = (await detailLoad(
		pageEvent(actor, `/cooperation/${anonymous.id}`, { id: anonymous.id })
	)) as DetailData;
	const apiList = await (
		await listCooperationProfiles(api('/cooperation-profiles?pageSize=100', token))
	).json();
	const apiSearch = await (
		await listCooperationProfiles(api('/cooperation-profiles?q=Verborgene', token))
	).json();
	const apiShow = await (
		await showCooperationProfile(api(`/cooperation-profiles/${anonymous.id}`, token), anonymous.id)
	).json();
	// The searches echo the query (the owner's name), so only their results are kept.
	return { list, search: search.profiles, page, apiList, apiSearch: apiSearch.data, apiShow };
}

function leaks(value: unknown): string[] {
	const text = JSON.stringify(value);
	return secrets.filter((secret) => text.includes(secret));
}

const anonymousOwner = {
	anonymous: true,
	kind: 'member_company',
	sizeClass: 'medium',
	district: 'Landkreis Osnabrück'
};

describe('an anonymous profile', () => {
	it('names nothing of its owner to visitors, outsiders, other members and partners', async () => {
		for (const who of ['visitor', 'outsider', 'adminX', 'memberX', 'memberY', 'partner']) {
			const seen = await everythingOf(who);
			expect(leaks(seen), who).toEqual([]);
			// It is listed and readable — anonymously, with kind, size class and district.
			expect(
				seen.list.profiles.map((c) => c.id),
				who
			).toContain(anonymous.id);
			expect(seen.page.owner, who).toEqual(anonymousOwner);
			expect(seen.apiShow.owner, who).toEqual(anonymousOwner);
			expect(seen.apiList.data.find((item: { id: string }) => item.id === anonymous.id).owner, who).toEqual(
				anonymousOwner
			);
			expect(seen.page.attachments, who).toEqual([]);
			// Searching for the owner's name finds nothing.
			expect(seen.search, who).toEqual([]);
			expect(seen.apiSearch, who).toEqual([]);
		}
	});

	it("stays anonymous among the matches on another organisation's profile page", async () => {
		const page = (await detailLoad(
			pageEvent(actors.adminX!, `/cooperation/${requestOfX.id}`, { id: requestOfX.id })
		)) as DetailData;
		const counter = page.matches!.profiles.find((match) => match.id === anonymous.id);
		expect(counter).toMatchObject({ title: anonymous.title, owner: anonymousOwner });
		expect(leaks(page)).toEqual([]);
	});

	it('is named to its own people, the office and the board, with its attachments', async () => {
		for (const who of ['ownerAdmin', 'ownerMember', 'office', 'board']) {
			const seen = await everythingOf(who);
			expect(seen.page.owner, who).toMatchObject({ anonymous: false, name: secretOrg.name });
			expect(seen.apiShow.owner, who).toMatchObject({
				anonymous: false,
				id: secretOrg.id,
				name: secretOrg.name
			});
			expect(
				seen.page.attachments.map((a) => a.fileName),
				who
			).toEqual(['Datenblatt Verborgene Leichtbau.pdf']);
			// Even they cannot find it by the owner's name: the search reads the profile's own words only.
			expect(seen.search, who).toEqual([]);
		}
	});

	it('is named exactly to the organisation whose interest the owner accepted', async () => {
		const db = database.db;
		// A pending interest reveals nothing.
		await createInterest(db, network.id, anonymous.id, orgY.id, actors.memberY!.userId);
		expect(leaks(await everythingOf('memberY'))).toEqual([]);
		// Accepting is the interests helper's use case; here only its outcome matters.
		await db
			.update(cooperationInterests)
			.set({ status: 'accepted', decidedAt: new Date() })
			.where(
				and(
					eq(cooperationInterests.profileId, anonymous.id),
					eq(cooperationInterests.organisationId, orgY.id)
				)
			);
		const revealed = await everythingOf('memberY');
		expect(revealed.page.owner).toMatchObject({ anonymous: false, name: secretOrg.name });
		expect(revealed.apiShow.owner).toMatchObject({ anonymous: false, name: secretOrg.name });
		expect(
			(revealed.list.profiles as unknown as { id: string; owner: { name?: string } }[]).find(
				(c) => c.id === anonymous.id
			)!.owner.name
		).toBe(secretOrg.name);
		expect(revealed.page.attachments).toHaveLength(1);
		for (const who of ['visitor', 'outsider', 'adminX', 'memberX', 'partner']) {
			const seen = await everythingOf(who);
			expect(leaks(seen), who).toEqual([]);
			expect(seen.page.owner, who).toEqual(anonymousOwner);
		}
	});

	it('is named after an interest created as accepted, to that organisation only', async () => {
		const db = database.db;
		const other = await createProfile(db, network.id, secretOrg.id, {
			visibility: 'public_anonymous',
			title: 'Zweites anonymes Profil'
		});
		await createInterest(db, network.id, other.id, orgY.id, actors.memberY!.userId, { status: 'accepted' });
		const page = async (who: string) =>
			(await detailLoad(pageEvent(actors[who]!, `/cooperation/${other.id}`, { id: other.id }))) as DetailData;
		expect((await page('memberY')).owner).toMatchObject({ anonymous: false, name: secretOrg.name });
		expect(leaks(await page('memberX'))).toEqual([]);
		expect(leaks(await page('visitor'))).toEqual([]);
	});
});
