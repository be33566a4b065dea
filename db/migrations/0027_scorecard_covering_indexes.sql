DROP INDEX `approval_rounds_piece_idx`;--> statement-breakpoint
CREATE INDEX `approval_rounds_piece_idx` ON `approval_rounds` (`piece_id`,`created_at`);--> statement-breakpoint
DROP INDEX `change_requests_requested_idx`;--> statement-breakpoint
CREATE INDEX `change_requests_requested_idx` ON `change_requests` (`requested_at`,`client_id`,`kind`,`done_at`,`piece_id`);--> statement-breakpoint
DROP INDEX `pieces_due_idx`;--> statement-breakpoint
CREATE INDEX `pieces_due_idx` ON `pieces` (`due_on`,`discipline`,`project_id`,`client_id`,`id`);--> statement-breakpoint
DROP INDEX `internal_reviews_piece_idx`;--> statement-breakpoint
CREATE INDEX `internal_reviews_piece_idx` ON `internal_reviews` (`piece_id`,`created_at`);--> statement-breakpoint
DROP INDEX `satisfaction_surveys_month_idx`;--> statement-breakpoint
CREATE INDEX `satisfaction_surveys_month_idx` ON `satisfaction_surveys` (`answered_at`,`score`,`voided_at`,`client_id`,`trigger`,`subject_id`);--> statement-breakpoint
DROP INDEX `task_requests_due_idx`;--> statement-breakpoint
CREATE INDEX `task_requests_due_idx` ON `task_requests` (`due_on`,`assignee_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `piece_versions_uploader_idx` ON `piece_versions` (`piece_id`,`created_by`);--> statement-breakpoint
CREATE INDEX `client_team_members_client_idx` ON `client_team_members` (`client_id`,`user_id`,`role`,`added_at`);--> statement-breakpoint
CREATE INDEX `client_milestones_client_idx` ON `client_milestones` (`client_id`,`kind`,`occurred_at`);