-- How a pipeline is laid (CJJ 61's 埋设方式): direct_buried (直埋) or duct (管沟, 管块, 套管).
-- GB 50289's crossing table gives cables different vertical clearances for the two; a pipeline
-- without it is judged by the larger value (docs/coordination.md, "Clearances").
ALTER TABLE pipelines ADD COLUMN laying VARCHAR(20);
