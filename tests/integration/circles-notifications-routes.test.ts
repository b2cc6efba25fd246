import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { auditLog, circleMemberships } from '../../src/lib/server/db/schema/index.ts';
import {
	addToCircle,
	createCircle,
	createNetwork,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import {
	actions as circleActions,
	load as loadCirclePage
} from '../../src/routes/circles/[slug]/notifications/+page.server.ts';
import {
	actions as accountActions,
	load as loadAccountPage
} from '../../src/routes/(account)/account/notifications/+page.server.ts';
import { load as loadAccountLayout } from '../../src/routes/(account)/account/+layout.server.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
type Circle = Awaited<ReturnType<typeof createCircle>>;
let energy: Circle;
let mobility: Circle;
let foreign: Circle;
type Person = { actor: Actor; user: { id: string; email: string } };
const people: Record<string, Person> = {};

async function personFor(name: string, setup: (userId: string) => Promise<void>) {
	const row = await createUser(db, { name });
	await setup(row.id);
	people[name] = { actor: await loadActor(networkId, row), user: { id: row.id, email: row.email } };
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	const otherNetworkId = (await createNetwork(db)).id;
	energy = await createCircle(db, networkId, { nameDe: 'Energie', confidential: true });
	mobility = await createCircle(db, networkId, { nameDe: 'Mobilität' });
	foreign = await createCircle(db, otherNetworkId, { nameDe: 'Fremdes Netz' });
	await personFor('member', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToCircle(db, networkId, energy.id, id, 'member');
		await addToCircle(db, networkId, mobility.id, id, 'lead');
		await addToCircle(db, otherNetworkId, foreign.id, id, 'member');
	});
	await personFor('networkMember', async (id) => grantNetworkRole(db, networkId, id, 'member'));
	await personFor('office', async (id) => grantNetworkRole(db, networkId, id, 'office'));
	await personFor('noRole', async () => undefined);
	people.anonymous = { actor: anonymousActor(networkId), user: { id: '', email: '' } };
});

afterAll(async () => {
	await database?.close();
});

function request(name: string, path: string, params: Record<string, string>, form?: Record<string, string>) {
	const { actor, user } = people[name]!;
	const url = new URL(`http://knotenpunkt.test${path}`);
	const body = new FormData();
	for (const [key, value] of Object.entries(form ?? {})) body.append(key, value);
	return {
		params,
		url,
		request: new Request(url, form ? { method: 'POST', body } : undefined),
		locals: {
			actor,
			user: actor.userId ? { ...user, name: name, emailVerified: true, locale: 'de' } : null,
			locale: 'de',
			network: { id: networkId },
			origin: 'http://knotenpunkt.test',
			clientAddress: '127.0.0.1'
		}
	} as never;
}

async function status(run: () => Promise<unknown>) {
	try {
		await run();
		return 200;
	} catch (error) {
		return (error as { status: number }).status;
	}
}

async function modeOf(circle: Circle, name: string) {
	const [row] = await db
		.select({ mode: circleMemberships.notificationMode })
		.from(circleMemberships)
		.where(
			and(eq(circleMemberships.circleId, circle.id), eq(circleMemberships.userId, people[name]!.user.id))
		);
	return row?.mode ?? null;
}

const circlePath = (circle: Circle) => `/circles/${circle.slug}/notifications`;
const circleRequest = (name: string, circle: Circle, form?: Record<string, string>) =>
	request(name, circlePath(circle), { slug: circle.slug }, form);

describe("a circle's notification page", () => {
	it('is for the members of the circle only', async () => {
		expect(await loadCirclePage(circleRequest('member', energy))).toMatchObject({ mode: 'digest' });
		// The office may read the circle but has no preference there: not a member.
		expect(await status(() => loadCirclePage(circleRequest('office', energy)))).toBe(403);
		expect(await status(() => loadCirclePage(circleRequest('networkMember', mobility)))).toBe(403);
		expect(await status(() => loadCirclePage(circleRequest('anonymous', energy)))).toBe(303);
		// A circle of another network is unknown here.
		expect(await status(() => loadCirclePage(circleRequest('member', foreign)))).toBe(404);
		expect(
			await status(() => circleActions.default(circleRequest('networkMember', mobility, { mode: 'off' })))
		).toBe(403);
	});

	it('changes the preference, audits it and refuses values that are not a mode', async () => {
		const saved = await circleActions.default(circleRequest('member', energy, { mode: 'immediate' }));
		expect(saved).toEqual({ saved: true, mode: 'immediate' });
		expect(await modeOf(energy, 'member')).toBe('immediate');
		const audits = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'circle.notification_mode.changed'), eq(auditLog.targetId, energy.id)));
		expect(audits.map((row) => row.details)).toEqual([{ from: 'digest', to: 'immediate' }]);
		expect(audits[0]!.actorUserId).toBe(people.member!.user.id);

		const invalid = (await circleActions.default(circleRequest('member', energy, { mode: 'hourly' }))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(invalid.status).toBe(400);
		expect(invalid.data.errors.mode).toBeTruthy();
		expect(await modeOf(energy, 'member')).toBe('immediate');
	});
});

describe('the account page of circle notifications', () => {
	it('is listed in the account navigation for people in a circle or the network', async () => {
		const layout = (name: string) =>
			loadAccountLayout(request(name, '/account', {})) as { showNotifications: boolean };
		expect(layout('member').showNotifications).toBe(true);
		// Not in a circle, but told of matching cooperation profiles.
		expect(layout('networkMember').showNotifications).toBe(true);
		expect(layout('noRole').showNotifications).toBe(false);
	});

	it("lists the person's circles of this network and changes them with one form", async () => {
		const data = (await loadAccountPage(request('member', '/account/notifications', {}))) as {
			circles: { id: string; name: string; mode: string }[];
		};
		expect(data.circles.map((circle) => [circle.name, circle.mode])).toEqual([
			['Energie', 'immediate'],
			['Mobilität', 'digest']
		]);
		expect(await loadAccountPage(request('networkMember', '/account/notifications', {}))).toEqual({
			circles: []
		});
		expect(await status(() => loadAccountPage(request('anonymous', '/account/notifications', {})))).toBe(303);

		const result = await accountActions.default(
			request(
				'member',
				'/account/notifications',
				{},
				{
					[`mode-${energy.id}`]: 'off',
					[`mode-${mobility.id}`]: 'immediate',
					// Another network's circle, and one the person is not in: left alone.
					[`mode-${foreign.id}`]: 'off'
				}
			)
		);
		expect(result).toEqual({ saved: true });
		expect(await modeOf(energy, 'member')).toBe('off');
		expect(await modeOf(mobility, 'member')).toBe('immediate');
		expect(await modeOf(foreign, 'member')).toBe('digest');
	});

	it('changes nothing when one of the values is not a mode', async () => {
		const result = (await accountActions.default(
			request(
				'member',
				'/account/notifications',
				{},
				{ [`mode-${energy.id}`]: 'digest', [`mode-${mobility.id}`]: 'weekly' }
			)
		)) as { status: number; data: { errors: Record<string, string> } };
		expect(result.status).toBe(400);
		expect(Object.keys(result.data.errors)).toEqual([`mode-${mobility.id}`]);
		expect(await modeOf(energy, 'member')).toBe('off');
		expect(await modeOf(mobility, 'member')).toBe('immediate');
	});
});
