DROP INDEX `change_requests_client_idx`;--> statement-breakpoint
CREATE INDEX `change_requests_client_idx` ON `change_requests` (`client_id`,`done_at`,`due_at`);--> statement-breakpoint
DROP INDEX `client_renewals_renewed_idx`;--> statement-breakpoint
CREATE INDEX `client_renewals_renewed_idx` ON `client_renewals` (`renewed_at`,`client_id`);--> statement-breakpoint
DROP INDEX `clients_service_ends_idx`;--> statement-breakpoint
DROP INDEX `clients_service_starts_idx`;--> statement-breakpoint
CREATE INDEX `clients_service_ends_idx` ON `clients` (`service_ends_on`,`id`);--> statement-breakpoint
CREATE INDEX `clients_service_starts_idx` ON `clients` (`service_starts_on`,`id`);--> statement-breakpoint
DROP INDEX `client_milestones_occurred_idx`;--> statement-breakpoint
CREATE INDEX `client_milestones_occurred_idx` ON `client_milestones` (`occurred_at`,`client_id`);--> statement-breakpoint
CREATE INDEX `onboardings_open_idx` ON `onboardings` (`status`,`client_id`,`created_at`);