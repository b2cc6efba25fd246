import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import { createNetwork } from '../../src/lib/server/testing/factories.ts';
import { mailMessages, type MailStatus } from '../../src/lib/server/db/schema/index.ts';
import { getMail, listMails } from '../../src/lib/server/mail/queries.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let ours: string;
let theirs: string;
const ids: Record<string, string> = {};

async function insertMail(
	networkId: string,
	key: string,
	values: { to: string; subject: string; status: MailStatus; minutesAgo: number }
) {
	const [row] = await database.db
		.insert(mailMessages)
		.values({
			networkId,
			toAddress: values.to,
			subject: values.subject,
			textBody: `Text von ${key}`,
			kind: 'test',
			status: values.status,
			attempts: values.status === 'failed' ? 3 : 0,
			lastError: values.status === 'failed' ? '550 recipient unknown' : null,
			createdAt: new Date(Date.now() - values.minutesAgo * 60_000)
		})
		.returning({ id: mailMessages.id });
	ids[key] = row!.id;
}

beforeAll(async () => {
	database = await useFreshDatabase();
	ours = (await createNetwork(database.db)).id;
	theirs = (await createNetwork(database.db)).id;
	await insertMail(ours, 'oldest', {
		to: 'erika@firma.test',
		subject: 'Einladung Expertenkreis',
		status: 'sent',
		minutesAgo: 50
	});
	await insertMail(ours, 'failed', {
		to: 'max@firma.test',
		subject: 'Passwort zurücksetzen',
		status: 'failed',
		minutesAgo: 40
	});
	await insertMail(ours, 'outbox', {
		to: 'lena@werk.test',
		subject: 'E-Mail bestätigen',
		status: 'outbox',
		minutesAgo: 30
	});
	await insertMail(ours, 'percent', {
		to: 'jan@werk.test',
		subject: '100% Rabatt',
		status: 'queued',
		minutesAgo: 20
	});
	await insertMail(ours, 'newest', {
		to: 'ida@firma.test',
		subject: 'Einladung Vorstand',
		status: 'outbox',
		minutesAgo: 10
	});
	await insertMail(theirs, 'foreign', {
		to: 'erika@firma.test',
		subject: 'Einladung fremd',
		status: 'failed',
		minutesAgo: 5
	});
});

afterAll(() => database?.close());

describe('listMails', () => {
	it("lists only the network's mails, newest first, page by page", async () => {
		const first = await listMails(ours, { page: 1, pageSize: 2 });
		expect(first.total).toBe(5);
		expect(first.rows.map((row) => row.id)).toEqual([ids.newest, ids.percent]);
		const third = await listMails(ours, { page: 3, pageSize: 2 });
		expect(third.rows.map((row) => row.id)).toEqual([ids.oldest]);
		expect(third.rows[0]).toMatchObject({
			toAddress: 'erika@firma.test',
			subject: 'Einladung Expertenkreis',
			kind: 'test',
			status: 'sent',
			attempts: 0,
			lastError: null,
			sentAt: null
		});
		expect(third.rows[0]!.createdAt).toBeInstanceOf(Date);
	});

	it('filters by status', async () => {
		const { rows, total } = await listMails(ours, { status: 'failed', page: 1, pageSize: 20 });
		expect(total).toBe(1);
		expect(rows[0]).toMatchObject({ id: ids.failed, attempts: 3, lastError: '550 recipient unknown' });
	});

	it('searches recipient and subject, case-insensitively, with % taken literally', async () => {
		const byRecipient = await listMails(ours, { search: 'WERK.test', page: 1, pageSize: 20 });
		expect(byRecipient.rows.map((row) => row.id)).toEqual([ids.percent, ids.outbox]);
		const bySubject = await listMails(ours, { search: 'einladung', page: 1, pageSize: 20 });
		expect(bySubject.rows.map((row) => row.id)).toEqual([ids.newest, ids.oldest]);
		expect(bySubject.total).toBe(2);
		const literal = await listMails(ours, { search: '0%', page: 1, pageSize: 20 });
		expect(literal.rows.map((row) => row.id)).toEqual([ids.percent]);
		const combined = await listMails(ours, { search: 'einladung', status: 'outbox', page: 1, pageSize: 20 });
		expect(combined.rows.map((row) => row.id)).toEqual([ids.newest]);
	});

	it('answers an empty page past the end with the total', async () => {
		expect(await listMails(ours, { page: 9, pageSize: 20 })).toEqual({ rows: [], total: 5 });
	});
});

describe('getMail', () => {
	it('returns the full mail of the network', async () => {
		const mail = await getMail(ours, ids.failed!);
		expect(mail).toMatchObject({
			id: ids.failed,
			networkId: ours,
			toAddress: 'max@firma.test',
			textBody: 'Text von failed',
			htmlBody: null,
			status: 'failed'
		});
	});

	it("returns null for another network's mail, an unknown id and a malformed id", async () => {
		expect(await getMail(ours, ids.foreign!)).toBeNull();
		expect(await getMail(theirs, ids.oldest!)).toBeNull();
		expect(await getMail(ours, crypto.randomUUID())).toBeNull();
		expect(await getMail(ours, 'not-a-uuid')).toBeNull();
		expect(await getMail(ours, "' or 1=1 --")).toBeNull();
	});
});
