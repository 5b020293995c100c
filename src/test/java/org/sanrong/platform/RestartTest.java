package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanrong.SanrongApplication;
import org.sanrong.TestData;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database keeps its data in the data folder: stop, start again, and it is all there. */
class RestartTest {

    @Test
    void dataSurvivesARestartOnTheSameFolder(@TempDir Path dataDir) {
        String username = TestData.username("keep");
        UUID id;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            id = first.getBean(OrganisationRegistry.class).register(new Registration("东莞持久化测试有限公司",
                    TestData.creditCode(), null, "周八", TestData.mobile(), username, "周八", TestData.DEMO_PASSWORD));
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.getBean(OrganisationRegistry.class).find(id))
                    .hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("东莞持久化测试有限公司"));
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments, not builder defaults: application.yaml would override those
        return new SpringApplicationBuilder(SanrongApplication.class)
                .run("--server.port=0", "--sanrong.data-dir=" + dataDir, "--sanrong.demo=false",
                        "--logging.level.root=WARN");
    }
}
