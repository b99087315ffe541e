CREATE TABLE `lfs_locks` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`path` text NOT NULL,
	`owner_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lfs_locks_project_path_idx` ON `lfs_locks` (`project_id`,`path`);--> statement-breakpoint
CREATE TABLE `lfs_object_refs` (
	`project_id` text NOT NULL,
	`oid` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`project_id`, `oid`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`oid`) REFERENCES `lfs_objects`(`oid`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lfs_object_refs_oid_idx` ON `lfs_object_refs` (`oid`);--> statement-breakpoint
CREATE TABLE `lfs_objects` (
	`oid` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
