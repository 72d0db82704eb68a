-- Issue 12: an adjustment is filed by the county and changes nothing until the city office
-- decides it. Rows from before this migration were applied in one step: they count as approved.
ALTER TABLE adjustments ADD COLUMN status VARCHAR(16) DEFAULT 'approved' NOT NULL;
-- The filed baseline's metrics and the plan's metrics at filing, compared again at approval.
ALTER TABLE adjustments ADD COLUMN baseline_json VARCHAR(4000);
-- The adjustment as filed (communities dropped and added with their projects), applied on approval.
ALTER TABLE adjustments ADD COLUMN input_json VARCHAR(1000000);
ALTER TABLE adjustments ADD COLUMN decided_on DATE;
ALTER TABLE adjustments ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE adjustments ADD COLUMN decided_by VARCHAR(100);
ALTER TABLE adjustments ADD COLUMN decision_reason VARCHAR(1000);
