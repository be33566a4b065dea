CREATE TABLE `task_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`requester_id` text NOT NULL,
	`requester_role` text NOT NULL,
	`assignee_role` text NOT NULL,
	`assignee_id` text,
	`what` text NOT NULL,
	`why` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_requests_client_idx` ON `task_requests` (`client_id`);--> statement-breakpoint
CREATE INDEX `task_requests_requester_idx` ON `task_requests` (`requester_id`);--> statement-breakpoint
CREATE INDEX `task_requests_assignee_idx` ON `task_requests` (`assignee_id`);