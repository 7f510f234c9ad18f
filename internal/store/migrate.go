package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema changes in order; migration i brings the store
// to schema version i+1, recorded in schema_version. A migration, once
// released, is never edited: a change is a new migration at the end.
//
// A mention and an event each keep their whole event.Event as JSON text in
// record (what `sitrep code` prints for it); the columns beside it are
// copies of the fields that filters, series and dedup read, so that those
// never parse JSON. DuckDB's JSON functions read record directly:
// record->>'$.evidence.trigger'.
var migrations = []string{
	// 1: articles, mentions and events.
	`CREATE TABLE articles (
		id          VARCHAR NOT NULL, -- reader.Article.ID, unique
		seq         BIGINT NOT NULL,  -- storing order
		date        DATE,             -- publication date
		title       VARCHAR NOT NULL,
		url         VARCHAR NOT NULL,
		source      VARCHAR NOT NULL, -- the publisher
		language    VARCHAR NOT NULL,
		text        VARCHAR NOT NULL, -- the text event offsets refer to
		sha         VARCHAR NOT NULL, -- hash of the fields above and the event IDs
		stored_at   TIMESTAMP NOT NULL
	);
	CREATE TABLE mentions (
		id          VARCHAR NOT NULL, -- event.Event.ID as coded from this article, unique
		event_id    VARCHAR NOT NULL, -- the event (happening) it is folded into
		seq         BIGINT NOT NULL,  -- storing order
		article_id  VARCHAR NOT NULL,
		source_key  VARCHAR NOT NULL, -- its publisher for num_sources: publisher, else URL host, else ''
		sentence    VARCHAR NOT NULL, -- the evidence sentence, for text search
		record      VARCHAR NOT NULL  -- the event.Event as coded from this article, JSON
	);
	CREATE TABLE events (
		id          VARCHAR NOT NULL, -- the ID of its first mention, unique
		seq         BIGINT NOT NULL,  -- its first mention's seq
		article_id  VARCHAR NOT NULL, -- its first mention's article
		date        DATE,             -- event date, NULL when unknown
		source_code VARCHAR NOT NULL, -- '' without a source
		source_country VARCHAR NOT NULL,
		target_code VARCHAR NOT NULL,
		target_country VARCHAR NOT NULL,
		cameo_code  VARCHAR NOT NULL,
		cameo_base  VARCHAR NOT NULL,
		cameo_root  VARCHAR NOT NULL,
		goldstein   DOUBLE NOT NULL,
		quad_class  INTEGER NOT NULL,
		plover_event VARCHAR NOT NULL,
		plover_mode VARCHAR NOT NULL,
		acled_event_type VARCHAR,     -- NULL when no ACLED type applies
		acled_sub_event_type VARCHAR,
		modality    VARCHAR NOT NULL,
		fact        BOOLEAN NOT NULL, -- event.Event.IsFact
		dkey        BIGINT NOT NULL,  -- dedup key: hash of source, target, CAMEO base, place, fact
		country     VARCHAR,          -- location country, NULL without a location
		lat         DOUBLE,
		lon         DOUBLE,
		confidence  DOUBLE NOT NULL,
		num_mentions INTEGER NOT NULL,
		num_sources  INTEGER NOT NULL,
		num_articles INTEGER NOT NULL,
		record      VARCHAR NOT NULL  -- the event.Event of its first mention, JSON
	);
	-- Point lookups: a page of events by ID, an event's mentions, an
	-- article and its mentions. Scans cover everything else.
	CREATE INDEX events_id ON events (id);
	CREATE INDEX mentions_event_id ON mentions (event_id);
	CREATE INDEX mentions_article_id ON mentions (article_id);
	CREATE INDEX articles_id ON articles (id);`,
}

// tempTables are the write connection's scratch tables.
var tempTables = []string{
	// The dedup keys and days of one PutBatch's dated mentions.
	`CREATE TEMP TABLE IF NOT EXISTS batch_keys (dkey BIGINT, d INTEGER)`,
	// The stored events that got mentions in one PutBatch.
	`CREATE TEMP TABLE IF NOT EXISTS batch_touched (id VARCHAR)`,
}

// schemaVersion returns the version recorded in db, 0 for a new file.
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' AND table_schema = 'main'`).Scan(&n)
	if err != nil || n == 0 {
		return 0, err
	}
	var v int
	err = db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// migrate applies the migrations db lacks, each in its own transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	v, err := schemaVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this sitrep's %d: upgrade sitrep", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, i+1); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}
