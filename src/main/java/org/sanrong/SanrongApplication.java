package org.sanrong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Sanrong 三融: the one-stop sci-tech finance platform a city runs. */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
public class SanrongApplication {

    public static void main(String[] args) {
        // Dates and times are China time everywhere (DOMAIN.md), whatever the server's own zone.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
        SpringApplication.run(SanrongApplication.class, args);
    }
}
