package io.batchcall.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Main code takes time from an injected {@code java.time.Clock}, never from the wall clock
 * (DESIGN "Time is java.time.Clock, injected"). Scans {@code src/main/java} of every module the
 * poms list, except {@code examples}, which are programs run by people.
 */
class NoWallClockTest {

    private static final String ROOT_ARTIFACT = "<artifactId>batchcall-parent</artifactId>";
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void mainCodeNeverReadsTheWallClock() throws IOException {
        Path root = repositoryRoot();
        List<String> offences = new ArrayList<>();
        for (Path tree : mainSourceTrees(root)) {
            for (Path file : javaFiles(tree)) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                List<String> lines = source.lines().collect(Collectors.toList());
                for (int line : WallClockDetector.offendingLines(source)) {
                    offences.add(root.relativize(file) + ":" + line + ": "
                            + lines.get(line - 1).trim());
                }
            }
        }

        assertThat(offences)
                .as("main code must use the injected java.time.Clock, not the wall clock:%n%s",
                        String.join(System.lineSeparator(), offences))
                .isEmpty();
    }

    @Test
    void detectorFlagsWallClockReadsAndIgnoresCommentsAndStrings() {
        String sample = String.join("\n",
                "class Sample {",
                "    Instant a = Instant.now();",
                "    long b = System.currentTimeMillis();",
                "    Supplier<LocalDate> c = LocalDate::now;",
                "    // Instant.now() in a comment",
                "    /* ZonedDateTime.now() in a block",
                "       OffsetDateTime.now() */ String s = \"LocalTime.now()\";",
                "    Instant d = Instant.now(clock);",
                "    var e = java.time.LocalDateTime.now();",
                "    Instant f = clock.instant(); long g = System.nanoTime();",
                "    String t = \"\"\"",
                "        Instant.now()\"\"\"; char q = '\"'; Instant h = Instant.now ();",
                "}");

        assertThat(WallClockDetector.offendingLines(sample)).containsExactly(2, 3, 4, 8, 9, 12);
        assertThat(WallClockDetector.offendingLines("import static java.time.Instant.now;"))
                .containsExactly(1);
    }

    @Test
    void repositoryRootIsTheParentPom() throws IOException {
        Path root = repositoryRoot();

        assertThat(root.resolve("batchcall-core")).isDirectory();
        assertThat(mainSourceTrees(root)).noneMatch(tree -> tree.startsWith(root.resolve("examples")));
    }

    /** Walks up from the working directory to the directory holding the parent pom. */
    static Path repositoryRoot() throws IOException {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && isParentPom(Files.readString(pom))) {
                return dir;
            }
        }
        throw new IllegalStateException("No pom.xml with " + ROOT_ARTIFACT + " above "
                + Paths.get("").toAbsolutePath());
    }

    /** True for the parent pom itself; module poms name it only inside their parent element. */
    private static boolean isParentPom(String pom) {
        return pom.replaceAll("(?s)<parent>.*?</parent>", "").contains(ROOT_ARTIFACT);
    }

    /** {@code src/main/java} of every module listed in the poms (recursively), but examples. */
    private static List<Path> mainSourceTrees(Path root) throws IOException {
        List<Path> trees = new ArrayList<>();
        collectTrees(root, trees);
        trees.sort(null);
        return trees;
    }

    private static void collectTrees(Path moduleDir, List<Path> trees) throws IOException {
        Path tree = moduleDir.resolve(Paths.get("src", "main", "java"));
        if (Files.isDirectory(tree)) {
            trees.add(tree);
        }
        Path pom = moduleDir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return;
        }
        Matcher module = MODULE.matcher(Files.readString(pom));
        while (module.find()) {
            Path child = moduleDir.resolve(module.group(1).trim()).normalize();
            if (!child.getFileName().toString().equals("examples")) {
                collectTrees(child, trees);
            }
        }
    }

    private static List<Path> javaFiles(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
