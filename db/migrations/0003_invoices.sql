CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`competence_month` text NOT NULL,
	`submitted_month` text NOT NULL,
	`number` text NOT NULL,
	`issue_date` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`note` text,
	`file_key` text NOT NULL,
	`file_name` text NOT NULL,
	`file_size` integer NOT NULL,
	`file_sha256` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`divergence_message` text,
	`payment_due_on` text NOT NULL,
	`paid_on` text,
	`submitted_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_partner_competence_idx` ON `invoices` (`partner_id`,`competence_month`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_partner_file_idx` ON `invoices` (`partner_id`,`file_sha256`);--> statement-breakpoint
CREATE INDEX `invoices_review_idx` ON `invoices` (`submitted_month`,`status`);--> statement-breakpoint
CREATE INDEX `invoices_competence_idx` ON `invoices` (`competence_month`,`status`);--> statement-breakpoint
CREATE INDEX `invoices_submitted_idx` ON `invoices` (`submitted_at`);