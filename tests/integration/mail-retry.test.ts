import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import { freePort, startSmtpServer, testJobSettings, waitFor, type TestSmtpServer } from '../helpers/mail.ts';
import { config, parseConfig, setConfigForTests, type Config } from '../../src/lib/server/config.ts';
import { createNetwork } from '../../src/lib/server/testing/factories.ts';
import { startJobs, stopJobs } from '../../src/lib/server/jobs/boss.ts';
import { queueMail } from '../../src/lib/server/mail/queue.ts';
import { getMail } from '../../src/lib/server/mail/queries.ts';
import { retryMail } from '../../src/lib/server/mail/mutations.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let smtp: TestSmtpServer;
let networkId: string;
let originalConfig: Config;
const refused = new Set<string>();

function useSmtp(url: string) {
	setConfigForTests(parseConfig({ ...process.env, SMTP_URL: url }));
}

beforeAll(async () => {
	originalConfig = config();
	database = await useFreshDatabase();
	smtp = await startSmtpServer({ rejectRecipient: (address) => refused.has(address) });
	useSmtp(smtp.url);
	networkId = (await createNetwork(database.db)).id;
	await startJobs(database.handle, testJobSettings);
});

afterAll(async () => {
	await stopJobs();
	await smtp?.close();
	setConfigForTests(originalConfig);
	await database?.close();
});

const readMail = (mailId: string) => getMail(networkId, mailId);
const { retryLimit } = testJobSettings.mail;

describe('failed deliveries', () => {
	let refusedMailId: string;

	it('retries a refused recipient, shows it queued with the error meanwhile, and finally marks it failed', async () => {
		refused.add('nobody@example.test');
		refusedMailId = await queueMail({
			networkId,
			to: 'nobody@example.test',
			subject: 'Zurückgewiesen',
			text: 'Wird abgelehnt',
			kind: 'test'
		});
		const waiting = await waitFor(
			() => readMail(refusedMailId),
			(mail) => mail?.status === 'queued' && mail.attempts >= 1,
			'the refused mail was never waiting for a retry'
		);
		expect(waiting!.lastError).toMatch(/550/);

		const failed = await waitFor(
			() => readMail(refusedMailId),
			(mail) => mail?.status === 'failed',
			'the refused mail never failed'
		);
		expect(failed!.attempts).toBe(retryLimit + 1);
		expect(failed!.lastError).toMatch(/550.*recipient unknown/);
		expect(failed!.sentAt).toBeNull();
		expect(smtp.receivedFor('nobody@example.test')).toHaveLength(0);
	});

	it('sends a failed mail again on retryMail once the server accepts it', async () => {
		refused.delete('nobody@example.test');
		expect(await retryMail(networkId, refusedMailId)).toEqual({ ok: true });
		const sent = await waitFor(
			() => readMail(refusedMailId),
			(mail) => mail?.status === 'sent',
			'the retried mail was never sent'
		);
		expect(sent!.attempts).toBe(retryLimit + 2);
		expect(sent!.sentAt).toBeInstanceOf(Date);
		const delivered = smtp.receivedFor('nobody@example.test');
		expect(delivered).toHaveLength(1);
		expect(delivered[0]!.parsed.subject).toBe('Zurückgewiesen');
	});

	it('refuses to retry mails that did not fail, of another network, or unknown', async () => {
		const other = await createNetwork(database.db);
		expect(await retryMail(networkId, refusedMailId)).toEqual({ ok: false, reason: 'NOT_RETRYABLE' });
		expect(await retryMail(other.id, refusedMailId)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await retryMail(networkId, crypto.randomUUID())).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await retryMail(networkId, 'not-a-uuid')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect((await readMail(refusedMailId))!.status).toBe('sent');
	});

	it('retries when nothing listens on the SMTP port, and records the connection error', async () => {
		useSmtp(`smtp://127.0.0.1:${await freePort()}`);
		try {
			const mailId = await queueMail({
				networkId,
				to: 'unreachable@example.test',
				subject: 'Kein Server',
				text: 'Niemand hört zu',
				kind: 'test'
			});
			const failed = await waitFor(
				() => readMail(mailId),
				(mail) => mail?.status === 'failed',
				'the mail to an unreachable server never failed'
			);
			expect(failed!.attempts).toBe(retryLimit + 1);
			expect(failed!.lastError).toMatch(/ECONNREFUSED/);
		} finally {
			useSmtp(smtp.url);
		}
	});
});
