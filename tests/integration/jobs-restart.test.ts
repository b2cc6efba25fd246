import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.ts';
import { freePort, startSmtpServer, testJobSettings, waitFor, type TestSmtpServer } from '../helpers/mail.ts';
import { config, parseConfig, setConfigForTests, type Config } from '../../src/lib/server/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client.ts';
import { closeDatabase, useDatabaseForTests } from '../../src/lib/server/db/index.ts';
import { createNetwork } from '../../src/lib/server/testing/factories.ts';
import { startJobs, stopJobs } from '../../src/lib/server/jobs/boss.ts';
import { MAIL_JOB, queueMail } from '../../src/lib/server/mail/queue.ts';
import { getMail } from '../../src/lib/server/mail/queries.ts';
import { retryMail } from '../../src/lib/server/mail/mutations.ts';

/**
 * A restart for real: the runner stops, the database is closed and opened again from disk (a
 * PGlite data directory, or a new pool on the PostgreSQL test database), the runner starts again.
 */
type Storage = { open(): Promise<DatabaseHandle>; remove(): Promise<void> };

async function persistentStorage(): Promise<Storage> {
	if (process.env.TEST_DATABASE_URL) {
		const created = await createTestDatabase();
		const url = (created.client as Pool).options.connectionString!;
		let opened = false;
		return {
			open: async () => {
				if (opened) return openDatabase({ url });
				opened = true;
				return created;
			},
			remove: () => created.drop()
		};
	}
	const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kp-jobs-'));
	return {
		open: async () => {
			const handle = await openDatabase({ dataDir });
			await handle.migrate();
			return handle;
		},
		remove: () => rm(dataDir, { recursive: true, force: true })
	};
}

let storage: Storage;
let handle: DatabaseHandle;
let networkId: string;
let originalConfig: Config;
const servers: TestSmtpServer[] = [];

function useSmtp(url: string) {
	setConfigForTests(parseConfig({ ...process.env, SMTP_URL: url }));
}

async function restartDatabase() {
	await closeDatabase();
	handle = await storage.open();
	useDatabaseForTests(handle);
}

async function jobStates(mailId: string) {
	const result = await handle.db.execute<{ state: string }>(
		sql`select state from pgboss.job where name = ${MAIL_JOB} and data->>'mailId' = ${mailId} order by created_on`
	);
	return result.rows.map((row) => row.state);
}

const readMail = (mailId: string) => getMail(networkId, mailId);

beforeAll(async () => {
	originalConfig = config();
	storage = await persistentStorage();
	handle = await storage.open();
	useDatabaseForTests(handle);
	networkId = (await createNetwork(handle.db)).id;
});

afterEach(() => stopJobs());

afterAll(async () => {
	await Promise.all(servers.map((server) => server.close()));
	setConfigForTests(originalConfig);
	await closeDatabase();
	await storage?.remove();
});

describe('jobs across restarts', () => {
	it('keeps waiting jobs and queued mails through a restart, and delivers them afterwards', async () => {
		const port = await freePort();
		useSmtp(`smtp://127.0.0.1:${port}`);
		// Retries to spare: a second attempt may slip in before the stop, the last one must not.
		const settings = { ...testJobSettings, mail: { ...testJobSettings.mail, retryLimit: 5 } };
		await startJobs(handle, settings);
		const retried = await queueMail({
			networkId,
			to: 'retry@example.test',
			subject: 'Nach dem Neustart',
			text: 'B',
			kind: 'test'
		});
		await waitFor(
			() => readMail(retried),
			(mail) => mail?.status === 'queued' && mail.attempts >= 1,
			'the first attempt against the missing server never failed'
		);
		await stopJobs();
		const attemptsBefore = (await readMail(retried))!.attempts;
		const waiting = await queueMail({
			networkId,
			to: 'waiting@example.test',
			subject: 'Ohne Runner',
			text: 'A',
			kind: 'test'
		});

		await restartDatabase();
		expect(await jobStates(retried)).toEqual(['retry']);
		expect(await jobStates(waiting)).toEqual([]);
		expect(await readMail(waiting)).toMatchObject({ status: 'queued', attempts: 0 });

		const smtp = await startSmtpServer({ port });
		servers.push(smtp);
		await startJobs(handle, settings);
		for (const mailId of [retried, waiting]) {
			await waitFor(
				() => readMail(mailId),
				(mail) => mail?.status === 'sent',
				`mail ${mailId} was not sent`
			);
		}
		expect(await readMail(retried)).toMatchObject({ attempts: attemptsBefore + 1 });
		expect(await readMail(waiting)).toMatchObject({ attempts: 1 });
		expect(smtp.receivedFor('retry@example.test')).toHaveLength(1);
		expect(smtp.receivedFor('waiting@example.test')).toHaveLength(1);
	});

	it('stops while a delivery hangs, and delivers that mail once after the restart', async () => {
		const hanging = await startSmtpServer({ hangOnData: true });
		servers.push(hanging);
		useSmtp(hanging.url);
		await startJobs(handle, testJobSettings);
		const mailId = await queueMail({
			networkId,
			to: 'stuck@example.test',
			subject: 'Hängt',
			text: 'C',
			kind: 'test'
		});
		await waitFor(
			() => readMail(mailId),
			(mail) => mail?.status === 'sending',
			'the delivery never started'
		);

		// Must come back although the SMTP server never answers; the job goes back to the queue.
		await stopJobs();
		expect(await jobStates(mailId)).toEqual(['retry']);
		await hanging.close();

		await restartDatabase();
		const smtp = await startSmtpServer();
		servers.push(smtp);
		useSmtp(smtp.url);
		await startJobs(handle, testJobSettings);
		await waitFor(
			() => readMail(mailId),
			(mail) => mail?.status === 'sent',
			'the interrupted mail was not sent'
		);
		expect(await readMail(mailId)).toMatchObject({ attempts: 2 });
		expect(smtp.receivedFor('stuck@example.test')).toHaveLength(1);
		expect(hanging.received).toHaveLength(0);
	});

	it('marks a mail failed when its last attempt is cut off, so the office can send it again', async () => {
		const hanging = await startSmtpServer({ hangOnData: true });
		servers.push(hanging);
		useSmtp(hanging.url);
		const lastChance = { ...testJobSettings, mail: { ...testJobSettings.mail, retryLimit: 0 } };
		await startJobs(handle, lastChance);
		const mailId = await queueMail({
			networkId,
			to: 'cut-off@example.test',
			subject: 'Abgebrochen',
			text: 'D',
			kind: 'test'
		});
		await waitFor(
			() => readMail(mailId),
			(mail) => mail?.status === 'sending',
			'the delivery never started'
		);
		await stopJobs();
		expect(await jobStates(mailId)).toEqual(['failed']);

		// The hanging attempt is still waiting; the dead-letter worker must not wait for it.
		await startJobs(handle, lastChance);
		const failed = await waitFor(
			() => readMail(mailId),
			(mail) => mail?.status === 'failed',
			'the cut-off mail was never marked failed'
		);
		expect(failed).toMatchObject({ attempts: 1, sentAt: null });
		expect(failed!.lastError).toMatch(/interrupted/);

		await hanging.close();
		const smtp = await startSmtpServer();
		servers.push(smtp);
		useSmtp(smtp.url);
		expect(await retryMail(networkId, mailId)).toEqual({ ok: true });
		await waitFor(
			() => readMail(mailId),
			(mail) => mail?.status === 'sent',
			'the mail sent again was not delivered'
		);
		expect(smtp.receivedFor('cut-off@example.test')).toHaveLength(1);
	});
});
