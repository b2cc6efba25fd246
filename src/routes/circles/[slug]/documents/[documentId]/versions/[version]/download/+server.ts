import { notFound } from '#lib/server/guard.ts';
import { serveCircleDocument } from '#lib/server/circles/documents/download.ts';

/** One (earlier or current) version of a circle document, checked like the current one. */
export const GET = async (event) => {
	const version = event.params.version;
	if (!/^[1-9]\d{0,5}$/.test(version)) notFound();
	return serveCircleDocument(event, Number(version));
};
