package io.batchcall.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample program in the root README.md, taken from the README itself (the java block after the
 * {@code <!-- readme-sample: Name.java -->} marker), compiled with the JDK's compiler against this
 * module's test class path, and run: it must place and complete its calls and print what the
 * README says it prints (the text block after {@code <!-- readme-sample-output -->}).
 */
class ReadmeSampleTest {
    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path work;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theReadmeSampleCompilesRunsAndCompletesItsCalls() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String marker = "<!-- readme-sample: ";
        int at = readme.indexOf(marker);
        assertThat(at).as("README.md has a %s...--> marker", marker).isNotNegative();
        String className = readme.substring(at + marker.length(), readme.indexOf(".java", at));
        String source = block(readme, at, "```java");
        List<String> expected = block(readme, readme.indexOf("<!-- readme-sample-output -->"), "```text").lines()
                .toList();

        Path classes = compile(className, source);
        String printed = run(classes, className);

        assertThat(printed.lines().toList()).containsExactlyElementsOf(expected);
        assertThat(printed).contains("batch completed: 3 of 3 calls completed");
    }

    /** The text of the first fenced block opening with {@code fence} after {@code from}. */
    private static String block(String text, int from, String fence) {
        assertThat(from).as("marker found").isNotNegative();
        int open = text.indexOf(fence + "\n", from);
        int start = open + fence.length() + 1;
        int end = text.indexOf("\n```", start);
        assertThat(open).as("a %s block after the marker", fence).isPositive();
        return text.substring(start, end + 1);
    }

    private Path compile(String className, String source) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Path out = Files.createDirectories(work.resolve("classes"));
        Path file = src.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            StringWriter messages = new StringWriter();
            boolean ok = javac.getTask(messages, files, diagnostics,
                    List.of("-classpath", testClassPath(), "-d", out.toString(), "--release", "17", "-Xlint:all"),
                    null, files.getJavaFileObjects(file.toFile())).call();
            assertThat(ok).as("the README sample compiles: %s %s", diagnostics.getDiagnostics(), messages).isTrue();
        }
        return out;
    }

    /** Surefire names the test class path in this property (java.class.path may be a manifest-only jar). */
    private static String testClassPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path == null || path.isBlank() ? System.getProperty("java.class.path") : path;
    }

    private static String run(Path classes, String className) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeSampleTest.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        original.print(printed);
        return printed;
    }
}
