import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import { startSmtpServer, testJobSettings, waitFor, type TestSmtpServer } from '../helpers/mail.ts';
import { config, parseConfig, setConfigForTests, type Config } from '../../src/lib/server/config.ts';
import { createNetwork } from '../../src/lib/server/testing/factories.ts';
import { createJobRunner, startJobs, stopJobs, type JobRunner } from '../../src/lib/server/jobs/boss.ts';
import { MAIL_JOB, queueMail } from '../../src/lib/server/mail/queue.ts';
import { listMails } from '../../src/lib/server/mail/queries.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let smtp: TestSmtpServer;
let networkId: string;
let originalConfig: Config;
let first: JobRunner;
let second: JobRunner;

beforeAll(async () => {
	originalConfig = config();
	database = await useFreshDatabase();
	smtp = await startSmtpServer();
	setConfigForTests(parseConfig({ ...process.env, SMTP_URL: smtp.url }));
	networkId = (await createNetwork(database.db)).id;
	// Two pg-boss instances on one database, as two server processes would run them.
	first = await startJobs(database.handle, testJobSettings);
	second = await createJobRunner(database.handle, testJobSettings);
});

afterAll(async () => {
	await second?.stop();
	await stopJobs();
	await smtp?.close();
	setConfigForTests(originalConfig);
	await database?.close();
});

async function unfinishedMailJobs() {
	const result = await database.db.execute<{ n: number }>(
		sql`select count(*)::int as n from pgboss.job where name = ${MAIL_JOB} and state < 'completed'`
	);
	return result.rows[0]!.n;
}

describe('two job runners on one database', () => {
	it('send every mail exactly once, even with several jobs per mail', async () => {
		const recipients = Array.from({ length: 12 }, (_, i) => `person${i}@example.test`);
		const mailIds = await Promise.all(
			recipients.map((to, i) =>
				queueMail({ networkId, to, subject: `Rundschreiben ${i}`, text: `Nachricht ${i}`, kind: 'test' })
			)
		);
		// Extra jobs for the same mails on both runners, as a repeated sweep or a retry click might add.
		await Promise.all(
			mailIds.flatMap((mailId) => [
				first.send(MAIL_JOB, { mailId }, { singletonKey: `${mailId}.again` }),
				second.send(MAIL_JOB, { mailId }, { singletonKey: `${mailId}.once-more` })
			])
		);
		await waitFor(unfinishedMailJobs, (n) => n === 0, 'mail jobs were left unfinished');

		const { rows, total } = await listMails(networkId, { page: 1, pageSize: 50 });
		expect(total).toBe(12);
		expect(rows.map((row) => [row.status, row.attempts])).toEqual(rows.map(() => ['sent', 1]));
		for (const to of recipients) expect(smtp.receivedFor(to)).toHaveLength(1);
		expect(smtp.received).toHaveLength(12);
	});
});
