-- hashwire SQLite schema, version 1. Times are integer microseconds since the epoch (UTC).
CREATE TABLE sources (
    id               INTEGER PRIMARY KEY,
    url              TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL DEFAULT 'feed',
    title            TEXT NOT NULL DEFAULT '',
    site_url         TEXT NOT NULL DEFAULT '',
    slug             TEXT NOT NULL UNIQUE,
    language         TEXT NOT NULL DEFAULT '',
    etag             TEXT NOT NULL DEFAULT '',
    last_modified    TEXT NOT NULL DEFAULT '',
    next_fetch_at    INTEGER,
    last_fetched_at  INTEGER,
    last_status      TEXT NOT NULL DEFAULT '',
    error_count      INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    disabled         INTEGER NOT NULL DEFAULT 0,
    interval_seconds INTEGER NOT NULL DEFAULT 900,
    leased_by        TEXT,
    lease_until      INTEGER
);
CREATE INDEX sources_due ON sources (next_fetch_at) WHERE disabled = 0;

CREATE TABLE articles (
    seq          INTEGER PRIMARY KEY,  -- insertion order; the FTS rowid
    id           TEXT NOT NULL UNIQUE,
    url          TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL DEFAULT '',
    html         TEXT NOT NULL DEFAULT '',
    authors      TEXT NOT NULL DEFAULT '[]',
    published    INTEGER,
    updated      INTEGER,
    image        TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL DEFAULT '',
    site_name    TEXT NOT NULL DEFAULT '',
    section      TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    keywords     TEXT NOT NULL DEFAULT '[]',
    partial      INTEGER NOT NULL DEFAULT 0,
    source_id    INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    source_name  TEXT NOT NULL DEFAULT '',
    guid         TEXT NOT NULL DEFAULT '',
    fetched_at   INTEGER,
    content_hash TEXT NOT NULL DEFAULT '',
    duplicate_of TEXT,
    story_id     TEXT,
    hashtags     TEXT NOT NULL DEFAULT '[]',
    category     TEXT NOT NULL DEFAULT '',
    sort_at      INTEGER NOT NULL  -- published, else fetched_at, else 0: what listings order by
);
CREATE INDEX articles_all ON articles (sort_at, id);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_story ON articles (story_id, sort_at, id) WHERE story_id IS NOT NULL;
CREATE INDEX articles_dup ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_source ON articles (source_id, sort_at, id);
CREATE INDEX articles_language ON articles (language, sort_at, id);
CREATE INDEX articles_category ON articles (category, sort_at, id);
CREATE UNIQUE INDEX articles_entry ON articles (source_id, guid) WHERE source_id IS NOT NULL AND guid <> '';

-- Every place an article was seen; never deleted when the article is folded into another.
CREATE TABLE appearances (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id   INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    source_name TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL,
    guid        TEXT NOT NULL DEFAULT '',
    seen_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX appearances_key ON appearances (article_id, ifnull(source_id, 0), url, guid);
CREATE INDEX appearances_entry ON appearances (source_id, guid);

CREATE TABLE tags (
    key     TEXT PRIMARY KEY,
    display TEXT NOT NULL
) WITHOUT ROWID;

-- sort_at and is_dup are copied from the article so hashtag pages walk one index in order.
CREATE TABLE article_tags (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    display    TEXT NOT NULL,
    rank       INTEGER NOT NULL,
    sort_at    INTEGER NOT NULL,
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
CREATE INDEX article_tags_key ON article_tags (key, sort_at, article_id);

CREATE TABLE stories (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL DEFAULT '',
    first_seen      INTEGER NOT NULL,
    last_seen       INTEGER NOT NULL,
    lead_article_id TEXT NOT NULL DEFAULT '',
    article_count   INTEGER NOT NULL DEFAULT 0,
    source_count    INTEGER NOT NULL DEFAULT 0,
    category        TEXT NOT NULL DEFAULT '',
    language        TEXT NOT NULL DEFAULT '',
    hashtags        TEXT NOT NULL DEFAULT '[]',
    merged_into     TEXT
);
CREATE INDEX stories_recent ON stories (last_seen) WHERE merged_into IS NULL;

CREATE TABLE story_tags (
    story_id TEXT NOT NULL,
    key      TEXT NOT NULL,
    PRIMARY KEY (key, story_id)
) WITHOUT ROWID;
CREATE INDEX story_tags_story ON story_tags (story_id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
