ALTER TABLE `timeline_recipients` ADD `reminder_token_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `timeline_recipients_reminder_token_idx` ON `timeline_recipients` (`reminder_token_hash`);