-- H2 only (decision 113): the embedded store caches 100,000 blocks of feature_ids between the
-- sequence's writes to its catalogue, not H2's default 32. Each such write is a commit of H2's
-- system session, and with WRITE_DELAY=0 every commit stores every page changed in memory, an
-- open import's uncommitted rows included. With 32, an import of 100,000 communities (100 blocks
-- of 1,000 ids) stored its rows so far three times mid-way; the cache let those pages go, and the
-- import's commit read them back from the file to mark each row committed: first imports took
-- 4.4-8.3 s (once 3.2 s) instead of 2.2-3.6 s. The audit log's identity, written once by every import before
-- its commit, gets a cache of its own for the same reason.
-- A killed service restarts a sequence after its cached range: a gap of ids, never a reuse
-- (feature ids are BIGINT: a gap of 100,000,000 ids a crash). PostgreSQL's sequences write no
-- catalogue and are unchanged.
ALTER SEQUENCE feature_ids CACHE 100000;
ALTER TABLE audit_log ALTER COLUMN id SET CACHE 10000;
