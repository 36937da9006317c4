-- Why a provider was skipped (not called, or called off by a strategy), kept apart from call failures.
alter table provider_outcome add column reason text;
