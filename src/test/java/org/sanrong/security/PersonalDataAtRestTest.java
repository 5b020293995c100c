package org.sanrong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.identity.AccountView;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.platform.PersonalDataCipher;
import org.sanrong.platform.PersonalDataColumns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data encrypted at rest (密评 GB/T 39786; 等保 8.1.4.8): read straight from the database, bypassing the
 * application, every personal-data column of every module holds SM4 ciphertext only — the demo's and a fresh
 * registration's — and the registered mobile appears nowhere in its rows; the application still reads it, finds the
 * account by it through the blind index, and lists it masked.
 */
@SanrongTest
class PersonalDataAtRestTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataColumns columns;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Test
    void everyPersonalDataColumnHoldsCiphertextOnly() {
        String mobile = TestData.mobile();
        String username = TestData.username("sm4");
        registry.register(new Registration("东莞密文测试" + username + "科技有限公司", TestData.creditCode(), null, "欧阳小明",
                mobile, username, "欧阳小明", TestData.DEMO_PASSWORD));

        assertThat(columns.columns()).extracting(c -> c.table() + "." + c.column()).contains(
                "identity.organisation.contact_name", "identity.organisation.contact_mobile", "identity.account.mobile",
                "enterprise.enterprise.contact_name", "enterprise.enterprise.contact_mobile",
                "enterprise.enterprise.contact_email", "advisory.adviser.phone", "achievement.achievement.contact_name",
                "achievement.achievement.contact_phone", "inbox.mail_address.email");
        long values = 0;
        for (PersonalDataColumns.Column c : columns.columns()) {
            List<String> raw = jdbc.sql("SELECT " + c.column() + " FROM " + c.table() + " WHERE " + c.column()
                    + " IS NOT NULL").query(String.class).list();
            values += raw.size();
            assertThat(raw).as(c.table() + "." + c.column()).allSatisfy(v -> assertThat(v).matches("sm4:\\d+:[A-Za-z0-9+/=]+"));
        }
        assertThat(values).as("the demo holds personal data in several modules").isGreaterThan(50);

        // no column of the new rows holds the plaintext (whole rows as text, so a copy elsewhere would show too)
        assertThat(jdbc.sql("SELECT count(*) FROM identity.account a WHERE a::text LIKE ?").param("%" + mobile + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM identity.organisation o WHERE o::text LIKE ? OR o::text LIKE ?")
                .params("%" + mobile + "%", "%欧阳小明%").query(Long.class).single()).isZero();
        String stored = jdbc.sql("SELECT mobile FROM identity.account WHERE username = ?").param(username)
                .query(String.class).single();
        assertThat(cipher.decrypt(stored)).isEqualTo(mobile);

        // the operator finds the account by its full mobile (blind index) and sees it masked
        List<AccountView> found = membership.search(mobile, 0, 10).items();
        assertThat(found).extracting(AccountView::username).containsExactly(username);
        assertThat(found.getFirst().mobileMasked()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
    }
}
