import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import { createNetwork, createUser, grantNetworkRole } from '../../src/lib/server/testing/factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { localizeIssues } from '../../src/lib/server/forms.ts';
import { applicationFormFor, reviewFormFor } from '../../src/lib/server/applications/schemas.ts';
import {
	applicationRateLimit,
	reviewApplication,
	submitApplication
} from '../../src/lib/server/applications/mutations.ts';
import { findApplication, listApplications } from '../../src/lib/server/applications/queries.ts';
import { auditLog, mailMessages, membershipApplications } from '../../src/lib/server/db/schema/index.ts';
import { AppError } from '../../src/lib/server/errors.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let network: { id: string; name: string };
let otherNetwork: { id: string; name: string };
let office: Actor;
let board: Actor;

const districts = ['Stadt Osnabrück', 'Landkreis Osnabrück', 'Kreis Steinfurt'];
const origin = 'http://knotenpunkt.test';
let ipCounter = 0;
const nextIp = () => `203.0.113.${++ipCounter}`;

/** What the public form posts for a complete application. */
function formInput(overrides: Record<string, string | undefined> = {}) {
	return {
		organisationName: 'Gießerei Wallenhorst GmbH',
		legalForm: 'GmbH',
		kind: 'member_company',
		website: 'giesserei-wallenhorst.example',
		street: 'Hansastraße 12',
		postalCode: '49134',
		city: 'Wallenhorst',
		district: 'Landkreis Osnabrück',
		employees: '1.250',
		valueChain: 'tier2',
		description: 'Aluminium-Druckguss für Batteriegehäuse.',
		competencies: 'Druckguss, Leichtbau; Batteriegehäuse',
		contactFirstName: 'Greta',
		contactLastName: 'Gießmann',
		contactEmail: 'Greta.Giessmann@Example.test',
		contactPhone: '+49 5407 1234',
		contactJobTitle: 'Geschäftsführerin',
		consentStatutes: 'on',
		consentPrivacy: 'on',
		fax: '',
		...overrides
	};
}

function parsedFields(overrides: Record<string, string | undefined> = {}) {
	const parsed = applicationFormFor(districts).parse(formInput(overrides));
	const { consentStatutes, consentPrivacy, fax, ...fields } = parsed;
	return { fields, consents: { statutes: consentStatutes, privacy: consentPrivacy }, honeypot: fax };
}

async function submit(overrides: Record<string, string | undefined> = {}, locale: 'de' | 'en' = 'de') {
	return submitApplication({
		network,
		...parsedFields(overrides),
		ipAddress: nextIp(),
		locale,
		origin
	});
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	const created = await createNetwork(db, { name: 'Automotive Antragsnetz' });
	network = { id: created.id, name: created.name };
	const other = await createNetwork(db);
	otherNetwork = { id: other.id, name: other.name };
	const officeUser = await createUser(db, { email: 'office@apply.test', name: 'Olga Office', locale: 'en' });
	await grantNetworkRole(db, network.id, officeUser.id, 'office');
	office = await loadActor(network.id, officeUser);
	const boardUser = await createUser(db, { email: 'board@apply.test', name: 'Bodo Board' });
	await grantNetworkRole(db, network.id, boardUser.id, 'board');
	board = await loadActor(network.id, boardUser);
});
afterAll(() => database.close());

describe('the application form schema', () => {
	it('reads German numbers and bare web addresses', () => {
		const { fields } = parsedFields();
		expect(fields.employees).toBe(1250);
		expect(fields.website).toBe('https://giesserei-wallenhorst.example');
		expect(fields.contactEmail).toBe('greta.giessmann@example.test');
		expect(parsedFields({ employees: '', website: '', valueChain: '' }).fields).toMatchObject({
			employees: undefined,
			website: undefined,
			valueChain: undefined
		});
	});

	it('names every bad field in the user language', () => {
		const result = applicationFormFor(districts).safeParse(
			formInput({
				organisationName: ' ',
				contactEmail: 'not-an-address',
				employees: 'viele',
				district: 'Emsland',
				kind: 'alien',
				website: 'http://',
				consentStatutes: undefined,
				consentPrivacy: undefined
			})
		);
		expect(result.success).toBe(false);
		const de = localizeIssues(result.error!.issues, 'de');
		expect(Object.keys(de).sort()).toEqual(
			[
				'consentPrivacy',
				'consentStatutes',
				'contactEmail',
				'district',
				'employees',
				'kind',
				'organisationName',
				'website'
			].sort()
		);
		expect(de.organisationName).toBe('Bitte füllen Sie dieses Feld aus.');
		expect(de.consentStatutes).toBe('Bitte stimmen Sie zu, um den Antrag abzusenden.');
		expect(de.employees).toContain('ganze Zahl');
		const en = localizeIssues(result.error!.issues, 'en');
		expect(en.consentPrivacy).toBe('Please agree to send the application.');
		expect(en.contactEmail).toMatch(/e-mail/i);
	});

	it('lets the office leave the district empty but not invent one', () => {
		const review = reviewFormFor(districts);
		expect(review.safeParse({ ...formInput({ district: '' }), officeNote: '' }).success).toBe(true);
		expect(review.safeParse({ ...formInput({ district: 'Atlantis' }), officeNote: '' }).success).toBe(false);
	});
});

describe('submitApplication', () => {
	it('stores the application and queues the confirmation and the office notice', async () => {
		const result = await submit({}, 'en');
		expect(result.ok).toBe(true);
		const id = result.ok ? result.applicationId! : '';
		const [stored] = await db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
		expect(stored).toMatchObject({
			networkId: network.id,
			status: 'submitted',
			organisationName: 'Gießerei Wallenhorst GmbH',
			employees: 1250,
			valueChain: 'tier2',
			contactEmail: 'greta.giessmann@example.test',
			locale: 'en'
		});
		expect(stored!.consentedStatutesAt).toBeInstanceOf(Date);
		expect(stored!.consentedPrivacyAt).toBeInstanceOf(Date);

		const [confirmation] = await db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.toAddress, 'greta.giessmann@example.test'));
		expect(confirmation!.kind).toBe('application-received');
		expect(confirmation!.status).toBe('outbox');
		expect(confirmation!.subject).toBe('Your membership application to Automotive Antragsnetz');
		expect(confirmation!.textBody).toContain('Gießerei Wallenhorst GmbH');

		const officeMails = await db
			.select()
			.from(mailMessages)
			.where(
				and(eq(mailMessages.toAddress, 'office@apply.test'), eq(mailMessages.kind, 'application-submitted'))
			);
		expect(officeMails).toHaveLength(1);
		expect(officeMails[0]!.subject).toBe('New membership application: Gießerei Wallenhorst GmbH');
		expect(officeMails[0]!.textBody).toContain(`${origin}/office/applications/${id}`);

		const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, id));
		expect(audit.map((a) => a.action)).toEqual(['application.submitted']);
	});

	it('writes the confirmation in German for a German applicant', async () => {
		await submit({ contactEmail: 'dora.deutsch@example.test' }, 'de');
		const [mail] = await db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.toAddress, 'dora.deutsch@example.test'));
		expect(mail!.subject).toBe('Ihr Mitgliedsantrag bei Automotive Antragsnetz');
		expect(mail!.textBody).toContain('Guten Tag Greta Gießmann,');
	});

	it('answers a filled honeypot like a success but stores and sends nothing', async () => {
		const before = await db.select().from(membershipApplications);
		const mailsBefore = await db.select().from(mailMessages);
		const result = await submit({ contactEmail: 'bot@spam.test', fax: 'https://spam.test' });
		expect(result).toEqual({ ok: true, applicationId: null });
		expect(await db.select().from(membershipApplications)).toHaveLength(before.length);
		expect(await db.select().from(mailMessages)).toHaveLength(mailsBefore.length);
	});

	it('limits submissions per address and says how long to wait', async () => {
		const ipAddress = '198.51.100.77';
		const input = {
			network,
			...parsedFields({ contactEmail: 'many@example.test' }),
			locale: 'de' as const,
			origin
		};
		for (let i = 0; i < applicationRateLimit.limit; i++) {
			expect((await submitApplication({ ...input, ipAddress })).ok).toBe(true);
		}
		const refused = await submitApplication({ ...input, ipAddress });
		expect(refused.ok).toBe(false);
		expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(0);
		const stored = await db
			.select()
			.from(membershipApplications)
			.where(eq(membershipApplications.contactEmail, 'many@example.test'));
		expect(stored).toHaveLength(applicationRateLimit.limit);
		// Another address is not affected.
		expect((await submitApplication({ ...input, ipAddress: '198.51.100.78' })).ok).toBe(true);
	});
});

describe('reviewApplication', () => {
	it('lets the office complete the application, puts it in review and audits the changed fields', async () => {
		const submitted = await submit({ contactEmail: 'review@example.test', city: 'Wallenhorst' });
		const id = submitted.ok ? submitted.applicationId! : '';
		const { fields } = parsedFields({
			contactEmail: 'review@example.test',
			city: 'Bramsche',
			district: 'Landkreis Osnabrück'
		});
		const result = await reviewApplication({
			actor: office,
			networkId: network.id,
			applicationId: id,
			fields,
			officeNote: 'Beitrag geklärt; Referenz bei Mitglied X.'
		});
		expect(result).toEqual({ ok: true });
		const found = await findApplication(network.id, id);
		expect(found!.application).toMatchObject({
			status: 'in_review',
			city: 'Bramsche',
			officeNote: 'Beitrag geklärt; Referenz bei Mitglied X.',
			reviewedBy: office.userId
		});
		expect(found!.reviewedByName).toBe('Olga Office');
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'application.reviewed')));
		expect(audit!.actorEmail).toBe('office@apply.test');
		expect(audit!.details).toEqual({
			before: { status: 'submitted', city: 'Wallenhorst', officeNote: '' },
			after: {
				status: 'in_review',
				city: 'Bramsche',
				officeNote: 'Beitrag geklärt; Referenz bei Mitglied X.'
			}
		});
	});

	it('refuses the board (which decides, but does not edit) and answers NOT_FOUND for another network', async () => {
		const submitted = await submit({ contactEmail: 'refuse@example.test' });
		const id = submitted.ok ? submitted.applicationId! : '';
		const { fields } = parsedFields();
		await expect(
			reviewApplication({ actor: board, networkId: network.id, applicationId: id, fields, officeNote: '' })
		).rejects.toBeInstanceOf(AppError);
		const foreignOffice = { ...office, networkId: otherNetwork.id };
		await expect(
			reviewApplication({
				actor: foreignOffice,
				networkId: otherNetwork.id,
				applicationId: id,
				fields,
				officeNote: 'x'
			})
		).resolves.toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect((await findApplication(network.id, id))!.application.status).toBe('submitted');
		expect(await findApplication(otherNetwork.id, id)).toBeNull();
	});
});

describe('listApplications', () => {
	it('filters by status within the network', async () => {
		const all = await listApplications(network.id, { page: 1, pageSize: 100 });
		const inReview = await listApplications(network.id, { status: 'in_review', page: 1, pageSize: 100 });
		expect(all.total).toBeGreaterThan(inReview.total);
		expect(inReview.total).toBe(1);
		expect(inReview.rows.every((row) => row.status === 'in_review')).toBe(true);
		expect((await listApplications(otherNetwork.id, { page: 1, pageSize: 100 })).total).toBe(0);
	});
});
