package io.batchcall.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in headless Chromium (Debian's chromium and chromedriver): upload a CSV, send it to
 * the simulated carrier, and see every recipient reach a final status on screen. Saves
 * {@code target/api-page.png}. Without Chromium the test fails when {@code CI=true} and is skipped
 * otherwise.
 */
class ApiPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> FINAL = List.of("completed", "failed", "busy", "no_answer", "skipped");

    @TempDir
    Path tmp;
    private ApiServer server;
    private WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run "
                    + "installs Debian's chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "chromium and chromedriver are not installed");
        server = ApiServer.start(tmp.resolve("db"), 0);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1440,1100", "--user-data-dir=" + Files.createDirectories(tmp.resolve("chrome-profile")));
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void uploadsSendsAndShowsEveryRecipientReachAFinalStatus() throws Exception {
        StringBuilder csv = new StringBuilder("First Name,Last Name,Phone Number,appointment\n");
        String[] names = {"Ann Lee", "Bob Stone", "Cara Diaz", "Dan Wu", "Eve Hart", "Finn Moss", "Gia Park",
                "Hal Reed", "Ivy Chen", "Jon Bell", "Kim Ross", "Lou Grant"};
        for (int i = 0; i < names.length; i++) {
            String[] n = names[i].split(" ");
            csv.append(n[0]).append(',').append(n[1]).append(",(415) 555-01").append(10 + i).append(",Dec ")
                    .append(8 + i % 5).append(" 10:30\n");
        }
        csv.append("Max,Null,12345,Dec 9\n").append("Ann,Lee,+1 415 555 0110,Dec 8 duplicate\n");
        Path file = tmp.resolve("december-reminders.csv");
        Files.writeString(file, csv);

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        driver.get("http://127.0.0.1:" + server.port() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-batch"))).click();
        type("f-name", "December appointment reminders");
        type("f-tz", "America/New_York");
        type("f-agent", "reminder-bot");
        type("f-limit", "4");
        driver.findElement(By.id("f-csv")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("create-submit")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-line"), "imported"));
        String report = driver.findElement(By.id("report-line")).getText();
        assertThat(report).contains("12 imported").contains("1 duplicates").contains("1 rejected");
        wait.until(d -> d.findElements(By.cssSelector("#recipients tbody tr")).size() == 12);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("estimate"), "Estimated cost"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("btn-send"))).click();
        try { // a picture of calls in progress, when the simulated carrier leaves time for one
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(
                    "#recipients .badge.ringing, #recipients .badge.in_progress")).isEmpty());
            screenshot("api-page-live.png");
        } catch (org.openqa.selenium.TimeoutException notCaught) {
            // the batch went too fast to catch mid-way; the final screenshot below still proves the page
        }
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> {
            // read the table in one script: the page replaces rows as events arrive
            @SuppressWarnings("unchecked")
            List<String> statuses = (List<String>) ((JavascriptExecutor) d).executeScript("return [...document"
                    + ".querySelectorAll('#recipients tbody td.status .badge')].map(b => b.dataset.status)"
                    + ".concat([document.getElementById('d-status').dataset.status])");
            return statuses.size() == 13 && statuses.subList(0, 12).stream().allMatch(FINAL::contains)
                    && "completed".equals(statuses.get(12));
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("c-pending"), "0"));
        // Read the tiles and the batch list's badge in one script each time: live updates replace
        // these elements, so an element found first and read afterwards can be gone (stale).
        wait.until(d -> {
            @SuppressWarnings("unchecked")
            List<String> seen = (List<String>) ((JavascriptExecutor) d).executeScript("return ["
                    + "document.getElementById('c-completed').textContent, "
                    + "document.getElementById('c-failed').textContent, "
                    + "(document.querySelector('.batch-item .badge') || {dataset: {}}).dataset.status || '']");
            return Long.parseLong(seen.get(0).trim()) + Long.parseLong(seen.get(1).trim()) == 12
                    && "completed".equals(seen.get(2));
        });

        Path shot = screenshot("api-page.png");

        HttpResponse<String> results = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.port() + driver.findElement(By.id("btn-results")).getDomAttribute("href")
                        .replaceFirst("^", "/"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body().split("\r\n")).hasSize(13);
        assertThat(new File(shot.toString())).exists();
    }

    private Path screenshot(String name) throws java.io.IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path shot = Path.of("target", name);
        Files.createDirectories(shot.getParent());
        return Files.write(shot, png);
    }

    private void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }
}
