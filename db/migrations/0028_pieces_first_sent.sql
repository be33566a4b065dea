DROP INDEX `pieces_due_idx`;--> statement-breakpoint
ALTER TABLE `pieces` ADD `first_sent_at` integer;--> statement-breakpoint
CREATE INDEX `pieces_due_idx` ON `pieces` (`due_on`,`discipline`,`project_id`,`client_id`,`first_sent_at`);--> statement-breakpoint
UPDATE `pieces` SET `first_sent_at` = (SELECT min(`at`) FROM (SELECT `created_at` AS `at` FROM `approval_rounds` WHERE `piece_id` = `pieces`.`id` UNION ALL SELECT `created_at` FROM `internal_reviews` WHERE `piece_id` = `pieces`.`id`));--> statement-breakpoint
CREATE TRIGGER `pieces_first_sent_round` AFTER INSERT ON `approval_rounds` BEGIN
	UPDATE `pieces` SET `first_sent_at` = NEW.`created_at` WHERE `id` = NEW.`piece_id` AND (`first_sent_at` IS NULL OR `first_sent_at` > NEW.`created_at`);
END;
--> statement-breakpoint
CREATE TRIGGER `pieces_first_sent_review` AFTER INSERT ON `internal_reviews` BEGIN
	UPDATE `pieces` SET `first_sent_at` = NEW.`created_at` WHERE `id` = NEW.`piece_id` AND (`first_sent_at` IS NULL OR `first_sent_at` > NEW.`created_at`);
END;
