CREATE TABLE `client_milestones` (
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` integer NOT NULL,
	PRIMARY KEY(`client_id`, `kind`),
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `onboarding_answers` (
	`onboarding_id` text NOT NULL,
	`question_id` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_contact_id` text,
	PRIMARY KEY(`onboarding_id`, `question_id`),
	FOREIGN KEY (`onboarding_id`) REFERENCES `onboardings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `onboarding_files` (
	`id` text PRIMARY KEY NOT NULL,
	`onboarding_id` text NOT NULL,
	`question_id` text NOT NULL,
	`file_key` text NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	`uploaded_by_contact_id` text,
	FOREIGN KEY (`onboarding_id`) REFERENCES `onboardings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `onboarding_files_onboarding_idx` ON `onboarding_files` (`onboarding_id`);--> statement-breakpoint
CREATE TABLE `onboarding_links` (
	`id` text PRIMARY KEY NOT NULL,
	`onboarding_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`first_opened_at` integer,
	`last_opened_at` integer,
	FOREIGN KEY (`onboarding_id`) REFERENCES `onboardings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `onboarding_links_onboarding_idx` ON `onboarding_links` (`onboarding_id`);--> statement-breakpoint
CREATE TABLE `onboarding_section_saves` (
	`onboarding_id` text NOT NULL,
	`section_id` text NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`onboarding_id`, `section_id`),
	FOREIGN KEY (`onboarding_id`) REFERENCES `onboardings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `onboardings` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`consent_at` integer,
	`consent_by_contact_id` text,
	`consent_notice_version` integer,
	`submitted_at` integer,
	`submitted_by_contact_id` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `onboardings_client_id_unique` ON `onboardings` (`client_id`);