CREATE TABLE `client_renewals` (
	`client_id` text NOT NULL,
	`service_ends_on` text NOT NULL,
	`renewed_until` text NOT NULL,
	`renewed_at` integer NOT NULL,
	`recorded_by` text,
	PRIMARY KEY(`client_id`, `service_ends_on`),
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_renewals_renewed_idx` ON `client_renewals` (`renewed_at`);--> statement-breakpoint
-- The one `renewed` milestone a client could have becomes its first renewal: of the service
-- ending on the client's recorded end (the day of the renewal when none was recorded, in the
-- agency's calendar: São Paulo keeps UTC−3 all year since 2019), its new end unknown (the same
-- day: isCarriedRenewal). The milestone goes: renewals are read from this table.
INSERT INTO `client_renewals` (`client_id`, `service_ends_on`, `renewed_until`, `renewed_at`, `recorded_by`)
SELECT m.`client_id`,
  coalesce(c.`service_ends_on`, date(m.`occurred_at` / 1000, 'unixepoch', '-3 hours')),
  coalesce(c.`service_ends_on`, date(m.`occurred_at` / 1000, 'unixepoch', '-3 hours')),
  m.`occurred_at`, m.`recorded_by`
FROM `client_milestones` m JOIN `clients` c ON c.`id` = m.`client_id`
WHERE m.`kind` = 'renewed';
--> statement-breakpoint
DELETE FROM `client_milestones` WHERE `kind` = 'renewed';
