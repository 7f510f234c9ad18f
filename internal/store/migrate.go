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
// Version 1 kept each event.Event as JSON text; version 2 keeps numbers
// (see dict.go and columns.go); version 3 keeps fewer of them a mention
// (see details.go).
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

	// 2: numbers instead of records. Mentions and events become rows of
	// numbers (mention_rows, event_rows, extras) over a dictionary of the
	// tuples they repeat (dict); see dict.go and columns.go. The version 1
	// tables are kept as v1_*, and Open moves their articles into the new
	// tables and drops them. The views events and mentions show the
	// numbers as the codes and texts they stand for, for SQL.
	`DROP INDEX events_id;
	DROP INDEX mentions_event_id;
	DROP INDEX mentions_article_id;
	DROP INDEX articles_id;
	ALTER TABLE articles RENAME TO v1_articles;
	ALTER TABLE mentions RENAME TO v1_mentions;
	ALTER TABLE events RENAME TO v1_events;
	CREATE TABLE articles (
		id          VARCHAR NOT NULL, -- reader.Article.ID, unique
		seq         BIGINT NOT NULL,  -- storing order; mention_rows.aseq
		date        DATE,             -- publication date
		title       VARCHAR NOT NULL,
		url         VARCHAR NOT NULL,
		source      VARCHAR NOT NULL, -- the publisher
		language    VARCHAR NOT NULL,
		text        VARCHAR NOT NULL, -- the text event offsets refer to
		sha         VARCHAR NOT NULL, -- hash of the fields above and the event IDs
		stored_at   TIMESTAMP NOT NULL
	);
	CREATE TABLE dict (
		id          INTEGER NOT NULL, -- 1, 2, ...: the number columns hold
		kind        VARCHAR NOT NULL, -- a actor, c coding, m modality, p place, t attribution, n count, s string
		val         VARCHAR NOT NULL  -- the tuple as a JSON array of strings
	);
	CREATE TABLE mention_rows (
		seq         BIGINT NOT NULL,  -- storing order, unique
		event       BIGINT NOT NULL,  -- the seq of the event (happening) it is folded into
		id_hi       UBIGINT NOT NULL, -- event.Event.ID, 24 hex digits, as two numbers
		id_lo       UINTEGER NOT NULL,
		aseq        BIGINT NOT NULL,  -- articles.seq
		day         INTEGER,          -- Event.Date as days since 1970-01-01, NULL when unknown
		mode        INTEGER NOT NULL, -- dict: modality, cue, date precision, date type
		src         INTEGER NOT NULL, -- dict actor, 0 without a source
		src_span    BIGINT NOT NULL,  -- its text: start << 32 | end, byte offsets into articles.text
		tgt         INTEGER NOT NULL,
		tgt_span    BIGINT NOT NULL,
		coding      INTEGER NOT NULL, -- dict: CAMEO, Goldstein, quad class, PLOVER, ACLED
		place       INTEGER NOT NULL, -- dict place, 0 without a location
		place_span  BIGINT NOT NULL,
		attrib      INTEGER NOT NULL, -- dict attribution, 0 without one
		attrib_span BIGINT NOT NULL,
		sentence    BIGINT NOT NULL,  -- span of the evidence sentence
		span        BIGINT NOT NULL,  -- Evidence.Start, End
		trigger     BIGINT NOT NULL,  -- span of the trigger
		sent_index  INTEGER NOT NULL,
		rule        INTEGER NOT NULL, -- dict string
		confidence  DOUBLE NOT NULL,
		skey        INTEGER NOT NULL, -- dict string: the publisher num_sources counts
		flags       SMALLINT NOT NULL -- see columns.go
	);
	CREATE TABLE event_rows (
		seq         BIGINT NOT NULL,  -- its first mention's seq, unique
		day         INTEGER,          -- its first mention's day
		src         INTEGER NOT NULL,
		tgt         INTEGER NOT NULL,
		coding      INTEGER NOT NULL,
		place       INTEGER NOT NULL,
		dkey        BIGINT NOT NULL,  -- dedup key: hash of source, target, CAMEO base, place, fact
		num_mentions INTEGER NOT NULL,
		num_sources  INTEGER NOT NULL,
		num_articles INTEGER NOT NULL
	);
	CREATE TABLE extras (
		seq         BIGINT NOT NULL,  -- the mention
		kind        TINYINT NOT NULL, -- 1 count, 2 place, 3 whole text
		ord         SMALLINT NOT NULL,
		ref         INTEGER NOT NULL, -- dict
		span        BIGINT NOT NULL
	);
	CREATE MACRO span_text(t, s) AS
		CASE WHEN s >> 32 >= 0 AND s >> 32 <= s & 4294967295 AND s & 4294967295 <= strlen(t)
		THEN try(decode(encode(t)[(s >> 32) + 1 : s & 4294967295])) END;
	CREATE MACRO mention_id(s, hi, lo, fl) AS
		CASE WHEN fl & 8 = 0 THEN printf('%016x%08x', hi, lo)
		ELSE (SELECT d.val->>'$[0]' FROM extras x JOIN dict d ON d.id = x.ref WHERE x.seq = s AND x.kind = 3 AND x.ord = 0) END;
	CREATE VIEW mentions AS
	SELECT mention_id(m.seq, m.id_hi, m.id_lo, m.flags) AS id, mention_id(f.seq, f.id_hi, f.id_lo, f.flags) AS event_id,
		m.seq, m.event AS event_seq, a.id AS article_id, DATE '1970-01-01' + m.day AS date,
		coalesce(sa.val->>'$[0]', '') AS source_code, coalesce(ta.val->>'$[0]', '') AS target_code,
		c.val->>'$[0]' AS cameo_code, md.val->>'$[0]' AS modality, m.confidence,
		coalesce(k.val->>'$[0]', '') AS source_key,
		span_text(a.text, m.sentence) AS sentence, span_text(a.text, m.trigger) AS trigger
	FROM mention_rows m JOIN articles a ON a.seq = m.aseq JOIN mention_rows f ON f.seq = m.event
		LEFT JOIN dict sa ON sa.id = m.src LEFT JOIN dict ta ON ta.id = m.tgt
		LEFT JOIN dict c ON c.id = m.coding LEFT JOIN dict md ON md.id = m.mode LEFT JOIN dict k ON k.id = m.skey;
	CREATE VIEW events AS
	SELECT m.id, e.seq, m.article_id, DATE '1970-01-01' + e.day AS date,
		coalesce(sa.val->>'$[0]', '') AS source_code, coalesce(sa.val->>'$[1]', '') AS source_country,
		coalesce(ta.val->>'$[0]', '') AS target_code, coalesce(ta.val->>'$[1]', '') AS target_country,
		c.val->>'$[0]' AS cameo_code, c.val->>'$[1]' AS cameo_base, c.val->>'$[2]' AS cameo_root,
		(c.val->>'$[4]')::DOUBLE AS goldstein, (c.val->>'$[5]')::INTEGER AS quad_class,
		c.val->>'$[6]' AS plover_event, c.val->>'$[7]' AS plover_mode,
		CASE WHEN c.val->>'$[8]' = '1' THEN c.val->>'$[9]' END AS acled_event_type,
		CASE WHEN c.val->>'$[8]' = '1' THEN c.val->>'$[10]' END AS acled_sub_event_type,
		m.modality, m.modality NOT IN ('negated', 'future', 'hypothetical') AS fact, e.dkey,
		p.val->>'$[1]' AS country, (p.val->>'$[3]')::DOUBLE AS lat, (p.val->>'$[4]')::DOUBLE AS lon,
		m.confidence, e.num_mentions, e.num_sources, e.num_articles, m.sentence, m.trigger
	FROM event_rows e JOIN mentions m ON m.seq = e.seq
		LEFT JOIN dict sa ON sa.id = e.src LEFT JOIN dict ta ON ta.id = e.tgt
		LEFT JOIN dict c ON c.id = e.coding LEFT JOIN dict p ON p.id = e.place;`,

	// 3: fewer values a mention, for ingest speed (DuckDB's cost of an
	// insert grows with the number of values). Each event is its first
	// mention row, so event_rows becomes a view; report counts are counted
	// from the mentions when read, so a new report of a stored event
	// updates nothing; what only reading back needs (the offsets of actors,
	// place and attribution, the rule, flags and extras) moves into one
	// record a mention in articles.details. The version 2 tables are kept
	// as v2_*, and Open moves their articles into the new tables and drops
	// them (v2.go).
	`DROP VIEW events;
	DROP VIEW mentions;
	DROP MACRO mention_id;
	ALTER TABLE articles RENAME TO v2_articles;
	ALTER TABLE mention_rows RENAME TO v2_mention_rows;
	ALTER TABLE event_rows RENAME TO v2_event_rows;
	ALTER TABLE extras RENAME TO v2_extras;
	CREATE TABLE articles (
		id          VARCHAR NOT NULL, -- reader.Article.ID, unique
		seq         BIGINT NOT NULL,  -- storing order; mention_rows.aseq
		date        DATE,             -- publication date
		title       VARCHAR NOT NULL,
		url         VARCHAR NOT NULL,
		source      VARCHAR NOT NULL, -- the publisher
		language    VARCHAR NOT NULL,
		text        VARCHAR NOT NULL, -- the text event offsets refer to
		sha         VARCHAR NOT NULL, -- hash of the fields above and the event IDs
		stored_at   TIMESTAMP NOT NULL,
		details     BLOB NOT NULL     -- a record a mention: what mention_rows lacks (details.go)
	);
	CREATE TABLE mention_rows (
		seq         BIGINT NOT NULL,  -- storing order, unique
		event       BIGINT NOT NULL,  -- the seq of the event (happening) it is folded into; seq for its first mention
		id_hi       UBIGINT NOT NULL, -- event.Event.ID, 24 hex digits, as two numbers (another ID: a hash of it, the ID in text_ids)
		id_lo       UINTEGER NOT NULL,
		aseq        BIGINT NOT NULL,  -- articles.seq
		day         INTEGER,          -- Event.Date as days since 1970-01-01, NULL when unknown
		mode        INTEGER NOT NULL, -- dict: modality, cue, date precision, date type
		src         INTEGER NOT NULL, -- dict actor, 0 without a source
		tgt         INTEGER NOT NULL,
		coding      INTEGER NOT NULL, -- dict: CAMEO, Goldstein, quad class, PLOVER, ACLED
		place       INTEGER NOT NULL, -- dict place, 0 without a location
		skey        INTEGER NOT NULL, -- dict string: the publisher num_sources counts
		sentence    BIGINT NOT NULL,  -- span of the evidence sentence: start << 32 | end, byte offsets into articles.text
		trigger     BIGINT NOT NULL,  -- span of the trigger
		confidence  DOUBLE NOT NULL,
		dkey        BIGINT NOT NULL   -- dedup key: hash of source, target, CAMEO base, place, fact
	);
	CREATE VIEW event_rows AS
	SELECT seq, day, src, tgt, coding, place, dkey FROM mention_rows WHERE seq = event;
	CREATE VIEW event_counts AS
	SELECT event AS seq, count(*)::INTEGER AS num_mentions, count(DISTINCT skey)::INTEGER AS num_sources,
		count(DISTINCT aseq)::INTEGER AS num_articles
	FROM mention_rows GROUP BY event;
	CREATE TABLE text_ids (
		seq         BIGINT NOT NULL,  -- a mention whose event.Event.ID is not 24 hex digits
		id          VARCHAR NOT NULL  -- that ID
	);
	CREATE MACRO mention_id(t, hi, lo) AS coalesce(t, printf('%016x%08x', hi, lo));
	CREATE VIEW mentions AS
	SELECT mention_id(ti.id, m.id_hi, m.id_lo) AS id, mention_id(tf.id, f.id_hi, f.id_lo) AS event_id,
		m.seq, m.event AS event_seq, a.id AS article_id, DATE '1970-01-01' + m.day AS date,
		coalesce(sa.val->>'$[0]', '') AS source_code, coalesce(ta.val->>'$[0]', '') AS target_code,
		c.val->>'$[0]' AS cameo_code, md.val->>'$[0]' AS modality, m.confidence,
		coalesce(k.val->>'$[0]', '') AS source_key,
		span_text(a.text, m.sentence) AS sentence, span_text(a.text, m.trigger) AS trigger
	FROM mention_rows m JOIN articles a ON a.seq = m.aseq JOIN mention_rows f ON f.seq = m.event
		LEFT JOIN text_ids ti ON ti.seq = m.seq LEFT JOIN text_ids tf ON tf.seq = f.seq
		LEFT JOIN dict sa ON sa.id = m.src LEFT JOIN dict ta ON ta.id = m.tgt
		LEFT JOIN dict c ON c.id = m.coding LEFT JOIN dict md ON md.id = m.mode LEFT JOIN dict k ON k.id = m.skey;
	CREATE VIEW events AS
	SELECT m.id, e.seq, m.article_id, DATE '1970-01-01' + e.day AS date,
		coalesce(sa.val->>'$[0]', '') AS source_code, coalesce(sa.val->>'$[1]', '') AS source_country,
		coalesce(ta.val->>'$[0]', '') AS target_code, coalesce(ta.val->>'$[1]', '') AS target_country,
		c.val->>'$[0]' AS cameo_code, c.val->>'$[1]' AS cameo_base, c.val->>'$[2]' AS cameo_root,
		(c.val->>'$[4]')::DOUBLE AS goldstein, (c.val->>'$[5]')::INTEGER AS quad_class,
		c.val->>'$[6]' AS plover_event, c.val->>'$[7]' AS plover_mode,
		CASE WHEN c.val->>'$[8]' = '1' THEN c.val->>'$[9]' END AS acled_event_type,
		CASE WHEN c.val->>'$[8]' = '1' THEN c.val->>'$[10]' END AS acled_sub_event_type,
		m.modality, m.modality NOT IN ('negated', 'future', 'hypothetical') AS fact, e.dkey,
		p.val->>'$[1]' AS country, (p.val->>'$[3]')::DOUBLE AS lat, (p.val->>'$[4]')::DOUBLE AS lon,
		m.confidence, n.num_mentions, n.num_sources, n.num_articles, m.sentence, m.trigger
	FROM event_rows e JOIN mentions m ON m.seq = e.seq JOIN event_counts n ON n.seq = e.seq
		LEFT JOIN dict sa ON sa.id = e.src LEFT JOIN dict ta ON ta.id = e.tgt
		LEFT JOIN dict c ON c.id = e.coding LEFT JOIN dict p ON p.id = e.place;`,
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
