-- 获贷率 by town and industry: each kept list member carries its town and GB/T 4754 code as they were when the list
-- was kept, so a past month's rate per town or industry uses that month's list and places.
ALTER TABLE stats.list_member ADD COLUMN town_code varchar(20);
ALTER TABLE stats.list_member ADD COLUMN industry_code varchar(10);
CREATE INDEX list_member_town ON stats.list_member (month, category, town_code);
