/** The largest upload: about 40,000 rows of a typical member list. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
