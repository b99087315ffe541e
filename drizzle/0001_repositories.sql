CREATE TABLE `repositories` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`provider` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`location` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`bucket` text,
	`region` text,
	`endpoint` text,
	`sealed_credentials` text,
	`token_expires_at` integer,
	`last_test_ok` integer,
	`last_test_at` integer,
	`last_test_message` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repositories_owner_name_idx` ON `repositories` (`owner_id`,`name_key`);