CREATE TABLE `retired_repositories` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`project_name` text NOT NULL,
	`location` text NOT NULL,
	`path` text NOT NULL,
	`vcs_backend_id` text,
	`reason` text NOT NULL,
	`message` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `projects` ADD `remote_location` text;