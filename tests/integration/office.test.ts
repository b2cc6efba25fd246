import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import {
	listAuditActions,
	listAuditEntries,
	loadDashboardCounts
} from '../../src/lib/server/office/queries.ts';
import { createInvitation } from '../../src/lib/server/invitations/mutations.ts';
import { saveLegalPage } from '../../src/lib/server/legal/mutations.ts';
import { loadLegalTexts } from '../../src/lib/server/legal/queries.ts';
import { findLegalPage } from '../../src/lib/server/networks/queries.ts';
import { queueMail } from '../../src/lib/server/mail/queue.ts';
import { auditLog, legalPages, mailMessages } from '../../src/lib/server/db/schema/index.ts';
import { recordAudit } from '../../src/lib/server/audit/mutations.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
let office: Awaited<ReturnType<typeof loadActor>>;
let board: Awaited<ReturnType<typeof loadActor>>;

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	const officeUser = await createUser(db, { email: 'dash-office@example.test' });
	await grantNetworkRole(db, networkId, officeUser.id, 'office');
	office = await loadActor(networkId, officeUser);
	const boardUser = await createUser(db, { email: 'dash-board@example.test' });
	await grantNetworkRole(db, networkId, boardUser.id, 'board');
	board = await loadActor(networkId, boardUser);
});
afterAll(() => database.close());

describe('dashboard counts', () => {
	it('counts member organisations, people, accounts, pending invitations and mails of this network only', async () => {
		const member = await createOrganisation(db, networkId, { status: 'member' });
		await createOrganisation(db, networkId, { status: 'member' });
		await createOrganisation(db, networkId, { status: 'applicant' });
		await createOrganisation(db, otherNetworkId, { status: 'member' });
		await createPerson(db, networkId);
		await createPerson(db, networkId);
		await createPerson(db, otherNetworkId);
		const orgOnly = await createUser(db);
		await addToOrganisation(db, networkId, member.id, orgOnly.id, 'org_member');
		const elsewhere = await createUser(db);
		await grantNetworkRole(db, otherNetworkId, elsewhere.id, 'member');
		await createInvitation({
			networkId,
			invitedBy: office,
			email: 'pending@example.test',
			name: '',
			organisationId: member.id,
			origin: 'http://x.test',
			locale: 'de'
		});
		await queueMail({
			networkId: otherNetworkId,
			to: 'a@example.test',
			subject: 's',
			text: 't',
			kind: 'test'
		});
		const [failed] = await db
			.insert(mailMessages)
			.values({
				networkId,
				toAddress: 'f@example.test',
				subject: 's',
				textBody: 't',
				kind: 'test',
				status: 'failed'
			})
			.returning();
		expect(failed).toBeTruthy();

		expect(await loadDashboardCounts(networkId)).toEqual({
			memberOrganisations: 2,
			people: 2,
			// office, board and the organisation member; not the account of the other network
			accounts: 3,
			pendingInvitations: 1,
			mailsInOutbox: 1,
			mailsFailed: 1
		});
	});
});

describe('audit log', () => {
	it('filters by action and actor e-mail, paginates, and never shows another network', async () => {
		for (let i = 0; i < 3; i++) {
			await recordAudit({
				networkId,
				actor: office,
				action: 'office.test.thing',
				details: { i },
				context: { ipAddress: '192.0.2.1' }
			});
		}
		await recordAudit({ networkId, actor: board, action: 'office.test.other' });
		await recordAudit({ networkId: otherNetworkId, actor: office, action: 'office.test.foreign' });

		const things = await listAuditEntries(networkId, { action: 'office.test.thing', page: 1, pageSize: 2 });
		expect(things.total).toBe(3);
		expect(things.rows).toHaveLength(2);
		expect(things.rows[0]).toMatchObject({ actorEmail: 'dash-office@example.test', ipAddress: '192.0.2.1' });
		const byBoard = await listAuditEntries(networkId, { actorEmail: 'DASH-BOARD', page: 1, pageSize: 10 });
		expect(byBoard.rows.map((r) => r.action)).toEqual(['office.test.other']);
		const actions = await listAuditActions(networkId);
		expect(actions).toContain('office.test.thing');
		expect(actions).not.toContain('office.test.foreign');
		const all = await listAuditEntries(networkId, { page: 1, pageSize: 100 });
		expect(all.rows.every((r) => r.networkId === networkId)).toBe(true);
	});
});

describe('legal pages', () => {
	it('the office saves Impressum and Datenschutz per network, one row each, audited; the public reader sees them', async () => {
		await saveLegalPage({
			actor: office,
			networkId,
			kind: 'imprint',
			bodyDe: 'Erste Fassung',
			bodyEn: 'First version'
		});
		await saveLegalPage({
			actor: office,
			networkId,
			kind: 'imprint',
			bodyDe: 'Zweite Fassung',
			bodyEn: 'Second version',
			context: { ipAddress: '192.0.2.9', userAgent: 'vitest' }
		});
		await saveLegalPage({
			actor: office,
			networkId,
			kind: 'privacy',
			bodyDe: 'Datenschutz',
			bodyEn: 'Privacy'
		});

		const rows = await db.select().from(legalPages).where(eq(legalPages.networkId, networkId));
		expect(rows).toHaveLength(2);
		expect(await findLegalPage(networkId, 'imprint')).toMatchObject({
			bodyDe: 'Zweite Fassung',
			bodyEn: 'Second version',
			updatedBy: office.userId
		});
		expect(await findLegalPage(otherNetworkId, 'imprint')).toBeNull();
		const texts = await loadLegalTexts(networkId);
		expect(texts.privacy).toMatchObject({ bodyDe: 'Datenschutz', bodyEn: 'Privacy' });
		expect((await loadLegalTexts(otherNetworkId)).imprint).toEqual({
			bodyDe: '',
			bodyEn: '',
			updatedAt: null
		});

		const audit = await db
			.select()
			.from(auditLog)
			.where(
				and(
					eq(auditLog.networkId, networkId),
					eq(auditLog.action, 'office.legal.updated'),
					eq(auditLog.targetId, 'imprint')
				)
			)
			.orderBy(auditLog.createdAt);
		expect(audit).toHaveLength(2);
		expect(audit[1]!.details).toEqual({ before: { de: 13, en: 13 }, after: { de: 14, en: 14 } });
		expect(audit[1]!.ipAddress).toBe('192.0.2.9');
	});

	it('the board may not edit them', async () => {
		await expect(
			saveLegalPage({ actor: board, networkId, kind: 'imprint', bodyDe: 'x', bodyEn: 'x' })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect((await findLegalPage(networkId, 'imprint'))!.bodyDe).toBe('Zweite Fassung');
	});
});
