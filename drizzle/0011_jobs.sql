CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`project_id` text NOT NULL,
	`payload` text NOT NULL,
	`batch_id` text NOT NULL,
	`requested_by_id` text,
	`state` text DEFAULT 'queued' NOT NULL,
	`step` text DEFAULT 'queued' NOT NULL,
	`message` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_by` text,
	`lease_until` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`started_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `jobs_state_idx` ON `jobs` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `jobs_batch_idx` ON `jobs` (`batch_id`);--> statement-breakpoint
CREATE INDEX `jobs_project_idx` ON `jobs` (`project_id`);--> statement-breakpoint
ALTER TABLE `projects` ADD `moving_job_id` text;