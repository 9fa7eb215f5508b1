-- hashwire PostgreSQL schema, version 1. Created in the first schema of search_path.
CREATE TABLE sources (
    id               bigserial PRIMARY KEY,
    url              text NOT NULL UNIQUE,
    kind             text NOT NULL DEFAULT 'feed',
    title            text NOT NULL DEFAULT '',
    site_url         text NOT NULL DEFAULT '',
    slug             text NOT NULL UNIQUE,
    language         text NOT NULL DEFAULT '',
    etag             text NOT NULL DEFAULT '',
    last_modified    text NOT NULL DEFAULT '',
    next_fetch_at    timestamptz,
    last_fetched_at  timestamptz,
    last_status      text NOT NULL DEFAULT '',
    error_count      integer NOT NULL DEFAULT 0,
    last_error       text NOT NULL DEFAULT '',
    disabled         integer NOT NULL DEFAULT 0,
    interval_seconds integer NOT NULL DEFAULT 900,
    leased_by        text,
    lease_until      timestamptz
);
CREATE INDEX sources_due ON sources (next_fetch_at NULLS FIRST, id) WHERE disabled = 0;

CREATE TABLE articles (
    seq          bigserial PRIMARY KEY,  -- insertion order: search ranks the newest matches
    id           text NOT NULL UNIQUE,
    url          text NOT NULL,
    title        text NOT NULL DEFAULT '',
    text         text NOT NULL DEFAULT '',
    html         text NOT NULL DEFAULT '',
    authors      text NOT NULL DEFAULT '[]',
    published    timestamptz,
    updated      timestamptz,
    image        text NOT NULL DEFAULT '',
    language     text NOT NULL DEFAULT '',
    site_name    text NOT NULL DEFAULT '',
    section      text NOT NULL DEFAULT '',
    description  text NOT NULL DEFAULT '',
    keywords     text NOT NULL DEFAULT '[]',
    partial      integer NOT NULL DEFAULT 0,
    source_id    bigint REFERENCES sources (id) ON DELETE SET NULL,
    source_name  text NOT NULL DEFAULT '',
    guid         text NOT NULL DEFAULT '',
    fetched_at   timestamptz,
    content_hash text NOT NULL DEFAULT '',
    duplicate_of text,
    story_id     text,
    hashtags     text NOT NULL DEFAULT '[]',
    category     text NOT NULL DEFAULT '',
    sort_at      timestamptz NOT NULL,  -- published, else fetched_at, else the epoch
    -- 'simple': no stemming, like SQLite's unicode61 tokenizer, and right for every language we carry
    search       tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), 'B')
    ) STORED
);
CREATE INDEX articles_all ON articles (sort_at, id);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_story ON articles (story_id, sort_at, id) WHERE story_id IS NOT NULL;
CREATE INDEX articles_dup ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_source ON articles (source_id, sort_at, id);
CREATE INDEX articles_language ON articles (language, sort_at, id);
CREATE INDEX articles_category ON articles (category, sort_at, id);
CREATE UNIQUE INDEX articles_entry ON articles (source_id, guid) WHERE source_id IS NOT NULL AND guid <> '';
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE appearances (
    article_id  text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id   bigint REFERENCES sources (id) ON DELETE SET NULL,
    source_name text NOT NULL DEFAULT '',
    url         text NOT NULL,
    guid        text NOT NULL DEFAULT '',
    seen_at     timestamptz NOT NULL
);
CREATE UNIQUE INDEX appearances_key ON appearances (article_id, coalesce(source_id, 0), url, guid);
CREATE INDEX appearances_entry ON appearances (source_id, guid);

CREATE TABLE tags (
    key     text PRIMARY KEY,
    display text NOT NULL
);

CREATE TABLE article_tags (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key        text NOT NULL,
    display    text NOT NULL,
    rank       integer NOT NULL,
    sort_at    timestamptz NOT NULL,
    PRIMARY KEY (article_id, key)
);
CREATE INDEX article_tags_key ON article_tags (key, sort_at, article_id);

CREATE TABLE stories (
    id              text PRIMARY KEY,
    title           text NOT NULL DEFAULT '',
    first_seen      timestamptz NOT NULL,
    last_seen       timestamptz NOT NULL,
    lead_article_id text NOT NULL DEFAULT '',
    article_count   integer NOT NULL DEFAULT 0,
    source_count    integer NOT NULL DEFAULT 0,
    category        text NOT NULL DEFAULT '',
    language        text NOT NULL DEFAULT '',
    hashtags        text NOT NULL DEFAULT '[]',
    merged_into     text
);
CREATE INDEX stories_recent ON stories (last_seen) WHERE merged_into IS NULL;

CREATE TABLE story_tags (
    story_id text NOT NULL,
    key      text NOT NULL,
    PRIMARY KEY (key, story_id)
);
CREATE INDEX story_tags_story ON story_tags (story_id);
