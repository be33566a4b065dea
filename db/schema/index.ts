// The whole schema, one table group per file.
export * from './approvals.ts';
export * from './campaign-costs.ts';
export * from './client-space.ts';
export * from './client-teams.ts';
export * from './clients.ts';
export * from './events.ts';
export * from './internal-reviews.ts';
export * from './invoice-totals.ts';
export * from './invoices.ts';
export * from './onboarding.ts';
export * from './outbox.ts';
export * from './rate-limits.ts';
export * from './sessions.ts';
export * from './sign-in-links.ts';
export * from './task-requests.ts';
export * from './timeline.ts';
export * from './users.ts';
