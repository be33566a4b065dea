CREATE INDEX `approval_rounds_closed_idx` ON `approval_rounds` (`status`,`closed_at`);--> statement-breakpoint
CREATE INDEX `satisfaction_surveys_month_idx` ON `satisfaction_surveys` (`answered_at`);