import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createNetwork,
	createOrganisation,
	createPerson,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { auditLog, people } from '../../src/lib/server/db/schema/index.ts';
import {
	actions as accountActions,
	load as accountLoad
} from '../../src/routes/(account)/account/+page.server.ts';
import {
	actions as teamActions,
	load as teamLoad
} from '../../src/routes/(members)/organisations/[id]/team/+page.server.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

/** Consent is the person's own; the org admin and the office set only the contact's function. */
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let network: { id: string; name: string };
let ownId: string;
let otherId: string;
const actors: Record<string, Actor> = {};
const personOf: Record<string, string> = {};
let strangerId: string;

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	const row = await createNetwork(db);
	network = { id: row.id, name: row.name };
	ownId = (await createOrganisation(db, network.id, { name: 'Kontakt GmbH' })).id;
	otherId = (await createOrganisation(db, network.id, { name: 'Andere GmbH' })).id;
	strangerId = (await createPerson(db, network.id, { organisationId: otherId, firstName: 'Fremd' })).id;
	const make = async (key: string, setup: (userId: string) => Promise<void>) => {
		const u = await createUser(db, { email: `${key}@contacts.test`, name: key });
		await setup(u.id);
		actors[key] = await loadActor(network.id, u);
		personOf[key] = (
			await createPerson(db, network.id, {
				userId: u.id,
				organisationId: ownId,
				firstName: key,
				lastName: 'Muster'
			})
		).id;
	};
	await make('admin', (id) => addToOrganisation(db, network.id, ownId, id, 'org_admin'));
	await make('member', (id) => addToOrganisation(db, network.id, ownId, id, 'org_member'));
	const office = await createUser(db, { email: 'office@contacts.test' });
	await grantNetworkRole(db, network.id, office.id, 'office');
	actors.office = await loadActor(network.id, office);
});
afterAll(() => database.close());

function event(
	actor: Actor,
	path: string,
	fields?: Record<string, string>,
	params: Record<string, string> = {}
) {
	const url = new URL(`http://kp.test${path}`);
	let body: FormData | undefined;
	if (fields) {
		body = new FormData();
		for (const [key, value] of Object.entries(fields)) body.append(key, value);
	}
	const user = { id: actor.userId, email: actor.email, name: actor.name };
	return {
		url,
		params,
		request: new Request(url, { method: body ? 'POST' : 'GET', body }),
		locals: { actor, user, network, locale: 'de', clientAddress: '127.0.0.1' },
		cookies: { set: () => undefined }
	} as never;
}

async function status(run: () => Promise<unknown>) {
	try {
		const result = await run();
		return isActionFailure(result) ? result.status : 200;
	} catch (thrown) {
		if (isHttpError(thrown)) return thrown.status;
		throw thrown;
	}
}

const person = async (id: string) => (await db.select().from(people).where(eq(people.id, id)))[0]!;

describe('directory consent on the account page', () => {
	it('shows the organisation and lets the person give and withdraw consent, audited', async () => {
		const before = await accountLoad(event(actors.member!, '/account'));
		expect(before.contact).toEqual({ organisationName: 'Kontakt GmbH', consentAt: null });
		const given = await accountActions.directoryConsent(
			event(actors.member!, '/account?/directoryConsent', { consent: 'give' })
		);
		expect(given).toEqual({
			consentSaved: 'Sie werden jetzt im Mitgliederverzeichnis als Ansprechperson gezeigt.'
		});
		expect((await person(personOf.member!)).directoryConsentAt).toBeInstanceOf(Date);
		await accountActions.directoryConsent(
			event(actors.member!, '/account?/directoryConsent', { consent: 'withdraw' })
		);
		expect((await person(personOf.member!)).directoryConsentAt).toBeNull();
		const entries = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.targetId, personOf.member!), eq(auditLog.actorUserId, actors.member!.userId!)));
		expect(entries.map((e) => e.action).sort()).toEqual([
			'person.directory_consent_given',
			'person.directory_consent_withdrawn'
		]);
	});

	it('changes only the signed-in person’s own consent', async () => {
		await accountActions.directoryConsent(
			event(actors.admin!, '/account?/directoryConsent', { consent: 'give' })
		);
		expect((await person(personOf.admin!)).directoryConsentAt).not.toBeNull();
		expect((await person(personOf.member!)).directoryConsentAt).toBeNull();
		expect((await person(strangerId)).directoryConsentAt).toBeNull();
	});
});

describe('contact functions on the team page', () => {
	const setFunction = (actor: string, organisationId: string, fields: Record<string, string>) =>
		teamActions.setContactFunction(
			event(actors[actor]!, `/organisations/${organisationId}/team?/setContactFunction`, fields, {
				id: organisationId
			})
		);

	it('lets the org admin set a colleague’s function, without touching their consent', async () => {
		const result = await setFunction('admin', ownId, {
			personId: personOf.member!,
			contactFunction: 'sales'
		});
		expect(result).toEqual({ success: 'Die Funktion von member Muster wurde gespeichert.' });
		expect(await person(personOf.member!)).toMatchObject({
			contactFunction: 'sales',
			directoryConsentAt: null
		});
		const page = await teamLoad(
			event(actors.admin!, `/organisations/${ownId}/team`, undefined, { id: ownId })
		);
		expect(page.canEditProfile).toBe(true);
		expect(page.contacts.find((c) => c.id === personOf.member)).toMatchObject({
			contactFunction: 'sales',
			hasConsented: false
		});
	});

	it('refuses members, and people of another organisation; the office may set any', async () => {
		expect(
			await status(() => setFunction('member', ownId, { personId: personOf.admin!, contactFunction: 'hr' }))
		).toBe(403);
		expect(
			await status(() => setFunction('admin', otherId, { personId: strangerId, contactFunction: 'hr' }))
		).toBe(403);
		expect(
			await status(() => setFunction('admin', ownId, { personId: strangerId, contactFunction: 'hr' }))
		).toBe(404);
		expect((await person(strangerId)).contactFunction).toBeNull();
		expect(
			await status(() => setFunction('office', otherId, { personId: strangerId, contactFunction: 'hr' }))
		).toBe(200);
		expect((await person(strangerId)).contactFunction).toBe('hr');
		expect(
			await status(() => setFunction('admin', ownId, { personId: personOf.member!, contactFunction: 'boss' }))
		).toBe(400);
		const member = await teamLoad(
			event(actors.member!, `/organisations/${ownId}/team`, undefined, { id: ownId })
		);
		expect(member.canEditProfile).toBe(false);
		expect(member.contacts).toEqual([]);
	});
});
