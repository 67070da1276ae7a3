/** Contract compliance over finished tickets, periods in a zone, and CSV export. */
export * from './goals';
export * from './period';
export * from './compute';
export * from './csv';
export * from './archive';
