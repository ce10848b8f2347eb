package org.xuncha.intake;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.identity.PublicPaths;
import org.xuncha.web.UploadLimitView;

/** Opens the public report and status pages to everyone and gives them their own too-large page. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    PublicPaths publicReportPaths() {
        return new PublicPaths(List.of("/report", "/report/**"));
    }

    @Bean
    UploadLimitView publicReportUploadLimit() {
        return new UploadLimitView("/report", "intake/public/too-large");
    }
}
