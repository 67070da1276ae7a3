/** The contract's service report: periods, formulas, the report itself and its exports. Pure. */
export * from './period';
export * from './address';
export * from './formulas';
export * from './compute';
export * from './csv';
