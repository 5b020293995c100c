-- Deals opened from a roadshow (issue 13): an investor's interest after an event it attended becomes an equity deal.
-- origin ROADSHOW, and source_ref names where it came from ('roadshow:<eventId>') so the event page finds its deals.
ALTER TABLE deal.deal DROP CONSTRAINT deal_origin_check;
ALTER TABLE deal.deal ADD CONSTRAINT deal_origin_check
    CHECK (origin IN ('APPLICATION', 'PICK_UP', 'REFERRAL', 'ROADSHOW'));
ALTER TABLE deal.deal ADD COLUMN source_ref varchar(100);
CREATE INDEX deal_source_ref ON deal.deal (source_ref) WHERE source_ref IS NOT NULL;
