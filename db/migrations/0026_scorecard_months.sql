CREATE TABLE `scorecard_month_partners` (
	`month` text NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`roles` text NOT NULL,
	`paid` integer NOT NULL,
	`format` integer NOT NULL,
	`scorecard` text NOT NULL,
	PRIMARY KEY(`month`, `partner_id`),
	FOREIGN KEY (`month`) REFERENCES `scorecard_months`(`month`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scorecard_months` (
	`month` text PRIMARY KEY NOT NULL,
	`closed_at` integer NOT NULL,
	`best` text
);
