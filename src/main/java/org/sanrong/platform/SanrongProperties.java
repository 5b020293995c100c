package org.sanrong.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code sanrong.*}.
 *
 * @param dataDir folder of the embedded database (ignored with an external database)
 * @param demo whether to seed demo data; unset means "yes on the embedded database, no on an external one"
 */
@ConfigurationProperties("sanrong")
public record SanrongProperties(Path dataDir, @Nullable Boolean demo) {

    public boolean seedDemo(boolean embeddedDatabase) {
        return demo != null ? demo : embeddedDatabase;
    }
}
