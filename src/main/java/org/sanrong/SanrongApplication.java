package org.sanrong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Sanrong 三融: the one-stop sci-tech finance platform a city runs. */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
public class SanrongApplication {

    public static void main(String[] args) {
        SpringApplication.run(SanrongApplication.class, args);
    }
}
