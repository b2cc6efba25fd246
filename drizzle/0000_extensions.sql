-- pg_trgm powers typo-tolerant name search (organisations, people).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
