const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs and job payloads are checked before they reach a uuid column (which would throw). */
export function isUuid(value: string) {
	return uuidPattern.test(value);
}
