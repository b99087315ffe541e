CREATE TABLE `oauth_apps` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`host` text NOT NULL,
	`kind` text DEFAULT 'oauth-app' NOT NULL,
	`client_id` text NOT NULL,
	`sealed_client_secret` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oauth_apps_provider_host_idx` ON `oauth_apps` (`provider`,`host`);