/**
 * The fields of the cooperation section's form on /account/notifications. The page has one form
 * action; the hidden section field tells it which of its forms was sent.
 */
export const COOPERATION_MODE_FIELD = 'cooperationMode';
export const SECTION_FIELD = 'section';
export const COOPERATION_SECTION = 'cooperation';
