CREATE TABLE `campaign_day_metrics` (
	`client_id` text NOT NULL,
	`day` text NOT NULL,
	`campaign_name` text NOT NULL,
	`placement` text NOT NULL,
	`import_id` text NOT NULL,
	`currency` text NOT NULL,
	`spend_minor_units` integer NOT NULL,
	`impressions` integer NOT NULL,
	`link_clicks` integer NOT NULL,
	`results` integer NOT NULL,
	`result_indicator` text,
	`results_are_leads` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`client_id`, `day`, `campaign_name`, `placement`),
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `campaign_imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_day_metrics_import_idx` ON `campaign_day_metrics` (`import_id`);--> statement-breakpoint
CREATE TABLE `campaign_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`currency` text NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	`row_count` integer NOT NULL,
	`imported_by` text,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_imports_client_idx` ON `campaign_imports` (`client_id`,`last_day`);--> statement-breakpoint
CREATE TABLE `client_cost_norms` (
	`client_id` text NOT NULL,
	`metric` text NOT NULL,
	`placement` text NOT NULL,
	`currency` text NOT NULL,
	`max_minor_units` integer NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`client_id`, `metric`, `placement`),
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cost_breach_acknowledgements` (
	`client_id` text NOT NULL,
	`day` text NOT NULL,
	`campaign_name` text NOT NULL,
	`placement` text NOT NULL,
	`metric` text NOT NULL,
	`action` text NOT NULL,
	`note` text,
	`acknowledged_by` text NOT NULL,
	`acknowledged_at` integer NOT NULL,
	PRIMARY KEY(`client_id`, `day`, `campaign_name`, `placement`, `metric`),
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `timeline_action_items` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`position` integer NOT NULL,
	`what` text NOT NULL,
	`assignee_role` text NOT NULL,
	`assignee_id` text,
	`due_on` text NOT NULL,
	`task_request_id` text,
	`refusal` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `timeline_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_request_id`) REFERENCES `task_requests`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `timeline_action_items_position_idx` ON `timeline_action_items` (`entry_id`,`position`);--> statement-breakpoint
CREATE TABLE `timeline_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`visibility` text NOT NULL,
	`title` text NOT NULL,
	`content` text DEFAULT '{}' NOT NULL,
	`occurred_on` text NOT NULL,
	`period` text,
	`asks_acknowledgement` integer DEFAULT false NOT NULL,
	`author_id` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `timeline_entries_client_idx` ON `timeline_entries` (`client_id`,`occurred_on`,`created_at`);--> statement-breakpoint
CREATE INDEX `timeline_entries_report_idx` ON `timeline_entries` (`client_id`,`kind`,`period`);--> statement-breakpoint
CREATE TABLE `timeline_entry_revisions` (
	`entry_id` text NOT NULL,
	`revision` integer NOT NULL,
	`title` text NOT NULL,
	`content` text NOT NULL,
	`visibility` text NOT NULL,
	`occurred_on` text NOT NULL,
	`edited_by` text,
	`edited_at` integer NOT NULL,
	PRIMARY KEY(`entry_id`, `revision`),
	FOREIGN KEY (`entry_id`) REFERENCES `timeline_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `timeline_files` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`file_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `timeline_entries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `timeline_files_entry_idx` ON `timeline_files` (`entry_id`);--> statement-breakpoint
CREATE TABLE `timeline_recipients` (
	`entry_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`contact_name` text NOT NULL,
	`token_hash` text,
	`notified_at` integer,
	`reminded_at` integer,
	`responded_at` integer,
	`response` text,
	`observation` text,
	`responded_via` text,
	PRIMARY KEY(`entry_id`, `contact_id`),
	FOREIGN KEY (`entry_id`) REFERENCES `timeline_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `timeline_recipients_token_idx` ON `timeline_recipients` (`token_hash`);--> statement-breakpoint
CREATE INDEX `timeline_recipients_contact_idx` ON `timeline_recipients` (`contact_id`);--> statement-breakpoint
CREATE INDEX `timeline_recipients_pending_idx` ON `timeline_recipients` (`responded_at`,`reminded_at`);