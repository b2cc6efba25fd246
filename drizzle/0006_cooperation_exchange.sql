-- array_to_string() is only STABLE (it calls the element type's output function), so a generated
-- column may not use it; for text[] the result cannot change, which this wrapper states.
CREATE OR REPLACE FUNCTION knotenpunkt_join_words(words text[]) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT coalesce(array_to_string(words, ' '), '') $$;--> statement-breakpoint
CREATE TABLE "cooperation_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperation_digests" (
	"network_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"week" text NOT NULL,
	"item_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_digests_network_id_user_id_week_pk" PRIMARY KEY("network_id","user_id","week")
);
--> statement-breakpoint
CREATE TABLE "cooperation_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" text,
	"message" text NOT NULL,
	"contribution" text DEFAULT '' NOT NULL,
	"partnership_kind" text,
	"timeframe" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"outcome_by" text,
	"success_story" text DEFAULT '' NOT NULL,
	"success_story_publishable" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperation_match_notifications" (
	"network_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"emailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_match_notifications_profile_id_user_id_pk" PRIMARY KEY("profile_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cooperation_match_preferences" (
	"network_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"mode" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_match_preferences_network_id_user_id_pk" PRIMARY KEY("network_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cooperation_matches" (
	"network_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"counter_profile_id" uuid,
	"score" double precision NOT NULL,
	"rank" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_matches_profile_id_organisation_id_pk" PRIMARY KEY("profile_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "cooperation_profile_competencies" (
	"network_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	CONSTRAINT "cooperation_profile_competencies_profile_id_competence_id_pk" PRIMARY KEY("profile_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "cooperation_profile_views" (
	"network_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"first_viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_profile_views_profile_id_user_id_pk" PRIMARY KEY("profile_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cooperation_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" text,
	"type" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'members' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description_de" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"drivetrains" text[] DEFAULT '{}' NOT NULL,
	"trl" integer,
	"partnership_kinds" text[] DEFAULT '{}' NOT NULL,
	"expires_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text DEFAULT '' NOT NULL,
	"anonymous_views" integer DEFAULT 0 NOT NULL,
	"expiry_reminded_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(description_de, '') || ' ' || coalesce(description_en, '') || ' ' || knotenpunkt_join_words(keywords))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperation_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"interest_id" uuid,
	"kind" text NOT NULL,
	"actor_user_id" text,
	"note" text DEFAULT '' NOT NULL,
	"meeting_at" timestamp with time zone,
	"meeting_place" text,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cooperation_attachments" ADD CONSTRAINT "cooperation_attachments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_attachments" ADD CONSTRAINT "cooperation_attachments_profile_id_cooperation_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."cooperation_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_attachments" ADD CONSTRAINT "cooperation_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_attachments" ADD CONSTRAINT "cooperation_attachments_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_digests" ADD CONSTRAINT "cooperation_digests_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_digests" ADD CONSTRAINT "cooperation_digests_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_interests" ADD CONSTRAINT "cooperation_interests_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_interests" ADD CONSTRAINT "cooperation_interests_profile_id_cooperation_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."cooperation_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_interests" ADD CONSTRAINT "cooperation_interests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_interests" ADD CONSTRAINT "cooperation_interests_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_interests" ADD CONSTRAINT "cooperation_interests_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_interests" ADD CONSTRAINT "cooperation_interests_outcome_by_user_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_match_notifications" ADD CONSTRAINT "cooperation_match_notifications_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_match_notifications" ADD CONSTRAINT "cooperation_match_notifications_profile_id_cooperation_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."cooperation_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_match_notifications" ADD CONSTRAINT "cooperation_match_notifications_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_match_notifications" ADD CONSTRAINT "cooperation_match_notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_match_preferences" ADD CONSTRAINT "cooperation_match_preferences_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_match_preferences" ADD CONSTRAINT "cooperation_match_preferences_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_matches" ADD CONSTRAINT "cooperation_matches_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_matches" ADD CONSTRAINT "cooperation_matches_profile_id_cooperation_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."cooperation_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_matches" ADD CONSTRAINT "cooperation_matches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_matches" ADD CONSTRAINT "cooperation_matches_counter_profile_id_cooperation_profiles_id_fk" FOREIGN KEY ("counter_profile_id") REFERENCES "public"."cooperation_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profile_competencies" ADD CONSTRAINT "cooperation_profile_competencies_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profile_competencies" ADD CONSTRAINT "cooperation_profile_competencies_profile_id_cooperation_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."cooperation_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profile_competencies" ADD CONSTRAINT "cooperation_profile_competencies_competence_id_competencies_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profile_views" ADD CONSTRAINT "cooperation_profile_views_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profile_views" ADD CONSTRAINT "cooperation_profile_views_profile_id_cooperation_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."cooperation_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profile_views" ADD CONSTRAINT "cooperation_profile_views_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profiles" ADD CONSTRAINT "cooperation_profiles_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profiles" ADD CONSTRAINT "cooperation_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profiles" ADD CONSTRAINT "cooperation_profiles_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_profiles" ADD CONSTRAINT "cooperation_profiles_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_steps" ADD CONSTRAINT "cooperation_steps_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_steps" ADD CONSTRAINT "cooperation_steps_profile_id_cooperation_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."cooperation_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_steps" ADD CONSTRAINT "cooperation_steps_interest_id_cooperation_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."cooperation_interests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_steps" ADD CONSTRAINT "cooperation_steps_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_steps" ADD CONSTRAINT "cooperation_steps_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cooperation_attachments_profile_idx" ON "cooperation_attachments" USING btree ("profile_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_interests_open_idx" ON "cooperation_interests" USING btree ("profile_id","organisation_id") WHERE "cooperation_interests"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "cooperation_interests_profile_idx" ON "cooperation_interests" USING btree ("network_id","profile_id","created_at");--> statement-breakpoint
CREATE INDEX "cooperation_interests_organisation_idx" ON "cooperation_interests" USING btree ("network_id","organisation_id");--> statement-breakpoint
CREATE INDEX "cooperation_match_notifications_pending_idx" ON "cooperation_match_notifications" USING btree ("network_id","user_id") WHERE "cooperation_match_notifications"."emailed_at" is null;--> statement-breakpoint
CREATE INDEX "cooperation_matches_organisation_idx" ON "cooperation_matches" USING btree ("network_id","organisation_id");--> statement-breakpoint
CREATE INDEX "cooperation_profile_competencies_competence_idx" ON "cooperation_profile_competencies" USING btree ("network_id","competence_id");--> statement-breakpoint
CREATE INDEX "cooperation_profiles_network_status_idx" ON "cooperation_profiles" USING btree ("network_id","status","expires_at");--> statement-breakpoint
CREATE INDEX "cooperation_profiles_organisation_idx" ON "cooperation_profiles" USING btree ("network_id","organisation_id");--> statement-breakpoint
CREATE INDEX "cooperation_profiles_search_idx" ON "cooperation_profiles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "cooperation_profiles_drivetrains_idx" ON "cooperation_profiles" USING gin ("drivetrains");--> statement-breakpoint
CREATE INDEX "cooperation_steps_profile_idx" ON "cooperation_steps" USING btree ("network_id","profile_id","created_at");