package org.xuncha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Gives every test application context its own fresh data directory (embedded PostgreSQL, keys, demo accounts),
 * so contexts never share a database and each starts from the demo district.
 */
public class TestDataDirectory implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("xuncha.test.keep-data-dir", Boolean.class, false)) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        try {
            Path base = Path.of("target", "test-data");
            Files.createDirectories(base);
            clearEarlierRuns(base);
            properties.put(
                    "xuncha.data-dir",
                    Files.createTempDirectory(base.toAbsolutePath(), "ctx-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("xuncha.demo.enabled", "true");
        // the demo year takes a minute; only ArticleYearTests turns it on
        properties.put("xuncha.demo.article-year", "false");
        properties.put("xuncha.database.url", "");
        // a test's own @SpringBootTest(properties = ...) still wins
        PropertySource<?> inlined = environment.getPropertySources().get("Inlined Test Properties");
        if (inlined != null) {
            properties.keySet().removeIf(inlined::containsProperty);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("xunchaTestDataDirectory", properties));
    }

    private static boolean cleared;

    /** Once per test JVM, removes the data directories that earlier runs left behind. */
    private static synchronized void clearEarlierRuns(Path base) throws IOException {
        if (cleared) {
            return;
        }
        cleared = true;
        try (var entries = Files.list(base)) {
            for (Path dir : entries.toList()) {
                FileSystemUtils.deleteRecursively(dir);
            }
        }
    }
}
