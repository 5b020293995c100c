package org.sanrong.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code ./sanrong backup FILE} and {@code ./sanrong restore FILE}: run {@link Backups}, print what moved, exit. */
@Component
@Order(0)
@ConditionalOnExpression("'${sanrong.command:}' == 'backup' or '${sanrong.command:}' == 'restore'")
class BackupCommand implements ApplicationRunner {

    private final Backups backups;
    private final ConfigurableApplicationContext context;
    private final String command;
    private final Path file;

    BackupCommand(Backups backups, ConfigurableApplicationContext context, @Value("${sanrong.command}") String command,
            @Value("${sanrong.command-file}") String file) {
        this.backups = backups;
        this.context = context;
        this.command = command;
        this.file = Path.of(file);
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = 0;
        try {
            List<Backups.TableCopy> tables;
            if (command.equals("backup")) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    tables = backups.backup(out);
                }
                System.out.println("备份完成：" + file + "，" + tables.size() + " 张表，" + rows(tables) + " 行");
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    // Spring Modulith's own registry is recreated at start and holds only events in flight
                    tables = backups.restore(in, Set.of("public.event_publication", "public.event_publication_archive"));
                }
                System.out.println("恢复完成并已校验：" + tables.size() + " 张表，" + rows(tables) + " 行，行数与校验值均与备份一致");
            }
        } catch (IOException e) {
            System.out.println("失败：" + new UncheckedIOException(e).getMessage());
            code = 1;
        } catch (RuntimeException e) {
            System.out.println("失败：" + e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private static long rows(List<Backups.TableCopy> tables) {
        return tables.stream().mapToLong(Backups.TableCopy::rows).sum();
    }
}
