import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import { startSmtpServer, testJobSettings, waitFor, type TestSmtpServer } from '../helpers/mail.ts';
import { config, parseConfig, setConfigForTests, type Config } from '../../src/lib/server/config.ts';
import { createNetwork } from '../../src/lib/server/testing/factories.ts';
import { isJobRunnerStarted, startJobs, stopJobs, type JobRunner } from '../../src/lib/server/jobs/boss.ts';
import { MAIL_JOB, queueMail } from '../../src/lib/server/mail/queue.ts';
import { getMail } from '../../src/lib/server/mail/queries.ts';
import { requeueWaitingMails } from '../../src/lib/server/mail/worker.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let smtp: TestSmtpServer;
let runner: JobRunner;
let networkId: string;
let originalConfig: Config;

const MAIL_FROM = 'Knotenpunkt Test <noreply@knotenpunkt.test>';

function useSmtp(url: string | undefined) {
	setConfigForTests(parseConfig({ ...process.env, SMTP_URL: url ?? '', MAIL_FROM }));
}

beforeAll(async () => {
	originalConfig = config();
	database = await useFreshDatabase();
	smtp = await startSmtpServer({ credentials: { user: 'kp-mailer', pass: 'geheim & sicher' } });
	useSmtp(smtp.url);
	networkId = (await createNetwork(database.db)).id;
	runner = await startJobs(database.handle, testJobSettings);
});

afterAll(async () => {
	await stopJobs();
	await smtp?.close();
	setConfigForTests(originalConfig);
	await database?.close();
});

/** The mail's pg-boss jobs, read from pg-boss' table (works while no runner is started). */
async function jobsFor(mailId: string) {
	const result = await database.db.execute<{ state: string }>(
		sql`select state from pgboss.job where name = ${MAIL_JOB} and data->>'mailId' = ${mailId}`
	);
	return result.rows;
}
const waitForStatus = (mailId: string, status: string) =>
	waitFor(
		() => getMail(networkId, mailId),
		(mail) => mail?.status === status,
		`mail ${mailId} never became ${status}`
	);

describe('mail delivery over SMTP', () => {
	it('sends a queued mail with the configured sender and credentials, and records it as sent', async () => {
		const mailId = await queueMail({
			networkId,
			to: 'anna.beispiel@example.test',
			subject: 'Willkommen im Netzwerk – Größe zählt',
			text: 'Hallo Anna,\n\nÄrger mit Umlauten? Nicht hier.\n',
			kind: 'welcome'
		});
		const row = await waitForStatus(mailId, 'sent');
		expect(row).toMatchObject({ attempts: 1, lastError: null, kind: 'welcome' });
		expect(row!.sentAt).toBeInstanceOf(Date);

		const delivered = smtp.receivedFor('anna.beispiel@example.test');
		expect(delivered).toHaveLength(1);
		const { parsed } = delivered[0]!;
		expect(parsed.subject).toBe('Willkommen im Netzwerk – Größe zählt');
		expect(parsed.text?.trim()).toBe('Hallo Anna,\n\nÄrger mit Umlauten? Nicht hier.');
		expect(parsed.from?.value[0]).toMatchObject({
			address: 'noreply@knotenpunkt.test',
			name: 'Knotenpunkt Test'
		});
		expect(parsed.messageId).toBe(`<${mailId}@knotenpunkt.test>`);
		expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
		expect(parsed.html).toBe(false);
	});

	it('sends the HTML alternative when one is given', async () => {
		const mailId = await queueMail({
			networkId,
			to: 'html@example.test',
			subject: 'Mit HTML',
			text: 'Nur Text',
			html: '<p>Mit <strong>HTML</strong></p>',
			kind: 'test'
		});
		await waitForStatus(mailId, 'sent');
		const [mail] = smtp.receivedFor('html@example.test');
		expect(mail!.parsed.text?.trim()).toBe('Nur Text');
		expect(mail!.parsed.html).toContain('<strong>HTML</strong>');
	});

	it('sends stored attachments, an inline image by its content id', async () => {
		const calendar = new TextEncoder().encode('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
		const image = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const mailId = await queueMail({
			networkId,
			to: 'anhang@example.test',
			subject: 'Mit Anhang',
			text: 'Siehe Anhang',
			html: '<p><img src="cid:ticket@knotenpunkt" alt="QR"></p>',
			kind: 'test',
			attachments: [
				{ fileName: 'termin.ics', contentType: 'text/calendar; charset=utf-8', content: calendar },
				{ fileName: 'ticket.png', contentType: 'image/png', content: image, contentId: 'ticket@knotenpunkt' }
			]
		});
		await waitForStatus(mailId, 'sent');
		const [mail] = smtp.receivedFor('anhang@example.test');
		// The inline image travels in the HTML part's multipart/related, before the other attachment.
		const byName = [...mail!.parsed.attachments].sort((a, b) =>
			(a.filename ?? '').localeCompare(b.filename ?? '')
		);
		const files = byName.map((a) => ({
			name: a.filename,
			type: a.contentType,
			cid: a.cid
		}));
		expect(files).toEqual([
			{ name: 'termin.ics', type: 'text/calendar', cid: undefined },
			{ name: 'ticket.png', type: 'image/png', cid: 'ticket@knotenpunkt' }
		]);
		expect(Buffer.from(byName[0]!.content).toString()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
		expect([...byName[1]!.content]).toEqual([...image]);
	});

	it('enqueues a mail inside a transaction only if the transaction commits', async () => {
		let rolledBackId = '';
		await expect(
			database.db.transaction(async (tx) => {
				rolledBackId = await queueMail(
					{ networkId, to: 'rollback@example.test', subject: 'Nie', text: 'Nie', kind: 'test' },
					tx
				);
				throw new Error('roll back');
			})
		).rejects.toThrow('roll back');
		expect(await getMail(networkId, rolledBackId)).toBeNull();
		expect(await jobsFor(rolledBackId)).toHaveLength(0);

		const committedId = await database.db.transaction((tx) =>
			queueMail({ networkId, to: 'commit@example.test', subject: 'Ja', text: 'Ja', kind: 'test' }, tx)
		);
		await waitForStatus(committedId, 'sent');
		expect(smtp.receivedFor('commit@example.test')).toHaveLength(1);
		expect(smtp.receivedFor('rollback@example.test')).toHaveLength(0);
	});

	it('keeps mails in the outbox without SMTP_URL and creates no job', async () => {
		useSmtp(undefined);
		try {
			const mailId = await queueMail({
				networkId,
				to: 'offline@example.test',
				subject: 'Offline',
				text: 'Im Postausgang',
				kind: 'test'
			});
			const row = await getMail(networkId, mailId);
			expect(row).toMatchObject({ status: 'outbox', attempts: 0, textBody: 'Im Postausgang', sentAt: null });
			expect(await jobsFor(mailId)).toHaveLength(0);
		} finally {
			useSmtp(smtp.url);
		}
	});

	it('enqueues mails left queued while no runner was running, exactly once, on start', async () => {
		await stopJobs();
		expect(isJobRunnerStarted()).toBe(false);
		const mailId = await queueMail({
			networkId,
			to: 'later@example.test',
			subject: 'Später',
			text: 'Kommt nach dem Start',
			kind: 'test'
		});
		expect(await getMail(networkId, mailId)).toMatchObject({ status: 'queued', attempts: 0 });
		expect(await jobsFor(mailId)).toHaveLength(0);

		runner = await startJobs(database.handle, testJobSettings);
		// Repeating the sweep adds nothing: the mail has its job (or is already sent).
		expect(await requeueWaitingMails(runner)).toBe(0);
		await waitForStatus(mailId, 'sent');
		expect(await jobsFor(mailId)).toHaveLength(1);
		expect(smtp.receivedFor('later@example.test')).toHaveLength(1);
	});
});
