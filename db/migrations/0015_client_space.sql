-- #18: the client space: contacts' own sign-in links and sessions, may_use_space and how they are
-- told, projects visible to the client, request templates, requests with their files and
-- conversation, and the news kept for a contact until it is sent (at once or in a digest).
CREATE TABLE `client_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`contact_id` text,
	`contact_name` text NOT NULL,
	`template_id` text NOT NULL,
	`kind` text NOT NULL,
	`project_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`triage_due_at` integer,
	`reminded_at` integer,
	`escalated_at` integer,
	`decided_at` integer,
	`decided_by` text,
	`decline_reason` text,
	`result_project_id` text,
	`close_key` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`template_id`) REFERENCES `request_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `client_requests_client_idx` ON `client_requests` (`client_id`,`status`);--> statement-breakpoint
CREATE INDEX `client_requests_contact_idx` ON `client_requests` (`contact_id`);--> statement-breakpoint
CREATE INDEX `client_requests_triage_idx` ON `client_requests` (`status`,`triage_due_at`);--> statement-breakpoint
CREATE TABLE `contact_notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_notifications_dedupe_key_unique` ON `contact_notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `contact_notifications_pending_idx` ON `contact_notifications` (`sent_at`,`contact_id`);--> statement-breakpoint
CREATE TABLE `contact_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`contact_id` text,
	`created_at` integer NOT NULL,
	`last_verified_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_sessions_email_idx` ON `contact_sessions` (`email`);--> statement-breakpoint
CREATE INDEX `contact_sessions_contact_idx` ON `contact_sessions` (`contact_id`);--> statement-breakpoint
CREATE TABLE `contact_sign_in_links` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`session_id` text
);
--> statement-breakpoint
CREATE INDEX `contact_sign_in_links_email_idx` ON `contact_sign_in_links` (`email`);--> statement-breakpoint
CREATE TABLE `request_files` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`field_key` text NOT NULL,
	`file_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `client_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_files_request_idx` ON `request_files` (`request_id`);--> statement-breakpoint
CREATE TABLE `request_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`author_user_id` text,
	`author_contact_id` text,
	`author_name` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `client_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_messages_request_idx` ON `request_messages` (`request_id`);--> statement-breakpoint
CREATE TABLE `request_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`fields` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_templates_version_idx` ON `request_templates` (`client_id`,`kind`,`version`);--> statement-breakpoint
ALTER TABLE `projects` ADD `visible_to_client` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `client_contacts` ADD `may_use_space` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `client_contacts` ADD `notify_mode` text DEFAULT 'immediate' NOT NULL;