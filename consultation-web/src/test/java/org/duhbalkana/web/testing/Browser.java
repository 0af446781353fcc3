package org.duhbalkana.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, with a
 * fresh profile. Fails with a plain message when they are not installed.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("test.chromedriver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final Path profile;

    public Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("duh-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * A wait of up to 20 s that looks again when the page is being replaced under it (Chromium
     * then answers for an element of the old page with "Node … does not belong to the document").
     */
    private org.openqa.selenium.support.ui.WebDriverWait waitUp() {
        org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    /** Clicks and waits (up to 20 s) until the element that shows the outcome is there. */
    public void clickAndWait(org.openqa.selenium.By button, org.openqa.selenium.By outcome) {
        driver.findElement(button).click();
        waitUp().until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(outcome));
    }

    /** Clicks and waits (up to 20 s) until the page is replaced by the answer to the click. */
    public void clickAndWaitForReload(org.openqa.selenium.By button) {
        org.openqa.selenium.WebElement clicked = driver.findElement(button);
        clicked.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> gone(clicked));
    }

    /**
     * Whether the element's page has been replaced: Selenium says "stale", or Chromium, in the
     * middle of a navigation, that the node "does not belong to the document".
     */
    public static boolean gone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException replaced) {
            if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw replaced;
        }
    }

    /** Clicks and waits (up to 20 s) until the element holds the text (for pages that show a message already). */
    public void clickAndWaitForText(org.openqa.selenium.By button, org.openqa.selenium.By outcome, String text) {
        driver.findElement(button).click();
        waitUp().until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(outcome, text));
    }

    /**
     * Signs in through the sign-in page at {@code base} (the site's address) with a demo account's
     * password, and waits for the profile link that shows the visitor is signed in. A browser with
     * no language chosen chooses English first.
     */
    public void signIn(String base, String email) {
        driver.get(base + "/account/sign-in.xhtml");
        if (driver.manage().getCookieNamed("lang") == null) {
            // the tester reads English: chosen on this device, so the account's own language does not apply
            driver.get(base + "/account/sign-in.xhtml?lang=en");
        }
        driver.findElement(org.openqa.selenium.By.id("signIn:email")).sendKeys(email);
        driver.findElement(org.openqa.selenium.By.id("signIn:password")).sendKeys(org.duhbalkana.account.DemoAccounts.PASSWORD);
        clickAndWait(org.openqa.selenium.By.id("signIn:submit"), org.openqa.selenium.By.id("nav-profile"));
    }

    /** Replaces what a field holds with the text, as a person typing it. */
    public static void type(org.openqa.selenium.WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** Resizes the window, e.g. to a phone's 390 × 844. */
    public void windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a screenshot as {@code target/screenshots/NAME.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = RunningSite.output().resolve("screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the page's HTML beside the screenshots, to see what a failing test saw. */
    public void savePage(String name) {
        try {
            Path dir = RunningSite.output().resolve("screenshots");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            screenshot(name);
        } catch (IOException | RuntimeException e) {
            // best effort: the test's own failure is what matters
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
