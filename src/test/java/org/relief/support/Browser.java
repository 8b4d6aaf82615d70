package org.relief.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Debian's chromium driven by Selenium, headless, with a fresh profile. Outside CI the browser tests skip with a
 * message when chromium is not installed; in CI (CI=true) a missing browser is a failure, not a skip.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getenv().getOrDefault("RELIEF_CHROMIUM", "/usr/bin/chromium");
    public static final String CHROMEDRIVER =
            System.getenv().getOrDefault("RELIEF_CHROMEDRIVER", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(int port) throws IOException {
        this.base = "http://127.0.0.1:" + port;
        this.profile = Files.createTempDirectory("relief-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1300,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public static Browser open(int port) throws IOException {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: .ci/run must install chromium and chromium-driver");
        }
        assumeTrue(
                present,
                "Browser test skipped: " + CHROMIUM + " / " + CHROMEDRIVER + " not installed "
                        + "(apt-get install -y chromium chromium-driver)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        return new Browser(port);
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser signIn(String user, String password) {
        go("/login");
        type("username", user);
        type("password", password);
        driver.findElement(By.id("sign-in")).click();
        waitFor(By.cssSelector("header.top .who"));
        return this;
    }

    public Browser signOut() {
        driver.findElement(By.cssSelector("header.top form button")).click();
        waitFor(By.id("username"));
        return this;
    }

    /** Sets the window (in headless chromium: the viewport) size, e.g. 400 x 900 for a phone. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String js) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js);
    }

    public Browser type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
        return this;
    }

    /** Sets an input's value directly (date inputs take typed keys in the browser's locale format). */
    public Browser setValue(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
        return this;
    }

    public Browser select(String id, String value) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id))).selectByValue(value);
        return this;
    }

    public Browser selectByText(String id, String text) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id))).selectByVisibleText(text);
        return this;
    }

    /** Clicks something that loads a new page and waits until the old page is gone (no stale reads). */
    public Browser clickAndWaitForNewPage(By by) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitUntilGone(oldPage);
        return this;
    }

    /**
     * Waits until {@code oldPage} (the previous page's root) has left the document. Like Selenium's {@code stalenessOf},
     * but chromium can also answer "Node with given id does not belong to the document" (a plain WebDriverException)
     * while the new page replaces the old one: that means gone too.
     */
    public void waitUntilGone(WebElement oldPage) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.NoSuchElementException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    public Browser click(String id) {
        driver.findElement(By.id(id)).click();
        return this;
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves a screenshot under target/screenshots (handy when a browser test fails, and for the README). */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
