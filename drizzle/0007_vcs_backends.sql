CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vcs_backends` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`credential_hostname` text NOT NULL,
	`repository_template` text NOT NULL,
	`organization` text NOT NULL,
	`username` text NOT NULL,
	`sealed_token` text NOT NULL,
	`on_delete` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `projects` ADD `vcs_backend_id` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `remote_name` text;