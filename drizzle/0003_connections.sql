CREATE TABLE `connections` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`provider` text NOT NULL,
	`host` text NOT NULL,
	`login` text NOT NULL,
	`method` text NOT NULL,
	`sealed_token` text NOT NULL,
	`sealed_refresh_token` text,
	`scopes` text,
	`expires_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `connections_user_provider_host_idx` ON `connections` (`user_id`,`provider`,`host`);