package org.sanrong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.TestData;
import org.sanrong.identity.AccountView;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.platform.PersonalDataCipher;
import org.sanrong.platform.PersonalDataColumns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * Key rotation on a database of its own (its own key file, so the suite's shared key ring is never rotated): after
 * {@code rotate}, every stored value is under the new key, the old ciphertext still opens until the old key is
 * retired, and the application reads and finds everything throughout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sanrong.data-dir=target/rotation-data", "sanrong.demo=false"})
@ActiveProfiles("test")
class KeyRotationTest {

    static {
        try {
            FileSystemUtils.deleteRecursively(Path.of("target/rotation-data/keys"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

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
    void rotationReEncryptsEverythingAndTheOldKeyReadsUntilRetired() {
        String mobile = TestData.mobile();
        String username = TestData.username("rot");
        registry.register(new Registration("东莞轮换测试" + username + "科技有限公司", TestData.creditCode(), null, "司马光",
                mobile, username, "司马光", TestData.DEMO_PASSWORD));
        String before = rawMobile(username);
        assertThat(before).startsWith("sm4:1:");

        PersonalDataColumns.Rotation r = columns.rotate(false);
        assertThat(r.version()).isEqualTo(2);
        assertThat(r.reencrypted()).isGreaterThanOrEqualTo(3); // the account's mobile, the contact's name and mobile
        assertThat(r.remaining()).isZero();
        assertThat(r.oldKeysRetired()).isFalse();
        String after = rawMobile(username);
        assertThat(after).startsWith("sm4:2:").isNotEqualTo(before);
        for (PersonalDataColumns.Column c : columns.columns()) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + c.table() + " WHERE " + c.column() + " IS NOT NULL AND "
                    + c.column() + " NOT LIKE 'sm4:2:%'").query(Long.class).single()).as(c.column()).isZero();
        }
        assertThat(cipher.decrypt(before)).as("the old key still reads during the rotation").isEqualTo(mobile);
        assertThat(found(mobile)).containsExactly(username);

        PersonalDataColumns.Rotation retired = columns.rotate(true);
        assertThat(retired.version()).isEqualTo(3);
        assertThat(retired.oldKeysRetired()).isTrue();
        assertThat(cipher.decrypt(rawMobile(username))).isEqualTo(mobile);
        assertThatThrownBy(() -> cipher.decrypt(before)).hasMessageContaining("version 1");
        assertThat(found(mobile)).as("the blind index survives rotations").containsExactly(username);
        assertThat(membership.account(username).orElseThrow().mobileMasked()).endsWith(mobile.substring(7));
    }

    private String rawMobile(String username) {
        return jdbc.sql("SELECT mobile FROM identity.account WHERE username = ?").param(username).query(String.class)
                .single();
    }

    private List<String> found(String mobile) {
        return membership.search(mobile, 0, 10).items().stream().map(AccountView::username).toList();
    }
}
