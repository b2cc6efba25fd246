import { m } from '#lib/paraglide/messages.js';
import type { LogoResult } from '#lib/server/profiles/logo/mutations.ts';

type Reason = Extract<LogoResult, { ok: false }>['reason'];

const messages: Record<Reason, () => string> = {
	NOT_FOUND: m.profiles_error_not_found,
	EMPTY: m.profiles_logo_missing,
	TOO_LARGE: m.profiles_logo_too_large,
	SVG: m.profiles_logo_svg,
	UNSUPPORTED: m.profiles_logo_unsupported,
	DIMENSIONS: m.profiles_logo_dimensions
};

/** Why an upload was refused, in the user's language. */
export const logoFailureMessage = (reason: Reason) => messages[reason]();
