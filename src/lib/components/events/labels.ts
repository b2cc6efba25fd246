import { m } from '../../paraglide/messages.js';
import type { EventAudience } from '../../events/vocabulary.ts';

/** Display labels of the events module's vocabularies, in the current language. */
export function audienceLabel(audience: EventAudience): string {
	if (audience === 'public') return m.events_audience_public();
	if (audience === 'members') return m.events_audience_members();
	return m.events_audience_circle();
}
