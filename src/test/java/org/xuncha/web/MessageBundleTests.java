package org.xuncha.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles stay in sync: every basename has the same keys in zh-CN (the default file), zh-TW and en, none
 * of them empty, and every message key that a template names literally exists in some bundle.
 */
class MessageBundleTests {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final List<String> LOCALE_SUFFIXES = List.of("_zh_TW", "_en");

    /**
     * Words that OpenCC's Taiwan phrase conversion ("twp") reads as software jargon, with the word meant here: 社区 is
     * a residential community (社區), not an online one; a region's 代码 is not program code.
     */
    private static final Map<String, String> TAIWAN_JARGON =
            Map.of("社群", "社區", "型別", "類型", "程式碼", "代碼", "許可權", "權限", "賬戶", "帳戶");

    /** {@code #{key}} or {@code #{key(args)}}: a literal key, not one built from an expression. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

    /** {@code #{'prefix.' + ${value}}}: a key built from a prefix, such as an enum's constants. */
    private static final Pattern KEY_PREFIX = Pattern.compile("#\\{'([A-Za-z0-9_.\\-]+\\.)'\\s*\\+");

    @Test
    void everyBasenameHasTheSameKeysInEveryLanguage() throws IOException {
        Map<String, Properties> defaults = defaultBundles();
        assertThat(defaults).containsKeys("web", "identity", "organization", "audit", "documents");

        for (Map.Entry<String, Properties> bundle : defaults.entrySet()) {
            Set<String> keys = bundle.getValue().stringPropertyNames();
            for (String suffix : LOCALE_SUFFIXES) {
                Path file = BUNDLES.resolve(bundle.getKey() + suffix + ".properties");
                assertThat(file).as("translation file").exists();
                Set<String> translated = load(file).stringPropertyNames();
                assertThat(new TreeSet<>(translated)).as("keys of %s", file).isEqualTo(new TreeSet<>(keys));
            }
        }
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties messages = load(file);
                Set<String> empty = new TreeSet<>();
                messages.stringPropertyNames().stream()
                        .filter(key -> messages.getProperty(key).isBlank())
                        .forEach(empty::add);
                assertThat(empty).as("empty messages in %s", file).isEmpty();
            }
        }
    }

    @Test
    void traditionalChineseUsesThePlainWordsNotSoftwareJargon() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith("_zh_TW.properties"))
                    .toList()) {
                Properties messages = load(file);
                for (String key : messages.stringPropertyNames()) {
                    TAIWAN_JARGON.forEach((jargon, plain) -> {
                        if (messages.getProperty(key).contains(jargon)) {
                            found.add(file.getFileName() + " " + key + ": " + jargon + " -> " + plain);
                        }
                    });
                }
            }
        }
        assertThat(found).as("words to correct after converting with OpenCC").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> known = new HashSet<>();
        for (Properties bundle : defaultBundles().values()) {
            known.addAll(bundle.stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        Set<String> missingPrefixes = new TreeSet<>();
        int literalKeys = 0;
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template :
                    templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template, StandardCharsets.UTF_8);
                Matcher literal = LITERAL_KEY.matcher(html);
                while (literal.find()) {
                    literalKeys++;
                    if (!known.contains(literal.group(1))) {
                        missing.add(literal.group(1) + " (" + TEMPLATES.relativize(template) + ")");
                    }
                }
                Matcher prefix = KEY_PREFIX.matcher(html);
                while (prefix.find()) {
                    String start = prefix.group(1);
                    if (known.stream().noneMatch(key -> key.startsWith(start))) {
                        missingPrefixes.add(start + " (" + TEMPLATES.relativize(template) + ")");
                    }
                }
            }
        }
        assertThat(literalKeys).as("literal keys found in templates").isGreaterThan(50);
        assertThat(missing).as("keys used in templates but in no bundle").isEmpty();
        assertThat(missingPrefixes)
                .as("key prefixes used in templates but in no bundle")
                .isEmpty();
    }

    /**
     * All bundles share one message source, where the first basename holding a key wins: a key that two modules
     * define with different texts would silently show one module's text on the other's page.
     */
    @Test
    void noKeyMeansTwoThings() throws IOException {
        Map<String, Map<String, String>> texts = new TreeMap<>();
        defaultBundles()
                .forEach((bundle, properties) -> properties
                        .stringPropertyNames()
                        .forEach(key -> texts.computeIfAbsent(key, k -> new TreeMap<>())
                                .put(bundle, properties.getProperty(key))));
        List<String> clashes = texts.entrySet().stream()
                .filter(e -> e.getValue().values().stream().distinct().count() > 1)
                .map(e -> e.getKey() + " " + e.getValue())
                .toList();
        assertThat(clashes).as("keys defined differently by two bundles").isEmpty();
    }

    /** The zh-CN files, which carry no locale suffix, by basename. */
    private static Map<String, Properties> defaultBundles() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean translation =
                        LOCALE_SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix + ".properties"));
                if (name.endsWith(".properties") && !translation) {
                    bundles.put(name.substring(0, name.length() - ".properties".length()), load(file));
                }
            }
        }
        return bundles;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
