-- Caps by scope and one-cost-one-policy (docs/subsidy.md): each entitlement lists the cap keys ("name=scope") it
-- counts under, and the key of the cost it subsidises within a double-dipping group.
ALTER TABLE subsidy.entitlement ADD COLUMN cap_keys text[] NOT NULL DEFAULT '{}';
ALTER TABLE subsidy.entitlement ADD COLUMN exclusive_key varchar(300);
UPDATE subsidy.entitlement SET cap_keys = ARRAY['每个受益方每年=' || year];
CREATE INDEX entitlement_exclusive ON subsidy.entitlement (exclusive_key) WHERE exclusive_key IS NOT NULL;
