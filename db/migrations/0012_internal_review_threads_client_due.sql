-- #17: the internal review of a version before the client (internal_reviews, pieces.discipline),
-- replies and resolved threads on comments; #16: each client's next pipeline deadline kept
-- (computed by the code on write, keyed by the rules it was computed with).
CREATE TABLE `internal_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`piece_id` text NOT NULL,
	`version_id` text NOT NULL,
	`discipline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`due_at` integer NOT NULL,
	`reminded_at` integer,
	`escalated_at` integer,
	`created_at` integer NOT NULL,
	`created_by` text,
	`decided_at` integer,
	`decided_by` text,
	`message` text,
	`close_key` text,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `piece_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `internal_reviews_version_id_unique` ON `internal_reviews` (`version_id`);--> statement-breakpoint
CREATE INDEX `internal_reviews_piece_idx` ON `internal_reviews` (`piece_id`);--> statement-breakpoint
CREATE INDEX `internal_reviews_open_idx` ON `internal_reviews` (`status`,`due_at`);--> statement-breakpoint
ALTER TABLE `piece_comments` ADD `parent_id` text REFERENCES piece_comments(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `piece_comments` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `piece_comments` ADD `resolved_by` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `piece_comments_piece_idx` ON `piece_comments` (`piece_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `piece_comments_parent_idx` ON `piece_comments` (`parent_id`);--> statement-breakpoint
ALTER TABLE `pieces` ADD `discipline` text DEFAULT 'design' NOT NULL;--> statement-breakpoint
ALTER TABLE `clients` ADD `pipeline_due_at` integer;--> statement-breakpoint
ALTER TABLE `clients` ADD `pipeline_due_kind` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `pipeline_rules_key` text;--> statement-breakpoint
CREATE INDEX `clients_pipeline_due_idx` ON `clients` (`pipeline_due_at`);