-- Per-provider calibration (issue 10): a provider's scores before its calibration, beside the calibrated ones in
-- scores; null when no calibration applied to what the provider scored.
alter table provider_outcome add column raw_scores jsonb;
