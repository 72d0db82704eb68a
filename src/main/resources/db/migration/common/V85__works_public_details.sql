-- What the public works list tells citizens (docs/permits.md, "The public works view"): the
-- street dug, the traffic impact (none, partial_closure, full_closure) and whom to call.
ALTER TABLE works ADD COLUMN street VARCHAR(200);
ALTER TABLE works ADD COLUMN traffic_impact VARCHAR(32);
ALTER TABLE works ADD COLUMN contact VARCHAR(200);
