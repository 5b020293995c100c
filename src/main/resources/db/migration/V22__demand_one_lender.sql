-- 独家对接: a demand may ask that only one institution work on it at a time (the deal module enforces it).
ALTER TABLE demand.financing_demand ADD COLUMN one_lender boolean NOT NULL DEFAULT false;
ALTER TABLE demand.demand_version ADD COLUMN one_lender boolean NOT NULL DEFAULT false;
