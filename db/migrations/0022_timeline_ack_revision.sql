PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_timeline_recipients` (
	`id` integer PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`contact_id` text,
	`contact_name` text NOT NULL,
	`token_hash` text,
	`token_expires_at` integer,
	`reminder_token_hash` text,
	`reminder_token_expires_at` integer,
	`notified_at` integer,
	`reminded_at` integer,
	`responded_at` integer,
	`response` text,
	`observation` text,
	`responded_via` text,
	`answered_revision` integer,
	FOREIGN KEY (`entry_id`) REFERENCES `timeline_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `client_contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_timeline_recipients`("entry_id", "contact_id", "contact_name", "token_hash", "reminder_token_hash", "notified_at", "reminded_at", "responded_at", "response", "observation", "responded_via") SELECT "entry_id", "contact_id", "contact_name", "token_hash", "reminder_token_hash", "notified_at", "reminded_at", "responded_at", "response", "observation", "responded_via" FROM `timeline_recipients`;--> statement-breakpoint
DROP TABLE `timeline_recipients`;--> statement-breakpoint
ALTER TABLE `__new_timeline_recipients` RENAME TO `timeline_recipients`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `timeline_recipients_entry_contact_idx` ON `timeline_recipients` (`entry_id`,`contact_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `timeline_recipients_token_idx` ON `timeline_recipients` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `timeline_recipients_reminder_token_idx` ON `timeline_recipients` (`reminder_token_hash`);--> statement-breakpoint
CREATE INDEX `timeline_recipients_contact_idx` ON `timeline_recipients` (`contact_id`);--> statement-breakpoint
CREATE INDEX `timeline_recipients_pending_idx` ON `timeline_recipients` (`responded_at`,`reminded_at`);--> statement-breakpoint
CREATE INDEX `timeline_recipients_to_notify_idx` ON `timeline_recipients` (`entry_id`) WHERE "timeline_recipients"."notified_at" is null;--> statement-breakpoint
CREATE INDEX `timeline_recipients_to_remind_idx` ON `timeline_recipients` (`notified_at`) WHERE "timeline_recipients"."token_hash" is not null and "timeline_recipients"."response" is null and "timeline_recipients"."reminded_at" is null;