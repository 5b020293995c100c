package org.sanrong.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./sanrong audit archive}: moves sealed entries older than the retention period to the archive (file and
 * table), then checks the whole chain and every archive file; exits 0 when all holds.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "sanrong.command", havingValue = "audit-archive")
class AuditArchiveCommand implements ApplicationRunner {

    private final AuditArchive archive;
    private final AuditChain chain;
    private final ConfigurableApplicationContext context;

    AuditArchiveCommand(AuditArchive archive, AuditChain chain, ConfigurableApplicationContext context) {
        this.archive = archive;
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            AuditArchive.Result r = archive.archive();
            System.out.println("审计日志归档（保存期 " + archive.retentionDays() + " 天，早于 " + r.cutoff() + "）：归档 "
                    + r.entries() + " 条" + (r.file() == null ? "" : "，文件 " + r.file() + "，SM3 " + r.fileSm3()));
            AuditChain.Verification v = chain.verify();
            var files = archive.verifyFiles();
            System.out.println("哈希链（归档与在线记录）校验 " + v.checked() + " 条：" + (v.intact() ? "完整"
                    : "已损坏，第一条不符的记录 id=" + v.firstBrokenId() + " — " + v.problem()));
            files.forEach(p -> System.out.println("归档文件：" + p));
            code = v.intact() && files.isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
            System.out.println("失败：" + e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
