CREATE TABLE "circle_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"actor_user_id" text,
	"title" text NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_admissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_by" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_digests" (
	"network_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"day" date NOT NULL,
	"item_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_digests_network_id_user_id_day_pk" PRIMARY KEY("network_id","user_id","day")
);
--> statement-breakpoint
CREATE TABLE "circle_document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"folder_id" uuid,
	"name" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"deleted_at" timestamp with time zone,
	"deleted_by" text,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(name, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_folders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_notifications" (
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"reason" text DEFAULT 'activity' NOT NULL,
	"emailed_at" timestamp with time zone,
	"seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_notifications_activity_id_user_id_pk" PRIMARY KEY("activity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "circle_post_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"body" text NOT NULL,
	"edited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_user_id" text,
	"body" text NOT NULL,
	"is_opening" boolean DEFAULT false NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" text,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(body, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"author_user_id" text,
	"pinned_at" timestamp with time zone,
	"pinned_by" text,
	"last_post_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" text,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(title, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"minutes_id" uuid,
	"event_id" uuid,
	"title" text NOT NULL,
	"owner_user_id" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_agenda_attachments" (
	"network_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_agenda_attachments_agenda_item_id_document_id_pk" PRIMARY KEY("agenda_item_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "circle_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"presenter_user_id" text,
	"presenter_name" text DEFAULT '' NOT NULL,
	"duration_minutes" integer,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(title, '') || ' ' || coalesce(notes, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circle_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"circle_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_user_id" text,
	"updated_by" text,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(body, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "circle_memberships" ADD COLUMN "notification_mode" text DEFAULT 'digest' NOT NULL;--> statement-breakpoint
ALTER TABLE "circles" ADD COLUMN "join_policy" text DEFAULT 'request' NOT NULL;--> statement-breakpoint
ALTER TABLE "circles" ADD COLUMN "confidential" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "circles" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "circle_activities" ADD CONSTRAINT "circle_activities_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_activities" ADD CONSTRAINT "circle_activities_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_activities" ADD CONSTRAINT "circle_activities_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_admissions" ADD CONSTRAINT "circle_admissions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_admissions" ADD CONSTRAINT "circle_admissions_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_admissions" ADD CONSTRAINT "circle_admissions_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_admissions" ADD CONSTRAINT "circle_admissions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_admissions" ADD CONSTRAINT "circle_admissions_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_digests" ADD CONSTRAINT "circle_digests_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_digests" ADD CONSTRAINT "circle_digests_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_document_versions" ADD CONSTRAINT "circle_document_versions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_document_versions" ADD CONSTRAINT "circle_document_versions_document_id_circle_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."circle_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_document_versions" ADD CONSTRAINT "circle_document_versions_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_document_versions" ADD CONSTRAINT "circle_document_versions_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_documents" ADD CONSTRAINT "circle_documents_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_documents" ADD CONSTRAINT "circle_documents_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_documents" ADD CONSTRAINT "circle_documents_folder_id_circle_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."circle_folders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_documents" ADD CONSTRAINT "circle_documents_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_documents" ADD CONSTRAINT "circle_documents_deleted_by_user_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_folders" ADD CONSTRAINT "circle_folders_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_folders" ADD CONSTRAINT "circle_folders_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_folders" ADD CONSTRAINT "circle_folders_parent_id_circle_folders_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."circle_folders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_folders" ADD CONSTRAINT "circle_folders_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_notifications" ADD CONSTRAINT "circle_notifications_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_notifications" ADD CONSTRAINT "circle_notifications_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_notifications" ADD CONSTRAINT "circle_notifications_activity_id_circle_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."circle_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_notifications" ADD CONSTRAINT "circle_notifications_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_post_revisions" ADD CONSTRAINT "circle_post_revisions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_post_revisions" ADD CONSTRAINT "circle_post_revisions_post_id_circle_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."circle_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_post_revisions" ADD CONSTRAINT "circle_post_revisions_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_posts" ADD CONSTRAINT "circle_posts_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_posts" ADD CONSTRAINT "circle_posts_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_posts" ADD CONSTRAINT "circle_posts_thread_id_circle_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."circle_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_posts" ADD CONSTRAINT "circle_posts_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_posts" ADD CONSTRAINT "circle_posts_deleted_by_user_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_threads" ADD CONSTRAINT "circle_threads_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_threads" ADD CONSTRAINT "circle_threads_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_threads" ADD CONSTRAINT "circle_threads_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_threads" ADD CONSTRAINT "circle_threads_pinned_by_user_id_fk" FOREIGN KEY ("pinned_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_threads" ADD CONSTRAINT "circle_threads_deleted_by_user_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_action_items" ADD CONSTRAINT "circle_action_items_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_action_items" ADD CONSTRAINT "circle_action_items_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_action_items" ADD CONSTRAINT "circle_action_items_minutes_id_circle_minutes_id_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."circle_minutes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_action_items" ADD CONSTRAINT "circle_action_items_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_action_items" ADD CONSTRAINT "circle_action_items_owner_user_id_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_action_items" ADD CONSTRAINT "circle_action_items_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_action_items" ADD CONSTRAINT "circle_action_items_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_agenda_attachments" ADD CONSTRAINT "circle_agenda_attachments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_agenda_attachments" ADD CONSTRAINT "circle_agenda_attachments_agenda_item_id_circle_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."circle_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_agenda_attachments" ADD CONSTRAINT "circle_agenda_attachments_document_id_circle_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."circle_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_agenda_items" ADD CONSTRAINT "circle_agenda_items_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_agenda_items" ADD CONSTRAINT "circle_agenda_items_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_agenda_items" ADD CONSTRAINT "circle_agenda_items_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_agenda_items" ADD CONSTRAINT "circle_agenda_items_presenter_user_id_user_id_fk" FOREIGN KEY ("presenter_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_minutes" ADD CONSTRAINT "circle_minutes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_minutes" ADD CONSTRAINT "circle_minutes_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_minutes" ADD CONSTRAINT "circle_minutes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_minutes" ADD CONSTRAINT "circle_minutes_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_minutes" ADD CONSTRAINT "circle_minutes_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_minutes" ADD CONSTRAINT "circle_minutes_approved_by_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "circle_activities_circle_idx" ON "circle_activities" USING btree ("circle_id","created_at");--> statement-breakpoint
CREATE INDEX "circle_activities_subject_idx" ON "circle_activities" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "circle_admissions_pending_idx" ON "circle_admissions" USING btree ("circle_id","user_id") WHERE "circle_admissions"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "circle_document_versions_idx" ON "circle_document_versions" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "circle_documents_circle_idx" ON "circle_documents" USING btree ("circle_id","folder_id");--> statement-breakpoint
CREATE INDEX "circle_documents_search_idx" ON "circle_documents" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "circle_folders_name_idx" ON "circle_folders" USING btree ("circle_id",coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("name"));--> statement-breakpoint
CREATE INDEX "circle_notifications_pending_idx" ON "circle_notifications" USING btree ("user_id","created_at") WHERE "circle_notifications"."emailed_at" IS NULL AND "circle_notifications"."seen_at" IS NULL;--> statement-breakpoint
CREATE INDEX "circle_post_revisions_post_idx" ON "circle_post_revisions" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "circle_posts_thread_idx" ON "circle_posts" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "circle_posts_search_idx" ON "circle_posts" USING gin ("search");--> statement-breakpoint
CREATE INDEX "circle_threads_circle_idx" ON "circle_threads" USING btree ("circle_id","last_post_at");--> statement-breakpoint
CREATE INDEX "circle_threads_search_idx" ON "circle_threads" USING gin ("search");--> statement-breakpoint
CREATE INDEX "circle_action_items_circle_idx" ON "circle_action_items" USING btree ("circle_id","status","due_on");--> statement-breakpoint
CREATE INDEX "circle_action_items_owner_idx" ON "circle_action_items" USING btree ("owner_user_id","status");--> statement-breakpoint
CREATE INDEX "circle_agenda_items_event_idx" ON "circle_agenda_items" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "circle_agenda_items_search_idx" ON "circle_agenda_items" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "circle_minutes_event_idx" ON "circle_minutes" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "circle_minutes_search_idx" ON "circle_minutes" USING gin ("search");--> statement-breakpoint
CREATE INDEX "circle_memberships_user_idx" ON "circle_memberships" USING btree ("user_id");