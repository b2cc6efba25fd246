import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { mailAttachments, mailMessages, type MailStatus } from '../db/schema/index.ts';
import { isUuid } from './ids.ts';

export type MailListOptions = { status?: MailStatus; search?: string; page: number; pageSize: number };

export type MailListRow = {
	id: string;
	toAddress: string;
	subject: string;
	kind: string;
	status: MailStatus;
	attempts: number;
	lastError: string | null;
	createdAt: Date;
	sentAt: Date | null;
};

const MAX_PAGE_SIZE = 200;

function likePattern(search: string) {
	return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The network's mails, newest first; search looks in recipient and subject. */
export async function listMails(
	networkId: string,
	options: MailListOptions
): Promise<{ rows: MailListRow[]; total: number }> {
	const database = await db();
	const conditions: SQL[] = [eq(mailMessages.networkId, networkId)];
	if (options.status) conditions.push(eq(mailMessages.status, options.status));
	const search = options.search?.trim();
	if (search) {
		const pattern = likePattern(search);
		conditions.push(or(ilike(mailMessages.toAddress, pattern), ilike(mailMessages.subject, pattern))!);
	}
	const where = and(...conditions);
	const pageSize = Math.min(Math.max(Math.trunc(options.pageSize) || 1, 1), MAX_PAGE_SIZE);
	const page = Math.max(Math.trunc(options.page) || 1, 1);
	const [rows, [{ value: total } = { value: 0 }]] = await Promise.all([
		database
			.select({
				id: mailMessages.id,
				toAddress: mailMessages.toAddress,
				subject: mailMessages.subject,
				kind: mailMessages.kind,
				status: mailMessages.status,
				attempts: mailMessages.attempts,
				lastError: mailMessages.lastError,
				createdAt: mailMessages.createdAt,
				sentAt: mailMessages.sentAt
			})
			.from(mailMessages)
			.where(where)
			.orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		database.select({ value: count() }).from(mailMessages).where(where)
	]);
	return { rows, total };
}

/** One mail of the network with its bodies, or null (also for another network's id or a malformed id). */
export async function getMail(networkId: string, id: string) {
	if (!isUuid(id)) return null;
	const database = await db();
	const [row] = await database
		.select()
		.from(mailMessages)
		.where(and(eq(mailMessages.id, id), eq(mailMessages.networkId, networkId)))
		.limit(1);
	if (!row) return null;
	const attachments = await database
		.select({
			fileName: mailAttachments.fileName,
			contentType: mailAttachments.contentType,
			byteSize: sql<number>`octet_length(${mailAttachments.content})`.mapWith(Number)
		})
		.from(mailAttachments)
		.where(eq(mailAttachments.mailId, row.id))
		.orderBy(asc(mailAttachments.position));
	return { ...row, attachments };
}
