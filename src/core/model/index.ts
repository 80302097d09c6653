/** The design model: types, validation, defaults and pure edit commands. */
export * from './types.ts';
export * from './result.ts';
export * from './errors.ts';
export * from './schema.ts';
export * from './naming.ts';
export * from './match-check.ts';
export * from './defaults.ts';
export * from './addressing.ts';
export * from './queries.ts';
export * from './commands/index.ts';
