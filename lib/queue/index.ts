/** Queue fetchers for the popup's refresh: run in the background, `fetch` and `sleep` passed in, never throw. */
export * from './types';
export * from './http';
export * from '../helpdesks/zendesk/listing';
export * from '../helpdesks/topdesk/listing';
