import { asc, sql } from 'drizzle-orm';
import { config } from '../config.ts';
import { databaseHandle } from '../db/index.ts';
import { networkRoleAssignments, networks, user } from '../db/schema/index.ts';
import { recordAudit } from '../audit/mutations.ts';
import { createInvitation } from '../invitations/mutations.ts';
import { ensurePersonForUser } from '../people/mutations.ts';
import { ensureDefaultNetwork } from '../seed/default-network.ts';

type Input = { email: string; name: string; networkSlug?: string; locale: 'de' | 'en' };
type Result =
	{ kind: 'granted'; networkName: string } | { kind: 'invited'; networkName: string; link: string };

/** The first office account of a production instance: an invitation, or the role for an existing account. */
export async function createOfficeAccount(input: Input): Promise<Result> {
	const email = input.email.trim().toLowerCase();
	const handle = await databaseHandle();
	await handle.migrate();
	const database = handle.db;
	let candidates = await database.select().from(networks).orderBy(asc(networks.createdAt));
	if (candidates.length === 0) {
		await ensureDefaultNetwork(database);
		candidates = await database.select().from(networks).orderBy(asc(networks.createdAt));
	}
	const network = input.networkSlug
		? candidates.find((n) => n.slug === input.networkSlug)
		: (candidates.find((n) => n.isDefault) ?? candidates[0]);
	if (!network) {
		throw new Error(
			`No network with the slug "${input.networkSlug}". Known: ${candidates.map((n) => n.slug).join(', ')}.`
		);
	}

	const [existing] = await database
		.select({ id: user.id, email: user.email, name: user.name })
		.from(user)
		.where(sql`lower(${user.email}) = ${email}`);
	if (existing) {
		await database.transaction(async (tx) => {
			await tx
				.insert(networkRoleAssignments)
				.values({ networkId: network.id, userId: existing.id, role: 'office' })
				.onConflictDoNothing();
			// The office lists people; an account without a person row would not show up there.
			await ensurePersonForUser(
				{ networkId: network.id, userId: existing.id, email: existing.email, name: existing.name },
				tx
			);
			await recordAudit(
				{
					networkId: network.id,
					actor: null,
					action: 'office.network_role.granted',
					targetType: 'user',
					targetId: existing.id,
					details: { before: null, after: { role: 'office' }, via: 'command line' },
					context: { userAgent: 'npm run admin' }
				},
				tx
			);
		});
		return { kind: 'granted', networkName: network.name };
	}

	const origin = network.hosts[0] && !network.isDefault ? `https://${network.hosts[0]}` : config().ORIGIN;
	const { link } = await createInvitation({
		networkId: network.id,
		invitedBy: null,
		email,
		name: input.name,
		networkRole: 'office',
		origin,
		locale: input.locale,
		context: { userAgent: 'npm run admin' }
	});
	return { kind: 'invited', networkName: network.name, link };
}
