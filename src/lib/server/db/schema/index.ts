export * from './auth.ts';
export * from './networks.ts';
export * from './organisations.ts';
export * from './roles.ts';
export * from './circles.ts';
export * from './operations.ts';
export * from './directory.ts';
export * from './events.ts';
