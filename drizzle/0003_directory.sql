CREATE TABLE "competencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"parent_id" uuid,
	"slug" text NOT NULL,
	"path" text NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"created_by" text,
	"file_name" text NOT NULL,
	"file_id" uuid,
	"status" text DEFAULT 'analysed' NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "membership_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"organisation_name" text NOT NULL,
	"legal_form" text,
	"kind" text DEFAULT 'member_company' NOT NULL,
	"website" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"district" text,
	"employees" integer,
	"value_chain" text,
	"description" text DEFAULT '' NOT NULL,
	"competencies" text DEFAULT '' NOT NULL,
	"contact_first_name" text NOT NULL,
	"contact_last_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"contact_job_title" text,
	"locale" text DEFAULT 'de' NOT NULL,
	"consented_statutes_at" timestamp with time zone NOT NULL,
	"consented_privacy_at" timestamp with time zone NOT NULL,
	"office_note" text DEFAULT '' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_competencies" (
	"network_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	CONSTRAINT "organisation_competencies_organisation_id_competence_id_pk" PRIMARY KEY("organisation_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "long_description_de" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "long_description_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "value_chain" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "drivetrains" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "products" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "certifications" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "keywords" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "logo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "visibility" jsonb DEFAULT '{"description":"public","contact":"members","address":"public","competencies":"public","facts":"public"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "size_class" text GENERATED ALWAYS AS (case when employees is null then null when employees < 10 then 'micro' when employees < 50 then 'small' when employees < 250 then 'medium' when employees < 1000 then 'large' else 'enterprise' end) STORED;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "competence_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_public" "tsvector";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_members" "tsvector";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_office" "tsvector";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_text_public" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_text_members" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_text_office" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "contact_function" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "directory_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_parent_id_competencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."competencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_competencies" ADD CONSTRAINT "organisation_competencies_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_competencies" ADD CONSTRAINT "organisation_competencies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_competencies" ADD CONSTRAINT "organisation_competencies_competence_id_competencies_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competencies_network_path_idx" ON "competencies" USING btree ("network_id","path");--> statement-breakpoint
CREATE INDEX "competencies_network_parent_idx" ON "competencies" USING btree ("network_id","parent_id");--> statement-breakpoint
CREATE INDEX "import_runs_network_created_idx" ON "import_runs" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "membership_applications_network_status_idx" ON "membership_applications" USING btree ("network_id","status","created_at");--> statement-breakpoint
CREATE INDEX "organisation_competencies_competence_idx" ON "organisation_competencies" USING btree ("network_id","competence_id");--> statement-breakpoint
CREATE INDEX "stored_files_network_idx" ON "stored_files" USING btree ("network_id","purpose");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm_idx" ON "organisations" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_search_public_idx" ON "organisations" USING gin ("search_public");--> statement-breakpoint
CREATE INDEX "organisations_search_members_idx" ON "organisations" USING gin ("search_members");--> statement-breakpoint
CREATE INDEX "organisations_search_office_idx" ON "organisations" USING gin ("search_office");--> statement-breakpoint
CREATE INDEX "organisations_search_text_public_idx" ON "organisations" USING gin ("search_text_public" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_search_text_members_idx" ON "organisations" USING gin ("search_text_members" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_search_text_office_idx" ON "organisations" USING gin ("search_text_office" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_competence_ids_idx" ON "organisations" USING gin ("competence_ids");--> statement-breakpoint
CREATE INDEX "organisations_drivetrains_idx" ON "organisations" USING gin ("drivetrains");--> statement-breakpoint
CREATE INDEX "organisations_certifications_idx" ON "organisations" USING gin ("certifications");