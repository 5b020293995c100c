-- 三权分立 (GB/T 22239-2019 8.1.4.2 c): the system administrator, the security administrator and the auditor are
-- separate accounts. An account holding one of these duties holds exactly that role, so no account holds two of
-- them. roles is the sorted comma-separated list the application writes (identity.Accounts).
ALTER TABLE identity.account ADD CONSTRAINT account_duties_separated CHECK (
    roles !~ '(^|,)(SYSTEM_ADMIN|SECURITY_ADMIN|AUDITOR)(,|$)'
    OR roles IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDITOR'));
