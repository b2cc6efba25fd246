import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createNetwork,
	createOrganisation,
	createPerson,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { load } from '../../src/routes/(members)/organisations/[id]/team/+page.server.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

/**
 * The team page's load, called as SvelteKit calls it: the policy decides before any read, and an
 * organisation that is not the viewer's answers 403/404, never data.
 */
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let ownId: string;
let otherId: string;
let foreignId: string;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	const otherNetworkId = (await createNetwork(db)).id;
	ownId = (await createOrganisation(db, networkId, { name: 'Eigene Teile GmbH' })).id;
	otherId = (await createOrganisation(db, networkId, { name: 'Fremde Teile GmbH' })).id;
	foreignId = (await createOrganisation(db, otherNetworkId, { name: 'Anderes Netz GmbH' })).id;
	await createPerson(db, networkId, { organisationId: ownId, firstName: 'Olaf', lastName: 'Eigen' });
	await createPerson(db, networkId, { organisationId: otherId, firstName: 'Frida', lastName: 'Geheim' });
	const make = async (key: string, setup: (userId: string) => Promise<void>) => {
		const u = await createUser(db, { email: `${key}@team.test` });
		await setup(u.id);
		actors[key] = await loadActor(networkId, u);
	};
	await make('admin', (id) => addToOrganisation(db, networkId, ownId, id, 'org_admin'));
	await make('member', (id) => addToOrganisation(db, networkId, ownId, id, 'org_member'));
	await make('office', (id) => grantNetworkRole(db, networkId, id, 'office'));
	await make('board', (id) => grantNetworkRole(db, networkId, id, 'board'));
	await make('partner', (id) => grantNetworkRole(db, networkId, id, 'partner'));
});
afterAll(() => database.close());

function event(actor: Actor, id: string) {
	const url = new URL(`http://kp.test/organisations/${id}/team`);
	return {
		params: { id },
		url,
		locals: { actor, network: { id: networkId, name: 'Testnetz' } },
		setHeaders: () => undefined
	} as unknown as Parameters<typeof load>[0];
}

async function outcome(actor: Actor, id: string) {
	try {
		const data = await load(event(actor, id));
		return { status: 200, data };
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status, data: null };
		if (isRedirect(thrown)) return { status: thrown.status, data: null, location: thrown.location };
		throw thrown;
	}
}

describe('/organisations/[id]/team', () => {
	it('shows its own organisation to its admin (with the invite form) and its member (without)', async () => {
		const admin = await outcome(actors.admin!, ownId);
		expect(admin.status).toBe(200);
		expect(admin.data!.organisation.name).toBe('Eigene Teile GmbH');
		expect(admin.data!.people.map((p) => p.lastName)).toEqual(['Eigen']);
		expect(admin.data!.canInvite).toBe(true);
		const member = await outcome(actors.member!, ownId);
		expect(member.status).toBe(200);
		expect(member.data!.canInvite).toBe(false);
	});

	it("answers 403 for another organisation's id, never its data", async () => {
		for (const key of ['admin', 'member', 'partner']) {
			const result = await outcome(actors[key]!, otherId);
			expect(result.status, key).toBe(403);
			expect(result.data).toBeNull();
		}
	});

	it('office and board read every organisation of the network; another network answers 403/404', async () => {
		expect((await outcome(actors.office!, otherId)).data!.people.map((p) => p.lastName)).toEqual(['Geheim']);
		expect((await outcome(actors.board!, otherId)).data!.canInvite).toBe(false);
		expect((await outcome(actors.office!, foreignId)).status).toBe(404);
		expect((await outcome(actors.admin!, foreignId)).status).toBe(403);
		expect((await outcome(actors.office!, 'not-a-uuid')).status).toBe(404);
	});

	it('sends anonymous visitors to sign in', async () => {
		const result = await outcome(anonymousActor(networkId), ownId);
		expect(result.status).toBe(303);
		expect(result.location).toBe(`/sign-in?next=${encodeURIComponent(`/organisations/${ownId}/team`)}`);
	});
});
