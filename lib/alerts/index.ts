/** Alert planning (notifications + next alarm) and the toolbar badge. Pure: `now` is a parameter. */
export * from './plan';
export * from './badge';
export * from './text';
export * from './new-ticket';
