import { eq } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { legalPages } from '../db/schema/index.ts';

export const legalKinds = ['imprint', 'privacy'] as const;
export type LegalKind = (typeof legalKinds)[number];

export type LegalTexts = Record<LegalKind, { bodyDe: string; bodyEn: string; updatedAt: Date | null }>;

/** Both legal pages of a network for the editor; missing rows read as empty. */
export async function loadLegalTexts(networkId: string): Promise<LegalTexts> {
	const rows = await (await db()).select().from(legalPages).where(eq(legalPages.networkId, networkId));
	const of = (kind: LegalKind) => {
		const row = rows.find((r) => r.kind === kind);
		return { bodyDe: row?.bodyDe ?? '', bodyEn: row?.bodyEn ?? '', updatedAt: row?.updatedAt ?? null };
	};
	return { imprint: of('imprint'), privacy: of('privacy') };
}
