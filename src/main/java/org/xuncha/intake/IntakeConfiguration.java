package org.xuncha.intake;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.identity.PublicPaths;

/** Opens the public report and status pages (and nothing else of intake) to everyone. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    PublicPaths publicReportPaths() {
        return new PublicPaths(List.of("/report", "/report/**"));
    }
}
