package io.windlass.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The web console in Debian's Chromium, driven by playwright-core from the npm registry
 * ({@code dashboard/e2e/driver.mjs}, run by the machine's node): each {@link #step} is one thing
 * a user does or looks at, answered once the page shows it. The node modules are the ones the
 * Maven build installed with {@code npm ci} before the tests run.
 */
public final class ConsoleBrowser implements AutoCloseable {
    public static final Path DASHBOARD = Path.of("..", "dashboard").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration DRIVER_WAIT = Duration.ofSeconds(60);
    // the driver's own waits end first, so a failing step reports what it waited for
    private static final Duration STEP_TIMEOUT = DRIVER_WAIT.plusSeconds(30);
    private static final JsonNode CLOSED = new ObjectMapper().getNodeFactory().textNode("closed");

    private final ObjectMapper json = new ObjectMapper();
    private final Process node;
    private final OutputStream commands;
    private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
    private int nextId;

    private ConsoleBrowser(Process node) {
        this.node = node;
        this.commands = node.getOutputStream();
        Thread reader = new Thread(this::readAnswers, "console-browser-answers");
        reader.setDaemon(true);
        reader.start();
    }

    public static ConsoleBrowser start() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium "
                    + "(deploy/local/lib.sh installs it)");
        }
        if (!Files.isDirectory(DASHBOARD.resolve("node_modules/playwright-core"))) {
            throw new IllegalStateException("no playwright-core in " + DASHBOARD + ": the Maven build runs npm ci");
        }
        ProcessBuilder driver = new ProcessBuilder("node", "e2e/driver.mjs").directory(DASHBOARD.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        // a real host takes longer than a page: a boot or a stop waits for its engine
        driver.environment().put("STEP_TIMEOUT_MS", String.valueOf(DRIVER_WAIT.toMillis()));
        Process node = driver.start();
        return new ConsoleBrowser(node);
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                answers.add(json.readTree(line));
            }
        } catch (IOException e) {
            // the driver went away; step() reports it
        }
        answers.add(CLOSED);
    }

    /** Runs one step of the driver; its value, or an AssertionError with what the page did not show. */
    public synchronized JsonNode step(String step, Map<String, ?> args) {
        int id = ++nextId;
        try {
            commands.write((json.writeValueAsString(Map.of("id", id, "step", step, "args", args)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            commands.flush();
            JsonNode answer = answers.poll(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (answer == null || answer == CLOSED) {
                throw new AssertionError("the browser driver gave no answer to " + step);
            }
            if (answer.path("id").asInt() != id) {
                throw new AssertionError("answer " + answer + " is not for step " + id);
            }
            if (!answer.path("ok").asBoolean()) {
                throw new AssertionError(step + " " + args + ": " + answer.path("error").asText());
            }
            return answer.path("value");
        } catch (IOException e) {
            throw new AssertionError("the browser driver is gone: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted in " + step, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (node.isAlive()) {
            try {
                step("close", Map.of());
            } catch (AssertionError e) {
                // closing anyway
            }
        }
        if (!node.waitFor(20, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }
}
