CREATE INDEX `change_requests_requested_idx` ON `change_requests` (`requested_at`);--> statement-breakpoint
CREATE INDEX `pieces_due_idx` ON `pieces` (`due_on`);--> statement-breakpoint
CREATE INDEX `clients_service_ends_idx` ON `clients` (`service_ends_on`);--> statement-breakpoint
CREATE INDEX `clients_service_starts_idx` ON `clients` (`service_starts_on`);--> statement-breakpoint
CREATE INDEX `client_milestones_occurred_idx` ON `client_milestones` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `task_requests_due_idx` ON `task_requests` (`due_on`);