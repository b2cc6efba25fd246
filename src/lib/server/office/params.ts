/** Reading list pages' search, filters and page from the URL, so every list view is a link. */
export const PAGE_SIZE = 25;

export function readPage(url: URL): number {
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	return Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export function readText(url: URL, name: string, max = 200): string | undefined {
	const value = url.searchParams.get(name)?.trim();
	return value ? value.slice(0, max) : undefined;
}

export function readChoice<T extends string>(url: URL, name: string, values: readonly T[]): T | undefined {
	const value = url.searchParams.get(name);
	return values.includes(value as T) ? (value as T) : undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs are checked before they reach a uuid column (which would throw). */
export function isUuid(value: string | null | undefined): value is string {
	return !!value && uuidPattern.test(value);
}

export function auditContext(event: { request: Request; locals: App.Locals }) {
	return { ipAddress: event.locals.clientAddress, userAgent: event.request.headers.get('user-agent') };
}
