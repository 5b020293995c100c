package org.sanrong.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through the system chromedriver. Where they are missing the browser tests are
 * skipped with a loud message, except under CI (CI=true), where that is a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    static Browser open(int port) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "\n\n*** BROWSER TESTS NOT RUN: install chromium, chromium-driver and fonts-noto-cjk "
                    + "(apt-get install chromium chromium-driver fonts-noto-cjk) ***\n";
            System.err.println(message);
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=zh-CN");
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("sanrong-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), port);
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("not-found-" + css.replaceAll("[^A-Za-z0-9-]", "_"));
            throw new AssertionError("no visible " + css + " on " + driver.getCurrentUrl() + ": "
                    + driver.findElement(By.tagName("body")).getText().lines().limit(12).toList(), e);
        }
    }

    void type(String id, String text) {
        WebElement field = find("#" + id);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets an input's value directly: date inputs take typed keys in the browser locale's order. */
    void setValue(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                find("#" + id), value);
    }

    void click(String css) {
        WebElement element = find(css);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                element);
        WebElement page = driver.findElement(By.tagName("html"));
        boolean navigates = navigates(element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            screenshot("click-intercepted");
            throw e;
        }
        if (navigates) {
            awaitNavigation(page);
        }
    }

    /** A plain link or a form's submit button, not an htmx trigger or a checkbox. */
    private static boolean navigates(WebElement e) {
        if (e.getAttribute("hx-get") != null || e.getAttribute("hx-post") != null) {
            return false;
        }
        String tag = e.getTagName().toLowerCase(java.util.Locale.ROOT);
        if (tag.equals("a")) {
            String href = e.getAttribute("href");
            return href != null && !href.contains("#");
        }
        String type = e.getAttribute("type");
        return (tag.equals("button") && (type == null || type.equals("submit")))
                || (tag.equals("input") && "submit".equals(type));
    }

    /**
     * Most clicks submit a form or follow a link: wait until the old page is gone, so that the next look finds the
     * new one and not a stale element of the old. A click that stays on the page (htmx) just waits briefly.
     */
    private void awaitNavigation(WebElement oldPage) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
                try {
                    oldPage.isEnabled();
                    return false;
                } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                    return true;
                } catch (org.openqa.selenium.WebDriverException e) {
                    // Chromium sometimes reports the old page's node this way while the new page replaces it
                    if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                        return true;
                    }
                    throw e;
                }
            });
        } catch (org.openqa.selenium.TimeoutException stayed) {
            // no navigation: an in-page action
        }
    }

    String text(String css) {
        return find(css).getText();
    }

    /** The error shown next to a form field. */
    String fieldError(String field) {
        return text("#" + field + "-error");
    }

    void login(String username, String password) {
        go("/login");
        type("username", username);
        type("password", password);
        click("#login-submit");
    }

    void logout() {
        click("#logout");
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
