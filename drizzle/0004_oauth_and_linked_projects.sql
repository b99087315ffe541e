CREATE TABLE `oauth_requests` (
	`state_digest` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`provider` text NOT NULL,
	`host` text NOT NULL,
	`sealed_code_verifier` text NOT NULL,
	`return_to` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `connections` ADD `refresh_claimed_until` integer;--> statement-breakpoint
ALTER TABLE `connections` ADD `reconnect_reason` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `repository_id` text;