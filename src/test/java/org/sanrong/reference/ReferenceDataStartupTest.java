package org.sanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanrong.SanrongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Another city's files are configured by location; a malformed one stops the start, naming file and line. */
class ReferenceDataStartupTest {

    @Test
    void startsWithAnotherCitysTownsAndRefusesToStartOnAMalformedFile(@TempDir Path dir) throws IOException {
        Path towns = Files.writeString(dir.resolve("towns.csv"), """
                code,name,kind
                440106001,沙河街道,街道
                440106002,五山街道,街道
                """);
        try (ConfigurableApplicationContext app = start(dir, "sanrong.reference.towns=" + towns.toUri())) {
            assertThat(app.getBean(ReferenceData.class).towns()).extracting(Town::name)
                    .containsExactly("沙河街道", "五山街道");
        }

        Path industries = Files.writeString(dir.resolve("industries.csv"), """
                code,name,level,parent
                C,制造业,SECTION,
                C39,计算机、通信和其他电子设备制造业,DIVISION,C
                C3911,计算机整机制造,CLASS,C391
                """);
        assertThatThrownBy(() -> start(dir, "sanrong.reference.industries=" + industries.toUri()).close())
                .satisfies(e -> Assertions.assertThat(rootCause(e))
                        .isInstanceOf(MalformedReferenceDataException.class)
                        .hasMessageContaining(industries.toUri() + ", line 4")
                        .hasMessageContaining("parent C391 of C3911 does not exist"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static ConfigurableApplicationContext start(Path dir, String setting) {
        // Command-line arguments, not builder properties: those are defaults, which application.yaml overrides.
        return new SpringApplicationBuilder(SanrongApplication.class)
                .run("--server.port=0", "--sanrong.data-dir=" + dir.resolve("data"), "--sanrong.demo=false",
                        "--logging.level.root=WARN", "--" + setting);
    }
}
