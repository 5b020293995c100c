-- An objector's name and phone are personal data: stored SM4-encrypted by platform.PersonalDataCipher like every
-- other such column (V110); the comment lets the start-up pass and key rotation find them.
ALTER TABLE subsidy.objection ALTER COLUMN name TYPE text;
ALTER TABLE subsidy.objection ALTER COLUMN phone TYPE text;
COMMENT ON COLUMN subsidy.objection.name IS 'personal data';
COMMENT ON COLUMN subsidy.objection.phone IS 'personal data';
