-- A pipe point still named by a pipeline of its owner is not deleted (surveys/PipeEndPointRule,
-- decision 77): these indexes answer "which lines end at this point" without a scan.
CREATE INDEX pipelines_start_point ON pipelines (owner, start_point);
CREATE INDEX pipelines_end_point ON pipelines (owner, end_point);
