package org.sanrong.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./sanrong audit verify}: seals what is unsealed, walks the whole chain, prints the result and exits 0 when
 * intact, 1 naming the first broken entry otherwise.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "sanrong.command", havingValue = "audit-verify")
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditChain chain;
    private final AuditArchive archive;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditChain chain, AuditArchive archive, ConfigurableApplicationContext context) {
        this.chain = chain;
        this.archive = archive;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int sealed = chain.seal();
        AuditChain.Verification v = chain.verify();
        System.out.println("审计日志哈希链校验 (SM3): 新封存 " + sealed + " 条, 已校验 " + v.checked() + " 条, 未封存 "
                + v.unsealed() + " 条");
        if (v.intact()) {
            System.out.println("完整: 未发现被改动或删除的记录");
        } else {
            System.out.println("已损坏: 第一条不符的记录 id=" + v.firstBrokenId() + " — " + v.problem());
        }
        var files = archive.verifyFiles();
        files.forEach(p -> System.out.println("归档文件：" + p));
        int code = v.intact() && files.isEmpty() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
