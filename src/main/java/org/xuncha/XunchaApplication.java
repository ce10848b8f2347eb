package org.xuncha;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/** Xuncha (巡察村居工作平台): the working system of a district party committee's inspection office. */
@SpringBootApplication
@Modulithic(sharedModules = {"web", "audit"})
@EnableAsync
public class XunchaApplication {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    public static void main(String[] args) {
        SpringApplication.run(XunchaApplication.class, args);
    }
}
