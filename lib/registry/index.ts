/** Ticket registry: pure functions over the stored value. See `types.ts` for the shapes. */
export * from './types';
export * from './finished';
export * from './registry';
export * from './schema';
