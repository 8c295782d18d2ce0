package dev.realtime.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each topic name is written once in the main code of the whole repository: as a constant of {@link Topics}.
 * Everything else refers to the constant, or in configuration to {@code ${rt.topic.*}}. Comments, docs and
 * tests may mention the names; string literals, property values, YAML and JSON in any {@code src/main} may not.
 */
class TopicNamesOnceTest {

    private static final Path TOPICS_SOURCE = Path.of("platform", "src", "main", "java", "dev", "realtime",
            "platform", "event", "Topics.java");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", ".git", ".mvn");

    @Test
    void eachTopicNameIsWrittenOnlyInTopics() {
        Path root = repositoryRoot();
        List<Path> files = mainSourceFiles(root).stream().map(root::relativize).toList();
        assertTrue(files.contains(TOPICS_SOURCE), "the walk must see Topics.java itself");

        List<String> problems = new ArrayList<>();
        for (String topic : Topics.ALL) {
            List<Occurrence> found = new ArrayList<>();
            for (Path file : files) {
                found.addAll(occurrences(topic, root, file));
            }
            List<Occurrence> inTopics = found.stream().filter(o -> o.file().equals(TOPICS_SOURCE)).toList();
            if (inTopics.size() != 1) {
                problems.add(topic + ": expected once in " + TOPICS_SOURCE + ", found " + inTopics.size() + " times");
            }
            found.stream().filter(o -> !o.file().equals(TOPICS_SOURCE))
                    .forEach(o -> problems.add(topic + " spelled again at " + o
                            + " (use Topics." + constantName(topic) + " or ${" + Topics.configKey(topic) + "})"));
        }
        assertTrue(problems.isEmpty(), "topic names outside Topics:\n" + String.join("\n", problems));
    }

    @Test
    void findsANameInALiteralAndIgnoresItInAComment() {
        String java = """
                // chat.events in a comment
                /* booking.events
                   in a block comment */
                String a = "x";
                String b = "chat.events.dlq";
                """;
        List<Integer> lines = matchLines("chat.events", literalsOfJava(java));
        assertEquals(List.of(5), lines);
        assertEquals(List.of(), matchLines("booking.events", literalsOfJava(java)));
        assertEquals(List.of(2),
                matchLines("chat.events", uncommentedProperties("# chat.events\nrt.kafka.topics=chat.events\n")));
        assertEquals(List.of(), matchLines("chat.events", literalsOfJava("String s = \"xchat.events-v2\";")));
        assertEquals(List.of(1), matchLines("chat.events", literalsOfJava("String s = \"staging.chat.events\";")));
    }

    /** Where a topic name occurs as code, not as comment, in one file. */
    private record Occurrence(Path file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private static List<Occurrence> occurrences(String topic, Path root, Path relative) {
        String text = read(root.resolve(relative));
        String name = relative.getFileName().toString();
        List<Line> lines;
        if (name.endsWith(".java")) {
            lines = literalsOfJava(text);
        } else if (name.endsWith(".properties")) {
            lines = uncommentedProperties(text);
        } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            lines = uncommentedYaml(text);
        } else {
            lines = allLines(text);
        }
        return matchLines(topic, lines).stream().map(line -> new Occurrence(relative, line)).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A piece of a file's text that counts as code, with the line it starts on. */
    private record Line(int number, String text) {
    }

    private static List<Integer> matchLines(String topic, List<Line> lines) {
        // not part of a longer name: no letter, digit, '-' or '_' around it ("chat.events.dlq" still counts)
        Pattern pattern = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(topic) + "(?![A-Za-z0-9_-])");
        List<Integer> found = new ArrayList<>();
        for (Line line : lines) {
            Matcher matcher = pattern.matcher(line.text());
            while (matcher.find()) {
                found.add(line.number() + countNewlines(line.text().substring(0, matcher.start())));
            }
        }
        return found;
    }

    /** The contents of the string literals and text blocks of a Java source, comments skipped. */
    static List<Line> literalsOfJava(String source) {
        List<Line> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < length && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? length : end + 2;
                line += countNewlines(source.substring(i, end));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? length : end;
                literals.add(new Line(line, source.substring(i + 3, end)));
                line += countNewlines(source.substring(i, end));
                i = Math.min(length, end + 3);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < length && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                literals.add(new Line(line, source.substring(i + 1, Math.min(end, length))));
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    static List<Line> uncommentedProperties(String text) {
        return allLines(text).stream().filter(l -> {
            String stripped = l.text().stripLeading();
            return !stripped.startsWith("#") && !stripped.startsWith("!");
        }).toList();
    }

    private static List<Line> uncommentedYaml(String text) {
        return allLines(text).stream()
                .map(l -> new Line(l.number(), l.text().replaceAll("(^|\\s)#.*$", "")))
                .toList();
    }

    private static List<Line> allLines(String text) {
        String[] lines = text.split("\n", -1);
        List<Line> all = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            all.add(new Line(i + 1, lines[i]));
        }
        return all;
    }

    private static int countNewlines(String text) {
        return (int) text.chars().filter(ch -> ch == '\n').count();
    }

    private static String constantName(String topic) {
        return topic.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The directory of the reactor's root pom: the nearest ancestor of the working directory with the wrapper. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    /** Java, properties, YAML and JSON files under any module's {@code src/main}. */
    private static List<Path> mainSourceFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !skipped(root.relativize(file)))
                    .filter(file -> isUnderSrcMain(root.relativize(file)))
                    .filter(TopicNamesOnceTest::isScanned)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnderSrcMain(Path relative) {
        for (int i = 0; i + 1 < relative.getNameCount(); i++) {
            if (relative.getName(i).toString().equals("src") && relative.getName(i + 1).toString().equals("main")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isScanned(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".properties") || name.endsWith(".yml")
                || name.endsWith(".yaml") || name.endsWith(".json");
    }
}
