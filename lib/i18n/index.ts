/**
 * The shared i18n layer: core (`createT`, `resolveLocale`, types) and Intl formatting.
 * Area catalogs are imported from their own files (`lib/i18n/sidebar.ts`, …) so a bundle ships
 * only the words it uses.
 */
export * from './core.ts';
export * from './format.ts';
