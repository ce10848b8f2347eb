package org.xuncha.revisits;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.identity.PublicPaths;

/** Opens the residents' satisfaction survey reached by QR code (and nothing else of revisits) to everyone. */
@Configuration(proxyBeanMethods = false)
class RevisitConfiguration {

    @Bean
    PublicPaths publicSurveyPaths() {
        return new PublicPaths(List.of("/survey/**"));
    }
}
