-- The sentence embedding an article was placed into its story with (the optional embeddings channel),
-- float32 bytes, so a restart or another worker restores it without running the model again.
ALTER TABLE articles ADD COLUMN embedding BYTEA;
