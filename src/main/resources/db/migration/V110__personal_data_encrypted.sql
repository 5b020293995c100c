-- Personal data at rest (密评 GB/T 39786; 等保 8.1.4.8): these columns hold SM4-GCM ciphertext written by
-- platform.PersonalDataCipher ('sm4:<key version>:<base64>'), so they grow to text; the comment 'personal data' is
-- how platform.PersonalDataColumns finds them to encrypt values written before (at start) and to re-encrypt on a key
-- rotation. A 'blind index of <column>' holds the keyed HMAC-SM3 of the value for equality lookups.
ALTER TABLE identity.organisation ALTER COLUMN contact_name TYPE text, ALTER COLUMN contact_mobile TYPE text;
COMMENT ON COLUMN identity.organisation.contact_name IS 'personal data';
COMMENT ON COLUMN identity.organisation.contact_mobile IS 'personal data';

ALTER TABLE identity.account ALTER COLUMN mobile TYPE text, ADD COLUMN mobile_index char(64);
COMMENT ON COLUMN identity.account.mobile IS 'personal data';
COMMENT ON COLUMN identity.account.mobile_index IS 'blind index of mobile';
CREATE INDEX account_mobile_index ON identity.account (mobile_index);

ALTER TABLE enterprise.enterprise ALTER COLUMN contact_name TYPE text, ALTER COLUMN contact_mobile TYPE text,
    ALTER COLUMN contact_email TYPE text, ADD COLUMN contact_mobile_index char(64);
COMMENT ON COLUMN enterprise.enterprise.contact_name IS 'personal data';
COMMENT ON COLUMN enterprise.enterprise.contact_mobile IS 'personal data';
COMMENT ON COLUMN enterprise.enterprise.contact_email IS 'personal data';
COMMENT ON COLUMN enterprise.enterprise.contact_mobile_index IS 'blind index of contact_mobile';
CREATE INDEX enterprise_contact_mobile_index ON enterprise.enterprise (contact_mobile_index);

ALTER TABLE advisory.adviser ALTER COLUMN phone TYPE text;
COMMENT ON COLUMN advisory.adviser.phone IS 'personal data';

ALTER TABLE achievement.achievement ALTER COLUMN contact_name TYPE text, ALTER COLUMN contact_phone TYPE text;
COMMENT ON COLUMN achievement.achievement.contact_name IS 'personal data';
COMMENT ON COLUMN achievement.achievement.contact_phone IS 'personal data';

ALTER TABLE inbox.mail_address ALTER COLUMN email TYPE text;
COMMENT ON COLUMN inbox.mail_address.email IS 'personal data';

-- Records that copied personal data keep only its mask (a list is a list): where a notice was e-mailed, and the
-- contacts' old and new values in the enterprise change history.
UPDATE inbox.delivery SET mailed_to = left(mailed_to, 1) || '***' || substring(mailed_to from position('@' in mailed_to))
WHERE mailed_to LIKE '_%@%' AND mailed_to NOT LIKE '_***@%';
UPDATE enterprise.profile_change SET
    old_value = CASE WHEN old_value IS NULL OR old_value = '' THEN old_value
        WHEN field = 'contactName' THEN left(old_value, 1) || repeat('*', char_length(old_value) - 1)
        WHEN field = 'contactMobile' AND char_length(old_value) = 11 THEN left(old_value, 3) || '****' || right(old_value, 4)
        WHEN field = 'contactMobile' THEN repeat('*', greatest(char_length(old_value) - 4, 0)) || right(old_value, 4)
        ELSE left(old_value, 1) || '***' || substring(old_value from position('@' in old_value)) END,
    new_value = CASE WHEN new_value IS NULL OR new_value = '' THEN new_value
        WHEN field = 'contactName' THEN left(new_value, 1) || repeat('*', char_length(new_value) - 1)
        WHEN field = 'contactMobile' AND char_length(new_value) = 11 THEN left(new_value, 3) || '****' || right(new_value, 4)
        WHEN field = 'contactMobile' THEN repeat('*', greatest(char_length(new_value) - 4, 0)) || right(new_value, 4)
        ELSE left(new_value, 1) || '***' || substring(new_value from position('@' in new_value)) END
WHERE field IN ('contactName', 'contactMobile', 'contactEmail');
