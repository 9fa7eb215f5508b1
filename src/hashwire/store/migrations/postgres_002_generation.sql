-- A number that moves whenever content changes, so web caches know when to rebuild without counting
-- rows. A sequence: advanced after each content commit, by any worker, without row-lock contention.
CREATE SEQUENCE store_generation;
