package org.sanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sanrong.TestData;
import org.sanrong.reference.UnifiedSocialCreditCode;

class AccountTest {

    private final Instant now = Instant.parse("2026-11-25T02:00:00Z");
    private final Organisation enterprise = Organisation.registerEnterprise("东莞测试科技有限公司",
            new UnifiedSocialCreditCode(TestData.creditCode()), Organisation.Contact.none(), now);

    private Account account() {
        return Account.open(enterprise, new Username("founder"), "创始人", null, "{noop}x", true, now);
    }

    @Test
    void fifthFailedLoginLocksForFifteenMinutes() {
        Account a = account();
        for (int i = 0; i < 4; i++) {
            a.recordFailedLogin(now);
        }
        assertThat(a.isLocked(now)).isFalse();
        a.recordFailedLogin(now);
        assertThat(a.isLocked(now)).isTrue();
        assertThat(a.isLocked(now.plus(Duration.ofMinutes(15)).minusSeconds(1))).isTrue();
        assertThat(a.isLocked(now.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void successfulLoginResetsTheCount() {
        Account a = account();
        for (int i = 0; i < 4; i++) {
            a.recordFailedLogin(now);
        }
        a.recordSuccessfulLogin();
        a.recordFailedLogin(now);
        assertThat(a.isLocked(now)).isFalse();
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
        Account a = account();
        for (int i = 0; i < 5; i++) {
            a.recordFailedLogin(now);
        }
        a.recordFailedLogin(now.plus(Duration.ofMinutes(10)));
        assertThat(a.isLocked(now.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void enterpriseAccountsGetTheEnterpriseRole() {
        assertThat(account().roles()).containsExactly(Role.ENTERPRISE);
    }

    @Test
    void institutionsWaitForApprovalAndEnterprisesDoNot() {
        Organisation bank = Organisation.registerInstitution("测试银行", InstitutionType.BANK,
                new UnifiedSocialCreditCode(TestData.creditCode()), Organisation.Contact.none(), now);
        assertThat(bank.status()).isEqualTo(Organisation.Status.PENDING);
        assertThat(enterprise.status()).isEqualTo(Organisation.Status.ACTIVE);
        bank.approve("admin", now);
        assertThat(bank.status()).isEqualTo(Organisation.Status.ACTIVE);
    }

    @Test
    void passwordPolicyNeedsEightCharactersOfThreeClasses() {
        assertThat(PasswordPolicy.check("Sanrong#2026")).isEmpty();
        assertThat(PasswordPolicy.check("abcdefg1A")).isEmpty();
        assertThat(PasswordPolicy.check("Ab1#")).isPresent();
        assertThat(PasswordPolicy.check("abcdefgh1")).isPresent();
        assertThat(PasswordPolicy.check("abcdefghij")).isPresent();
        assertThat(PasswordPolicy.check("ABCDEFG#1")).isEmpty();
    }

    @Test
    void usernamesCompareWithoutCase() {
        assertThat(new Username("Bank_01")).isEqualTo(new Username("bank_01"));
        assertThat(Username.isValid("ab")).isFalse();
        assertThat(Username.isValid("张三")).isFalse();
    }
}
