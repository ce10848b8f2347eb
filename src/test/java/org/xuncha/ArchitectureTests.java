package org.xuncha;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;

/** What Spring Modulith does not check: every handler states who may call it, and no template prints raw HTML. */
@AnalyzeClasses(packages = "org.xuncha", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** {@code @GetMapping}, {@code @PostMapping} … are all meta-annotated with {@code @RequestMapping}. */
    @ArchTest
    static final ArchRule everyHandlerMethodCarriesAnAuthorizationRule = methods()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage("org.xuncha..")
            .and()
            .areMetaAnnotatedWith(RequestMapping.class)
            .should()
            .beAnnotatedWith(PreAuthorize.class)
            .because("DESIGN.md §5: every controller method carries an explicit authorization rule");

    @Test
    void noTemplatePrintsUnescapedText() throws IOException {
        Path templates = Path.of("src", "main", "resources", "templates");
        List<Path> offending;
        try (Stream<Path> files = Files.walk(templates)) {
            offending = files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".html"))
                    .filter(ArchitectureTests::printsUnescaped)
                    .toList();
        }
        assertThat(offending).as("templates using th:utext or [(…)]").isEmpty();
    }

    @Test
    void templateScanSeesTheTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "templates"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".html")).count())
                    .isGreaterThan(5);
        }
    }

    private static boolean printsUnescaped(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("th:utext") || text.contains("data-th-utext") || text.contains("[(${");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
