/**
 * A status badge's colours (StatusBadge): what each feature's status-to-colour table maps to,
 * named once here so that the badge and every table agree, and a new tone is added in one place.
 */
export type BadgeTone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';
