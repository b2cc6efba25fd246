import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import { createOfficeAccount } from '../../src/lib/server/admin/mutations.ts';
import {
	invitations,
	mailMessages,
	networkRoleAssignments,
	networks,
	people
} from '../../src/lib/server/db/schema/index.ts';
import { createUser } from '../../src/lib/server/testing/factories.ts';
import { hashInvitationToken } from '../../src/lib/server/invitations/tokens.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
beforeAll(async () => {
	database = await useFreshDatabase();
});
afterAll(() => database.close());

describe('npm run admin -- create-office', () => {
	it('creates the default network on an empty database and invites the first office account', async () => {
		const result = await createOfficeAccount({
			email: 'anna@example.org',
			name: 'Anna Beispiel',
			locale: 'de'
		});
		expect(result.kind).toBe('invited');
		if (result.kind !== 'invited') return;
		const [network] = await database.db.select().from(networks);
		expect(network!.isDefault).toBe(true);

		const token = new URL(result.link).searchParams.get('token')!;
		const [invitation] = await database.db
			.select()
			.from(invitations)
			.where(eq(invitations.tokenHash, hashInvitationToken(token)));
		expect(invitation).toMatchObject({
			email: 'anna@example.org',
			networkRole: 'office',
			networkId: network!.id
		});
		expect(invitation!.acceptedAt).toBeNull();

		const mails = await database.db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.toAddress, 'anna@example.org'));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.textBody).toContain(result.link);
		// The plain token is only in the link, never stored.
		const stored = JSON.stringify(await database.db.select().from(invitations));
		expect(stored).not.toContain(token);
	});

	it('gives an existing account the office role directly', async () => {
		const existing = await createUser(database.db, { email: 'bernd@example.org' });
		const result = await createOfficeAccount({ email: 'Bernd@Example.org', name: '', locale: 'de' });
		expect(result.kind).toBe('granted');
		const roles = await database.db
			.select()
			.from(networkRoleAssignments)
			.where(and(eq(networkRoleAssignments.userId, existing.id), eq(networkRoleAssignments.role, 'office')));
		expect(roles).toHaveLength(1);
		// …and a person row, so the office finds the account in its people list.
		const linked = await database.db.select().from(people).where(eq(people.userId, existing.id));
		expect(linked).toHaveLength(1);
	});

	it('refuses an unknown network slug, naming the known ones', async () => {
		await expect(
			createOfficeAccount({ email: 'carla@example.org', name: '', networkSlug: 'nope', locale: 'de' })
		).rejects.toThrow(/No network with the slug "nope". Known: default/);
	});
});
