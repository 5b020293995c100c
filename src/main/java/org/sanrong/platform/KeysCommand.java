package org.sanrong.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./sanrong keys rotate [--retire]}: a new current SM4 key in the key ring, every personal-data value
 * re-encrypted under it (the old key keeps reading meanwhile), and with {@code --retire} the old keys dropped once no
 * value needs them. {@code ./sanrong keys status}: the key versions and values not under the current key.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "sanrong.command", havingValue = "keys")
class KeysCommand implements ApplicationRunner {

    private final PersonalDataColumns columns;
    private final PersonalDataCipher cipher;
    private final ConfigurableApplicationContext context;
    private final String action;
    private final boolean retire;

    KeysCommand(PersonalDataColumns columns, PersonalDataCipher cipher, ConfigurableApplicationContext context,
            @Value("${sanrong.command-action:status}") String action,
            @Value("${sanrong.command-retire:false}") boolean retire) {
        this.columns = columns;
        this.cipher = cipher;
        this.context = context;
        this.action = action;
        this.retire = retire;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = 0;
        try {
            if (action.equals("rotate")) {
                PersonalDataColumns.Rotation r = columns.rotate(retire);
                System.out.println("个人信息密钥已轮换：当前密钥版本 " + r.version() + "，重新加密 " + r.reencrypted()
                        + " 个值，尚未使用新密钥的值 " + r.remaining() + " 个"
                        + (r.oldKeysRetired() ? "，旧密钥已删除" : "，旧密钥保留（仍可解密）"));
                code = r.remaining() == 0 ? 0 : 1;
            } else {
                System.out.println("个人信息密钥：版本 " + cipher.versions() + "，当前 " + cipher.currentVersion()
                        + "；字段 " + columns.columns().size() + " 个，尚未使用当前密钥的值 " + columns.remaining() + " 个");
            }
        } catch (RuntimeException e) {
            System.out.println("失败：" + e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
