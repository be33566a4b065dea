CREATE TABLE `client_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`service_starts_on` text NOT NULL,
	`requested_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_refunds_service_idx` ON `client_refunds` (`client_id`,`service_starts_on`);--> statement-breakpoint
CREATE INDEX `client_refunds_requested_idx` ON `client_refunds` (`requested_on`);--> statement-breakpoint
CREATE TABLE `satisfaction_surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`trigger` text NOT NULL,
	`subject_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`voided_at` integer,
	`answered_at` integer,
	`score` integer,
	`comment` text,
	`low_score_task_id` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`low_score_task_id`) REFERENCES `task_requests`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `satisfaction_surveys_token_hash_unique` ON `satisfaction_surveys` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `satisfaction_surveys_subject_idx` ON `satisfaction_surveys` (`trigger`,`subject_id`,`contact_id`);--> statement-breakpoint
CREATE INDEX `satisfaction_surveys_contact_idx` ON `satisfaction_surveys` (`contact_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `satisfaction_surveys_answered_idx` ON `satisfaction_surveys` (`client_id`,`answered_at`);