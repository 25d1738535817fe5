/** Errors live in src/errors.ts (the core throws them too); re-exported here for the CLI's imports. */
export * from '../errors.js';
