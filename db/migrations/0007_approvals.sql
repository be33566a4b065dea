CREATE TABLE `approval_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`contact_name` text NOT NULL,
	`decision` text NOT NULL,
	`message` text,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `approval_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approval_decisions_contact_idx` ON `approval_decisions` (`round_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `approval_links` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`first_opened_at` integer,
	FOREIGN KEY (`round_id`) REFERENCES `approval_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `approval_links_round_idx` ON `approval_links` (`round_id`);--> statement-breakpoint
CREATE INDEX `approval_links_contact_idx` ON `approval_links` (`contact_id`);--> statement-breakpoint
CREATE TABLE `approval_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`piece_id` text NOT NULL,
	`version_id` text NOT NULL,
	`rule` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`closed_at` integer,
	`close_key` text,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `piece_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approval_rounds_version_id_unique` ON `approval_rounds` (`version_id`);--> statement-breakpoint
CREATE INDEX `approval_rounds_piece_idx` ON `approval_rounds` (`piece_id`);--> statement-breakpoint
CREATE TABLE `change_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`piece_id` text,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`requested_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`done_at` integer,
	`done_by` text,
	`done_key` text,
	`recorded_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `change_requests_client_idx` ON `change_requests` (`client_id`);--> statement-breakpoint
CREATE INDEX `change_requests_piece_idx` ON `change_requests` (`piece_id`);--> statement-breakpoint
CREATE TABLE `piece_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`piece_id` text NOT NULL,
	`version_id` text NOT NULL,
	`author_user_id` text,
	`author_contact_id` text,
	`author_name` text NOT NULL,
	`target` text NOT NULL,
	`pin_x` real,
	`pin_y` real,
	`body` text NOT NULL,
	`internal` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `piece_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `piece_comments_version_idx` ON `piece_comments` (`version_id`);--> statement-breakpoint
CREATE TABLE `piece_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`piece_id` text NOT NULL,
	`number` integer NOT NULL,
	`file_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`width` integer,
	`height` integer,
	`text` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `piece_versions_number_idx` ON `piece_versions` (`piece_id`,`number`);--> statement-breakpoint
CREATE TABLE `pieces` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`client_id` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'in_production' NOT NULL,
	`latest_version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pieces_client_idx` ON `pieces` (`client_id`);--> statement-breakpoint
CREATE INDEX `pieces_project_idx` ON `pieces` (`project_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`name` text NOT NULL,
	`designer_id` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`designer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_client_idx` ON `projects` (`client_id`);--> statement-breakpoint
CREATE INDEX `projects_designer_idx` ON `projects` (`designer_id`);