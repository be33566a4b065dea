DROP INDEX `change_requests_client_idx`;--> statement-breakpoint
CREATE INDEX `change_requests_client_idx` ON `change_requests` (`client_id`,`done_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `onboardings_open_idx` ON `onboardings` (`status`,`client_id`,`created_at`);