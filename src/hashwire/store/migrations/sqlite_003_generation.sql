-- A number that moves whenever content changes (articles, stories, tags, sources), so web caches know
-- when to rebuild without counting rows. Bumped inside the writing transaction.
CREATE TABLE store_meta (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO store_meta (id, generation) VALUES (1, 0);
