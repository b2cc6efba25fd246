export const load = ({ locals }) => ({ network: locals.network.name });
