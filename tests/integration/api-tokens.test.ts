import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { apiTokens, auditLog } from '../../src/lib/server/db/schema/index.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { createApiToken, revokeApiToken } from '../../src/lib/server/api/mutations.ts';
import { listApiTokens } from '../../src/lib/server/api/queries.ts';
import { authenticateApiRequest } from '../../src/lib/server/api/authenticate.ts';
import { hashApiToken } from '../../src/lib/server/api/tokens.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let networkA: { id: string };
let networkB: { id: string };
let office: Awaited<ReturnType<typeof loadActor>> & { userId: string };
let organisationId: string;
const context = { ipAddress: '203.0.113.7', userAgent: 'vitest' };

beforeAll(async () => {
	database = await useFreshDatabase();
	const db = database.db;
	networkA = await createNetwork(db);
	networkB = await createNetwork(db);
	const user = await createUser(db, { name: 'Olga Office', email: 'olga@example.test' });
	await grantNetworkRole(db, networkA.id, user.id, 'office');
	await grantNetworkRole(db, networkA.id, user.id, 'member');
	const organisation = await createOrganisation(db, networkA.id);
	organisationId = organisation.id;
	await addToOrganisation(db, networkA.id, organisation.id, user.id, 'org_admin');
	office = { ...(await loadActor(networkA.id, user)), userId: user.id };
});
afterAll(() => database.close());

const bearer = (token: string) => `Bearer ${token}`;

describe('createApiToken', () => {
	it('returns the plain token once and stores only its sha256 hash and a prefix', async () => {
		const created = await createApiToken({
			actor: office,
			networkId: networkA.id,
			name: 'Website export',
			context
		});
		expect(created.token).toMatch(/^kp_/);
		expect(created.prefix).toBe(created.token.slice(0, 11));

		const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
		expect(row!.tokenHash).toBe(hashApiToken(created.token));
		expect(row!.networkId).toBe(networkA.id);
		expect(row!.userId).toBe(office.userId);
		// Nowhere in the table, nor in the audit log, does the plain token appear.
		const tableText = await database.db.execute(
			sql`select count(*)::int as n from api_tokens t where t::text like ${'%' + created.token.slice(3) + '%'}`
		);
		expect((tableText as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
		const auditText = await database.db.execute(
			sql`select count(*)::int as n from audit_log a where a::text like ${'%' + created.token.slice(3) + '%'}`
		);
		expect((auditText as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
	});

	it('records who created which token, from where', async () => {
		const created = await createApiToken({
			actor: office,
			networkId: networkA.id,
			name: 'CRM sync',
			context
		});
		const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
		expect(entry).toMatchObject({
			networkId: networkA.id,
			actorUserId: office.userId,
			actorEmail: 'olga@example.test',
			action: 'api_token.create',
			targetType: 'api_token',
			ipAddress: '203.0.113.7',
			userAgent: 'vitest',
			details: { name: 'CRM sync', prefix: created.prefix }
		});
	});
});

describe('authenticateApiRequest', () => {
	it('turns a valid token into its user as actor, with the roles in the token network', async () => {
		const created = await createApiToken({ actor: office, networkId: networkA.id, name: 'Actor', context });
		const result = await authenticateApiRequest(networkA.id, bearer(created.token));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.tokenId).toBe(created.id);
		expect(result.actor).toMatchObject({
			networkId: networkA.id,
			userId: office.userId,
			email: 'olga@example.test',
			viaApiToken: true,
			organisations: [{ organisationId, role: 'org_admin' }]
		});
		expect([...result.actor.networkRoles].sort()).toEqual(['member', 'office']);
	});

	it('is anonymous without a header and refuses malformed or unknown tokens', async () => {
		const anonymous = await authenticateApiRequest(networkA.id, null);
		expect(anonymous).toMatchObject({ ok: true, tokenId: null, actor: { userId: null, networkRoles: [] } });
		expect(await authenticateApiRequest(networkA.id, 'Bearer nope')).toEqual({
			ok: false,
			reason: 'MALFORMED'
		});
		const unknown = `kp_${'A'.repeat(43)}`;
		expect(await authenticateApiRequest(networkA.id, bearer(unknown))).toEqual({
			ok: false,
			reason: 'UNKNOWN_TOKEN'
		});
	});

	it('refuses a token of network A on network B', async () => {
		const created = await createApiToken({ actor: office, networkId: networkA.id, name: 'Scoped', context });
		expect(await authenticateApiRequest(networkB.id, bearer(created.token))).toEqual({
			ok: false,
			reason: 'UNKNOWN_TOKEN'
		});
		expect((await authenticateApiRequest(networkA.id, bearer(created.token))).ok).toBe(true);
	});

	it('writes last_used_at on first use and then at most once a minute', async () => {
		const created = await createApiToken({ actor: office, networkId: networkA.id, name: 'Usage', context });
		const lastUsed = async () =>
			(
				await database.db
					.select({ at: apiTokens.lastUsedAt })
					.from(apiTokens)
					.where(eq(apiTokens.id, created.id))
			)[0]!.at;
		expect(await lastUsed()).toBeNull();

		await authenticateApiRequest(networkA.id, bearer(created.token));
		const first = await lastUsed();
		expect(first).toBeInstanceOf(Date);

		await authenticateApiRequest(networkA.id, bearer(created.token));
		expect((await lastUsed())!.getTime()).toBe(first!.getTime());

		// Two minutes later the next request records the use again.
		await database.db
			.update(apiTokens)
			.set({ lastUsedAt: sql`now() - interval '2 minutes'` })
			.where(eq(apiTokens.id, created.id));
		const aged = await lastUsed();
		await authenticateApiRequest(networkA.id, bearer(created.token));
		expect((await lastUsed())!.getTime()).toBeGreaterThan(aged!.getTime());
	});
});

describe('revokeApiToken', () => {
	it('revokes a token, which then no longer authenticates, and audits it', async () => {
		const created = await createApiToken({
			actor: office,
			networkId: networkA.id,
			name: 'To revoke',
			context
		});
		expect((await authenticateApiRequest(networkA.id, bearer(created.token))).ok).toBe(true);

		const result = await revokeApiToken({
			actor: office,
			networkId: networkA.id,
			tokenId: created.id,
			context
		});
		expect(result).toEqual({ ok: true, name: 'To revoke' });
		expect(await authenticateApiRequest(networkA.id, bearer(created.token))).toEqual({
			ok: false,
			reason: 'UNKNOWN_TOKEN'
		});
		const entries = await database.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
		expect(entries.map((e) => e.action).sort()).toEqual(['api_token.create', 'api_token.revoke']);

		expect(
			await revokeApiToken({ actor: office, networkId: networkA.id, tokenId: created.id, context })
		).toEqual({
			ok: false,
			reason: 'ALREADY_REVOKED'
		});
	});

	it("does not find another network's token", async () => {
		const created = await createApiToken({ actor: office, networkId: networkA.id, name: 'Foreign', context });
		const result = await revokeApiToken({
			actor: { ...office, networkId: networkB.id },
			networkId: networkB.id,
			tokenId: created.id,
			context
		});
		expect(result).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect((await authenticateApiRequest(networkA.id, bearer(created.token))).ok).toBe(true);
		const unknownId = '00000000-0000-4000-8000-000000000000';
		expect(
			await revokeApiToken({ actor: office, networkId: networkA.id, tokenId: unknownId, context })
		).toEqual({
			ok: false,
			reason: 'NOT_FOUND'
		});
	});
});

describe('listApiTokens', () => {
	it("lists the network's tokens with creator and state, never a hash, and nothing of other networks", async () => {
		const inB = await createUser(database.db);
		await grantNetworkRole(database.db, networkB.id, inB.id, 'office');
		const actorB = { ...(await loadActor(networkB.id, inB)), userId: inB.id };
		await createApiToken({ actor: actorB, networkId: networkB.id, name: 'Only in B', context });

		const list = await listApiTokens(networkA.id);
		expect(list.length).toBeGreaterThanOrEqual(6);
		expect(list.map((t) => t.name)).not.toContain('Only in B');
		expect(Object.keys(list[0]!).sort()).toEqual(
			['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'userEmail', 'userName'].sort()
		);
		const revoked = list.find((t) => t.name === 'To revoke')!;
		expect(revoked.revokedAt).toBeInstanceOf(Date);
		expect(revoked.userName).toBe('Olga Office');
		expect((await listApiTokens(networkB.id)).map((t) => t.name)).toEqual(['Only in B']);
	});
});
