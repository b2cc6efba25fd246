import { serveCircleDocument } from '#lib/server/circles/documents/download.ts';

/** The current version of a circle document, checked against 'circle.read' at request time. */
export const GET = (event) => serveCircleDocument(event, null);
