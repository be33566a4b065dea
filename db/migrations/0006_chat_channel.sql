ALTER TABLE `clients` ADD `chat_webhook_url` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `channel` text DEFAULT 'email' NOT NULL;