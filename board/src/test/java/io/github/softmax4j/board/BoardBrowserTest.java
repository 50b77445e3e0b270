package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.ImagePreprocessor;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunResult;
import io.github.softmax4j.experiment.SweepFiles;
import io.github.softmax4j.model.Classifier;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's chromium and chromedriver, headless. Skipped when they are
 * not installed, except with CI=true, where their absence is a failure.
 */
class BoardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);
    // the board reads its folder every 250 ms; a page looked at every 50 ms shows a change soon after
    private static final Duration POLL = Duration.ofMillis(50);
    // Selenium warns that it has no DevTools bindings for this browser version; the test needs none
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    @TempDir
    static Path dir;

    private static BoardClient client;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String hint = "chromium and chromedriver are not installed; apt-get install -y chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(hint + " (required when CI=true)");
            }
            assumeTrue(false, hint);
        }
        RunFolders.writeMetrics(dir.resolve("finished-run"), 5, false, Map.of());
        RunFolders.writeModel(dir.resolve("finished-run"), 7);
        client = new BoardClient(dir, null);
        SELENIUM_LOG.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (client != null) {
            client.close();
        }
    }

    /** A wait that looks again when the page redrew an element between finding and reading it. */
    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT, POLL);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The element's text, found again if the page redrew it in between. */
    private static String textOf(By element) {
        return waiting().until(driver -> driver.findElement(element).getText());
    }

    /**
     * The elements' texts once there is at least one (an empty list is the view not drawn yet), found
     * again if the page redrew them in between.
     */
    private static List<String> textsOf(By elements) {
        return waiting().until(driver -> {
            List<String> texts = driver.findElements(elements).stream().map(WebElement::getText).toList();
            return texts.isEmpty() ? null : texts;
        });
    }

    private static String rowCell(String run, String cell) {
        return textOf(By.cssSelector("tr[data-run='" + run + "'] td." + cell));
    }

    @Test
    void theTableListsARunWithItsFigures() {
        browser.get(client.board.address().toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-run='finished-run']")));
        assertEquals("5", rowCell("finished-run", "epoch"));
        assertEquals("finished", textOf(By.cssSelector("tr[data-run='finished-run'] .status")));
    }

    @Test
    void aFolderWithoutSweepsSaysWhichFolderToGiveForThem() {
        browser.get(client.board.address().toString());
        String text = waiting().until(page -> page.findElements(By.cssSelector("li.hint")).stream()
                .map(WebElement::getText).filter(hint -> hint.startsWith("No sweeps in this folder.")).findFirst()
                .orElse(null));
        assertTrue(text.startsWith("No sweeps in this folder.") && text.contains("./softmax4j board sweeps")
                && text.contains("./softmax4j board ."), text);
    }

    @Test
    void theSweepsListSaysLoadingUntilTheSweepsAreRead() {
        // every answer of /api/sweeps is held back until the test lets it through
        Map<String, Object> added = ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "const fetched = window.fetch; let release; window.sweepsRead = new Promise(go => "
                        + "release = go); window.releaseSweeps = () => release();"
                        + "window.fetch = (path, options) => String(path).startsWith('/api/sweeps') "
                        + "? window.sweepsRead.then(() => fetched(path, options)) : fetched(path, options);"));
        try {
            browser.get(client.board.address().toString());
            By hint = By.cssSelector("ul.sweeps li.hint");
            waiting().until(ExpectedConditions.presenceOfElementLocated(hint));
            assertEquals("Loading…", textOf(hint));
            ((JavascriptExecutor) browser).executeScript("window.releaseSweeps();");
            waiting().until(ExpectedConditions.textMatches(hint, Pattern.compile("^No sweeps in this folder\\.")));
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", added.get("identifier")));
        }
    }

    @Test
    void theClassifyPageOffersTheRunItsAddressNamesThoughTheRunsArriveOneByOne(@TempDir Path runsDir)
            throws IOException {
        for (String name : List.of("one", "three", "two")) {
            RunFolders.writeMetrics(runsDir.resolve(name), 2, false, Map.of("status", "finished"));
            RunFolders.writeModel(runsDir.resolve(name), 1);
        }
        // the list of runs is held back, so the runs arrive one by one on the event stream, first "one"
        Map<String, Object> added = ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "const fetched = window.fetch; let release; window.runsRead = new Promise(go => "
                        + "release = go); window.releaseRuns = () => release();"
                        + "window.fetch = (path, options) => String(path).startsWith('/api/runs') "
                        + "? window.runsRead.then(() => fetched(path, options)) : fetched(path, options);"));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address() + "#/classify?run=two");
            By choices = By.cssSelector("#classify-run option");
            waiting().until(ExpectedConditions.numberOfElementsToBe(choices, 3));
            assertEquals("two", waiting().until(driver -> ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('classify-run').value")));
            ((JavascriptExecutor) browser).executeScript("window.releaseRuns();");
            assertEquals("two", waiting().until(driver -> ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('classify-run').value")));
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", added.get("identifier")));
        }
    }

    @Test
    void anEmptyFolderHintDoesNotNameAFolderTheBoardMayNotShow(@TempDir Path emptyDir) throws IOException {
        try (BoardClient empty = new BoardClient(emptyDir, null)) {
            browser.get(empty.board.address().toString());
            By hint = By.cssSelector("p.hint");
            waiting().until(ExpectedConditions.textMatches(hint, Pattern.compile("^No run folders yet\\.")));
            String text = textOf(hint);
            assertTrue(text.contains("--out DIR/NAME") && !text.contains("runs/"), text);
        }
    }

    @Test
    void settingsAreNamedAsTheCommandLineNamesThem(@TempDir Path sweepDir) throws IOException {
        RunFolders.writeMetrics(sweepDir.resolve("grid/lr 0.1"), 2, true, Map.of("status", "finished"));
        Files.writeString(sweepDir.resolve("grid/sweep.json"), "{" + RunFolders.gridField()
                + "\"ranking\": [{\"config\": {\"learning_rate\": 0.1, "
                + "\"batch_size\": 256, \"init_std\": 0.01, \"early_stopping\": 0}, \"val_acc_mean\": 0.71, "
                + "\"val_acc_sd\": 0, \"runs\": [\"lr 0.1\"]}]}");
        try (BoardClient sweeps = new BoardClient(sweepDir, null)) {
            browser.get(sweeps.board.address().toString());
            By listed = By.cssSelector("ul.sweeps li");
            waiting().until(ExpectedConditions.textMatches(listed, Pattern.compile("^grid")));
            assertEquals("grid — 1 run", textOf(listed), "one run, in the singular");
            browser.get(sweeps.board.address() + "#/sweep/grid");
            By ranked = By.cssSelector("#ranking tbody td:nth-child(2)");
            waiting().until(ExpectedConditions.presenceOfElementLocated(ranked));
            assertEquals("batch size 256 · lr 0.1 · init std 0.01", textOf(ranked),
                    "early stopping 0 is off, left out as the command line leaves it out");
            browser.get(sweeps.board.address() + "#/run/grid/lr%200.1");
            By names = By.cssSelector("table.settings th");
            waiting().until(ExpectedConditions.presenceOfElementLocated(names));
            assertEquals(List.of("epochs", "batch size", "lr", "seed"), textsOf(names),
                    "in the order of train's config line (core's SettingNames.ORDER), not metrics.json's");
            browser.get(sweeps.board.address().toString());
            assertEquals("epochs 10 · batch size 256 · lr 0.1 · seed 42", rowCell("grid/lr 0.1", "settings"));
        }
    }

    @Test
    void aSweepSettingShowsADeviationOnlyOverSeveralSeedsAsTheCommandLineDoes(@TempDir Path sweepDir)
            throws IOException {
        RunFolders.writeMetrics(sweepDir.resolve("grid/lr 0.1"), 2, true, Map.of("status", "finished"));
        // lr 0.1: two copies of one seed, which have no deviation however many runs they are; lr 0.3: two
        // seeds; lr 1: one run
        List<RunResult> results = new ArrayList<>();
        results.add(result("lr 0.1 a", 0.1, 1, 0.71));
        results.add(result("lr 0.1 b", 0.1, 1, 0.71));
        results.add(result("lr 0.3 seed 1", 0.3, 1, 0.70));
        results.add(result("lr 0.3 seed 2", 0.3, 2, 0.68));
        results.add(result("lr 1", 1.0, 1, 0.6));
        List<Ranking.Entry> ranking = Ranking.rank(results);
        SweepFiles.write(sweepDir.resolve("grid"), RunFolders.sweepGrid(), results, ranking, null);
        try (BoardClient sweeps = new BoardClient(sweepDir, null)) {
            browser.get(sweeps.board.address() + "#/sweep/grid");
            By deviations = By.cssSelector("#ranking tbody td:nth-child(4)");
            waiting().until(ExpectedConditions.numberOfElementsToBe(deviations, 3));
            assertEquals(List.of("-", "0.0141", "-"), browser.findElements(deviations).stream()
                    .map(WebElement::getText).toList());
        }
    }

    @Test
    void aSweepWrittenBeforeShowsNoDeviationForASettingOfOneSeed(@TempDir Path sweepDir) throws IOException {
        RunFolders.writeMetrics(sweepDir.resolve("grid/lr 0.1"), 2, true, Map.of("status", "finished"));
        // as sweeps were written before a setting of one seed had its deviation left null: 0
        Files.writeString(sweepDir.resolve("grid/sweep.json"), "{" + RunFolders.gridField()
                + "\"runs\": [{\"name\": \"lr 0.3 a\", \"seed\": 1}, "
                + "{\"name\": \"lr 0.3 b\", \"seed\": 2}, {\"name\": \"lr 0.1\", \"seed\": 1}], \"ranking\": ["
                + "{\"config\": {\"learning_rate\": 0.3}, \"val_acc_mean\": 0.71, \"val_acc_sd\": 0.0123, "
                + "\"runs\": [\"lr 0.3 a\", \"lr 0.3 b\"]}, {\"config\": {\"learning_rate\": 0.1}, "
                + "\"val_acc_mean\": 0.7, \"val_acc_sd\": 0.0, \"runs\": [\"lr 0.1\"]}]}");
        try (BoardClient sweeps = new BoardClient(sweepDir, null)) {
            browser.get(sweeps.board.address() + "#/sweep/grid");
            By deviations = By.cssSelector("#ranking tbody td:nth-child(4)");
            waiting().until(ExpectedConditions.numberOfElementsToBe(deviations, 2));
            assertEquals(List.of("0.0123", "-"), browser.findElements(deviations).stream().map(WebElement::getText)
                    .toList());
        }
    }

    @Test
    void aSettingThatDivergedSaysSoInTheCommandLinesWords(@TempDir Path sweepDir) throws IOException {
        RunFolders.writeMetrics(sweepDir.resolve("sw/lr0.1-seed1"), 2, true, Map.of("status", "finished"));
        Map<String, Object> settings = new LinkedHashMap<>(TrainConfig.defaults().withEpochs(2)
                .withValidation(5000).toMap());
        settings.remove("seed");
        Map<String, Object> diverged = new LinkedHashMap<>(settings);
        diverged.put("learning_rate", 1e7);
        List<RunResult> results = List.of(
                new RunResult("lr0.1-seed1", settings, 1, RunStatus.FINISHED, 2, 0.8286, 0.54, 0.81, 0.2),
                new RunResult("lr1e7-seed1", diverged, 1, RunStatus.DIVERGED, 0, Double.NaN, Double.NaN, Double.NaN,
                        0));
        SweepFiles.write(sweepDir.resolve("sw"), RunFolders.sweepGrid(), results, Ranking.rank(results),
                results.get(0));
        try (BoardClient sweeps = new BoardClient(sweepDir, null)) {
            browser.get(sweeps.board.address() + "#/sweep/sw");
            By rows = By.cssSelector("#ranking tbody tr");
            waiting().until(ExpectedConditions.numberOfElementsToBe(rows, 2));
            List<String> cells = browser.findElements(rows).get(1).findElements(By.tagName("td")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("2", "epochs 2 · batch size 256 · lr 1e7 · init std 0.01 · pixels unit · "
                    + "validation 5000", "diverged", ""), cells.subList(0, 4));
            assertTrue(textOf(By.cssSelector("p.winner")).startsWith("Winner: epochs 2 · batch size 256 · "
                    + "lr 0.1"), textOf(By.cssSelector("p.winner")));
        }
    }

    @Test
    void aDamagedSweepFileIsSaidToBeDamaged(@TempDir Path sweepDir) throws IOException {
        RunFolders.writeMetrics(sweepDir.resolve("sw/lr0.1-seed1"), 2, true, Map.of("status", "finished"));
        Files.writeString(sweepDir.resolve("sw/sweep.json"), "{bad");
        try (BoardClient sweeps = new BoardClient(sweepDir, null)) {
            browser.get(sweeps.board.address() + "#/sweep/sw");
            By said = By.id("sweep-damaged");
            waiting().until(ExpectedConditions.presenceOfElementLocated(said));
            String text = textOf(said);
            assertTrue(text.startsWith("sweep.json is damaged (not valid JSON at line 1, column 2)")
                    && text.contains("./softmax4j compare"), text);
        }
    }

    @Test
    void aDamagedRunIsListedAndARunThatDivergedAtOnceOffersNothingToClassify(@TempDir Path runsDir)
            throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("broken"), 2, false, Map.of());
        Files.writeString(runsDir.resolve("broken/metrics.json"), "{\"status\": \"finis");
        RunFolders.writeMetrics(runsDir.resolve("at-once"), 0, false, Map.of("status", "diverged"));
        RunFolders.writeModel(runsDir.resolve("at-once"), 3);
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address().toString());
            By broken = By.cssSelector("tr[data-run='broken'] td.settings");
            waiting().until(ExpectedConditions.presenceOfElementLocated(broken));
            assertEquals("metrics.json is damaged (not valid JSON at line 1, column 18)",
                    textOf(broken));
            assertEquals("damaged", textOf(By.cssSelector("tr[data-run='broken'] .status")));
            assertEquals("–", rowCell("broken", "epoch"), "no epoch is known of it, not 0");
            browser.get(runs.board.address() + "#/run/at-once");
            By said = By.id("run-diverged");
            waiting().until(ExpectedConditions.presenceOfElementLocated(said));
            assertTrue(textOf(said).startsWith("The run diverged in its first epoch"));
            waiting().until(ExpectedConditions.textMatches(By.id("confusion"), Pattern.compile("^None: the run "
                    + "diverged")));
            assertTrue(browser.findElements(By.partialLinkText("Classify a picture")).isEmpty());
            assertTrue(browser.findElements(By.cssSelector(".charts .chart")).isEmpty(), "no empty charts");
            browser.get(runs.board.address() + "#/run/broken");
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("run-damaged")));
            waiting().until(ExpectedConditions.textMatches(By.id("confusion"), Pattern.compile("^None: ")));
            assertTrue(browser.findElements(By.cssSelector(".charts .chart")).isEmpty(), "no empty charts");
            assertEquals("–", textOf(By.xpath("//table[contains(@class,'latest')]//tr[th='epochs done']/td")));
            browser.get(runs.board.address() + "#/classify?run=broken");
            By choices = By.cssSelector("#classify-run option");
            waiting().until(ExpectedConditions.presenceOfElementLocated(choices));
            assertEquals(List.of("no run can classify: 1 has a damaged metrics.json, 1 diverged in its first epoch "
                    + "and holds the untrained start"), browser.findElements(choices).stream()
                    .map(WebElement::getText).toList());
            assertEquals("Run broken cannot classify: its metrics.json is damaged (not valid JSON at line 1, column "
                    + "18).", textOf(By.id("classify-unusable")));
            RunFolders.writeMetrics(runsDir.resolve("good"), 1, false, Map.of("status", "finished"));
            RunFolders.writeModel(runsDir.resolve("good"), 1);
            waiting().until(ExpectedConditions.textToBe(By.id("classify-unusable"), "Run broken cannot classify: its "
                    + "metrics.json is damaged (not valid JSON at line 1, column 18); the model of run good is offered "
                    + "instead."));
        }
    }

    @Test
    void aRunTheBoardCannotReadIsListedWithWhyAndWhatToDo(@TempDir Path runsDir) throws IOException {
        Files.createDirectories(runsDir.resolve("unread/metrics.json"));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address().toString());
            By unread = By.cssSelector("tr[data-run='unread'] td.settings");
            waiting().until(ExpectedConditions.presenceOfElementLocated(unread));
            assertEquals("the board cannot read it (metrics.json is a folder, not a file)", textOf(unread));
            assertEquals("unreadable", textOf(By.cssSelector("tr[data-run='unread'] .status")));
            browser.get(runs.board.address() + "#/run/unread");
            By said = By.id("run-unreadable");
            waiting().until(ExpectedConditions.presenceOfElementLocated(said));
            assertEquals("The board cannot read this run (metrics.json is a folder, not a file), so it cannot show "
                    + "its settings and figures; mend it, so that metrics.json is a file the board can read, as "
                    + "training writes it, or remove the folder.", textOf(said));
            waiting().until(ExpectedConditions.textMatches(By.id("confusion"), Pattern.compile("^None: ")));
            assertTrue(browser.findElements(By.cssSelector(".charts .chart")).isEmpty(), "no empty charts");
            browser.get(runs.board.address() + "#/curves?run=unread");
            assertEquals(List.of("unread: nothing to draw, the board cannot read it (metrics.json is a folder, not "
                    + "a file)"), textsOf(By.cssSelector("#no-curves li")));
            browser.get(runs.board.address() + "#/classify");
            By choices = By.cssSelector("#classify-run option");
            waiting().until(ExpectedConditions.presenceOfElementLocated(choices));
            assertEquals(List.of("no run can classify: 1 cannot be read by the board"), textsOf(choices));
        }
    }

    @Test
    void aRunThatDivergedAtOnceFromAModelSaysItHoldsThatModelAndOffersIt(@TempDir Path runsDir) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", "diverged");
        document.put("config", Map.of("learning_rate", 1e7, "epochs", 2, "init", "runs/a/model.safetensors"));
        document.put("epochs", List.of());
        Files.createDirectories(runsDir.resolve("from-a"));
        Files.writeString(runsDir.resolve("from-a/metrics.json"), new ObjectMapper().writeValueAsString(document));
        RunFolders.writeModel(runsDir.resolve("from-a"), 3);
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address() + "#/run/from-a");
            By said = By.id("run-diverged");
            waiting().until(ExpectedConditions.presenceOfElementLocated(said));
            String text = textOf(said);
            assertTrue(text.contains("holds the model it started from, runs/a/model.safetensors")
                    && !text.contains("untrained"), text);
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("Classify a picture")));
            browser.get(runs.board.address() + "#/classify");
            By choices = By.cssSelector("#classify-run option");
            waiting().until(ExpectedConditions.textToBe(choices, "from-a"));
        }
    }

    @Test
    void aMissingPictureIsSaidToComeOnlyWhileTheRunTrains(@TempDir Path runsDir) throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("finished"), 3, false, Map.of("status", "finished"));
        RunFolders.writeModel(runsDir.resolve("finished"), 1);
        for (String picture : RunFolder.PICTURES.subList(0, RunFolder.PICTURES.size() - 1)) {
            Files.write(runsDir.resolve("finished").resolve(picture), BoardApiTest.png(BoardApiTest.shirt(), "png"));
        }
        RunFolders.writeMetrics(runsDir.resolve("sw/lr0.1-seed1"), 2, true, Map.of("status", "finished"));
        Files.writeString(runsDir.resolve("sw/sweep.json"), "{" + RunFolders.gridField() + "\"ranking\": []}");
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address() + "#/run/finished");
            By missing = By.cssSelector("#pictures-missing li");
            waiting().until(ExpectedConditions.presenceOfElementLocated(missing));
            assertEquals(List.of("templates.png: the run has ended without it in its folder (removed since, or never "
                    + "written), and nothing draws the pictures of an ended run; train it again to have it."),
                    textsOf(missing));
            assertEquals(4, browser.findElements(By.cssSelector(".pictures img")).size());
            browser.get(runs.board.address() + "#/run/sw/lr0.1-seed1");
            waiting().until(ExpectedConditions.textMatches(missing, Pattern.compile("^None: a sweep draws no "
                    + "pictures of its runs, only sweep.png")));
            assertFalse(textOf(By.cssSelector(".pictures")).contains("yet"));
        }
    }

    @Test
    void aRunTrainedOnShowsItsPicturesDrawnAgainOnItsOpenPage(@TempDir Path runsDir) throws IOException {
        Path run = runsDir.resolve("longer");
        RunFolders.writeMetrics(run, 3, false, Map.of("status", "finished"));
        for (String picture : RunFolder.PICTURES) {
            Files.write(run.resolve(picture), BoardApiTest.png(BoardApiTest.shirt(), "png"));
        }
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address() + "#/run/longer");
            By first = By.cssSelector(".pictures img");
            waiting().until(ExpectedConditions.presenceOfElementLocated(first));
            String before = browser.findElement(first).getAttribute("src");
            // train --resume --epochs 5: the same pictures' names, drawn again once it finishes
            RunFolders.writeMetrics(run, 4, false, Map.of("status", "running", "pid", ProcessHandle.current().pid()));
            waiting().until(driver -> driver.findElement(By.cssSelector(".status")).getText().contains("running"));
            RunFolders.writeMetrics(run, 5, false, Map.of("status", "finished"));
            waiting().until(driver -> !driver.findElement(first).getAttribute("src").equals(before));
        }
    }

    @Test
    void theAccuracyOfARunOfOneEpochIsDrawnWithinZeroToOne(@TempDir Path runsDir) throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("one"), 1, false, Map.of("status", "finished"));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            for (String page : List.of("#/run/one", "#/curves?run=one")) {
                browser.get(runs.board.address() + page);
                By charts = By.cssSelector(".charts .chart");
                waiting().until(ExpectedConditions.numberOfElementsToBe(charts, 3));
                waiting().until(driver -> driver.findElements(charts).stream()
                        .allMatch(chart -> chart.getAttribute("data-value-range") != null));
                List<WebElement> drawn = browser.findElements(charts);
                for (WebElement accuracy : drawn.subList(1, 3)) {
                    String[] range = accuracy.getAttribute("data-value-range").split(",");
                    double low = Double.parseDouble(range[0]);
                    double high = Double.parseDouble(range[1]);
                    assertTrue(low >= 0 && high <= 1 && low < high, page + ": " + String.join(",", range));
                }
            }
        }
    }

    @Test
    void curvesOfAShortRunHaveTicksOnlyAtWholeEpochs(@TempDir Path runsDir) throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("three"), 3, false, Map.of("status", "finished"));
        RunFolders.writeMetrics(runsDir.resolve("two"), 2, true, Map.of("status", "finished"));
        RunFolders.writeMetrics(runsDir.resolve("one"), 1, false, Map.of("status", "finished"));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            By charts = By.cssSelector(".charts .chart");
            for (String[] page : new String[][] {{"#/run/three", "1,2,3"}, {"#/run/two", "1,2"}, {"#/run/one", "1"},
                    {"#/curves?run=two&run=three", "1,2,3"}, {"#/curves?run=two", "1,2"}}) {
                browser.get(runs.board.address() + page[0]);
                waiting().until(ExpectedConditions.numberOfElementsToBe(charts, 3));
                waiting().until(driver -> driver.findElements(charts).stream()
                        .allMatch(chart -> chart.getAttribute("data-epoch-ticks") != null));
                assertEquals(List.of(page[1], page[1], page[1]), browser.findElements(charts).stream()
                        .map(chart -> chart.getAttribute("data-epoch-ticks")).toList(), page[0]);
            }
        }
    }

    @Test
    void curvesOfRunsWithAndWithoutValidationSayWhichLineIsWhichAccuracy(@TempDir Path runsDir) throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("tested"), 3, false, Map.of("status", "finished"));
        RunFolders.writeMetrics(runsDir.resolve("validated"), 3, true, Map.of("status", "finished"));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            By titles = By.cssSelector(".charts .chart .u-title");
            browser.get(runs.board.address() + "#/curves?run=validated&run=tested");
            waiting().until(ExpectedConditions.numberOfElementsToBe(titles, 3));
            assertEquals("Validation or test accuracy", textsOf(titles).get(2));
            By legend = By.cssSelector("#held-out-legend li");
            waiting().until(ExpectedConditions.numberOfElementsToBe(legend, 2));
            assertEquals(List.of("validated: val acc", "tested: test acc"), textsOf(legend));
            // each named beside the line it has on the chart, as in the list of runs
            List<String> legendLines = browser.findElements(By.cssSelector("#held-out-legend li line")).stream()
                    .map(line -> line.getAttribute("stroke")).toList();
            assertEquals(List.of("#1f77b4", "#d62728"), legendLines);
            // the words of a run's own page, where its figures say val acc or test acc
            browser.get(runs.board.address() + "#/run/tested");
            waiting().until(ExpectedConditions.numberOfElementsToBe(titles, 3));
            assertEquals("Test accuracy", textsOf(titles).get(2));
            assertTrue(textsOf(By.cssSelector("table.latest th")).contains("test acc"));
            browser.get(runs.board.address() + "#/curves?run=validated");
            waiting().until(ExpectedConditions.numberOfElementsToBe(titles, 3));
            assertEquals("Validation accuracy", textsOf(titles).get(2));
            assertTrue(browser.findElements(legend).isEmpty(), "one kind of accuracy: the title says which");
        }
    }

    @Test
    void aRunWithNothingToDrawIsSaidSoWhereverCurvesAreShown(@TempDir Path runsDir) throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("fine"), 3, false, Map.of("status", "finished"));
        RunFolders.writeModel(runsDir.resolve("fine"), 1);
        RunFolders.writeMetrics(runsDir.resolve("at-once"), 0, false, Map.of("status", "diverged"));
        Map<String, Object> running = Map.of("status", "running", "pid", ProcessHandle.current().pid());
        RunFolders.writeMetrics(runsDir.resolve("starting"), 0, false, running);
        RunFolders.writeMetrics(runsDir.resolve("broken"), 1, false, Map.of());
        Files.writeString(runsDir.resolve("broken/metrics.json"), "{\"status\": \"finis");
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            By charts = By.cssSelector(".charts .chart");
            By notes = By.cssSelector("#no-curves li");
            browser.get(runs.board.address() + "#/curves?run=fine&run=at-once&run=starting&run=broken");
            waiting().until(ExpectedConditions.numberOfElementsToBe(notes, 3));
            assertEquals(List.of("at-once: nothing to draw, the run diverged in its first epoch (no epoch ended); "
                    + "train it again with a smaller --lr", "broken: nothing to draw, its metrics.json is damaged (not "
                    + "valid JSON at line 1, column 18)", "starting: no epoch has ended yet; its curves appear as it "
                    + "trains"), textsOf(notes));
            assertEquals(3, browser.findElements(charts).size(), "the curves of the run that has epochs");
            browser.get(runs.board.address() + "#/curves?run=at-once");
            waiting().until(ExpectedConditions.numberOfElementsToBe(notes, 1));
            assertTrue(browser.findElements(charts).isEmpty(), "no empty charts");
            browser.get(runs.board.address() + "#/run/at-once");
            waiting().until(ExpectedConditions.textMatches(By.id("confusion"), Pattern.compile("^None: the run "
                    + "diverged in its first epoch")));
            assertFalse(browser.findElement(By.id("confusion-reading")).isDisplayed(),
                    "no word of cells to click where there is no matrix");
            browser.get(runs.board.address() + "#/run/fine");
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confusion-reading")));
            browser.get(runs.board.address() + "#/run/starting");
            waiting().until(ExpectedConditions.textToBe(notes, "No epoch has ended yet; its curves appear as it "
                    + "trains"));
            assertTrue(browser.findElements(charts).isEmpty(), "no empty charts");
            RunFolders.writeMetrics(runsDir.resolve("starting"), 1, false, running);
            waiting().until(ExpectedConditions.numberOfElementsToBe(charts, 3));
            assertTrue(browser.findElements(notes).isEmpty(), "the note goes once there is an epoch to draw");
        }
    }

    @Test
    void runsOfOddNamesAndNumbersAreComparedAndShown(@TempDir Path runsDir) throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("lr 0.1,batch 64"), 2, false, Map.of("status", "finished"));
        RunFolders.writeMetrics(runsDir.resolve("plain"), 3, false, Map.of("status", "finished"));
        String longName = "lr0.1-batch256-momentum0.9-decay0.0001-schedule-cosine-".repeat(3) + "seed1";
        RunFolders.writeMetrics(runsDir.resolve(longName), 2, false, Map.of("status", "finished"));
        // a metrics.json rewritten by hand to an epoch of two billion: the curves must not try to fill every epoch
        RunFolders.writeEpochs(runsDir.resolve("far"), List.of(RunFolders.epoch(1), RunFolders.epoch(2_000_000_000)));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address().toString());
            By rows = By.cssSelector("#runs-table tbody tr");
            waiting().until(ExpectedConditions.numberOfElementsToBe(rows, 4));
            JavascriptExecutor page = (JavascriptExecutor) browser;
            assertEquals(true, page.executeScript("return document.documentElement.scrollWidth "
                    + "<= document.documentElement.clientWidth;"), "a long run name does not widen the page");
            for (String name : List.of("lr 0.1,batch 64", "plain")) {
                browser.findElement(By.cssSelector("tr[data-run='" + name + "'] input[type=checkbox]")).click();
            }
            browser.findElement(By.id("compare")).click();
            By charts = By.cssSelector("#charts .chart");
            waiting().until(ExpectedConditions.numberOfElementsToBe(charts, 3));
            assertEquals(List.of("lr 0.1,batch 64", "plain"), browser.findElements(By.cssSelector(
                    "#curve-runs input:checked")).stream().map(box -> box.findElement(By.xpath("..")).getText().strip())
                    .toList(), "both chosen runs, the one with a comma in its name too");
            browser.navigate().refresh();
            waiting().until(ExpectedConditions.numberOfElementsToBe(charts, 3));
            assertEquals(2, browser.findElements(By.cssSelector("#curve-runs input:checked")).size(),
                    "the address keeps both");
            browser.get(runs.board.address() + "#/run/far");
            waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".charts .chart"), 3));
            assertEquals("2000000000", browser.findElement(By.cssSelector(".charts .chart"))
                    .getAttribute("data-last-epoch"));
            waiting().until(ExpectedConditions.textMatches(By.id("confusion"), Pattern.compile("\\S")));
        }
    }

    @Test
    void aChosenRunWhoseFolderIsDeletedIsSaidToBeGone(@TempDir Path runsDir) throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("kept"), 2, false, Map.of("status", "finished"));
        RunFolders.writeMetrics(runsDir.resolve("doomed"), 2, false, Map.of("status", "finished"));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address() + "#/curves?run=kept&run=doomed");
            By charts = By.cssSelector("#charts .chart");
            waiting().until(ExpectedConditions.numberOfElementsToBe(charts, 3));
            Files.delete(runsDir.resolve("doomed/metrics.json"));
            Files.delete(runsDir.resolve("doomed"));
            waiting().until(ExpectedConditions.textToBe(By.cssSelector("#no-curves li"),
                    "doomed: no such run in the board's folder (any more)"));
            assertEquals(3, browser.findElements(charts).size(), "the run that remains is still drawn");
        }
    }

    @Test
    void aRunPageWhoseFolderIsDeletedShowsNothingOfItAndARunStartedAgainUnderItsName(@TempDir Path runsDir)
            throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("again"), 3, false, Map.of("status", "finished"));
        RunFolders.writeModel(runsDir.resolve("again"), 1);
        Files.write(runsDir.resolve("again/curves.png"), BoardApiTest.png(BoardApiTest.shirt(), "png"));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address() + "#/run/again");
            By charts = By.cssSelector(".charts .chart");
            waiting().until(ExpectedConditions.numberOfElementsToBe(charts, 3));
            waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".pictures img"), 1));
            for (String file : List.of("metrics.json", "model.safetensors", "curves.png")) {
                Files.delete(runsDir.resolve("again").resolve(file));
            }
            Files.delete(runsDir.resolve("again"));
            waiting().until(ExpectedConditions.textToBe(By.cssSelector(".run-header p"),
                    "No such run in the board's folder (any more)."));
            assertTrue(browser.findElements(charts).isEmpty(), "no curves of a run that is gone");
            assertTrue(browser.findElements(By.cssSelector(".pictures img")).isEmpty(), "nor its pictures");
            assertTrue(browser.findElements(By.cssSelector("table.settings td")).isEmpty(), "nor its settings");
            RunFolders.writeMetrics(runsDir.resolve("again"), 1, false,
                    Map.of("status", "running", "pid", ProcessHandle.current().pid()));
            waiting().until(ExpectedConditions.numberOfElementsToBe(charts, 3));
            assertEquals("1", browser.findElement(charts).getAttribute("data-last-epoch"));
        }
    }

    @Test
    void everyRunOfManyComparedHasALineOfItsOwn(@TempDir Path runsDir) throws IOException {
        StringBuilder address = new StringBuilder("#/curves?");
        for (int i = 1; i <= 20; i++) {
            RunFolders.writeMetrics(runsDir.resolve(String.format(Locale.ROOT, "run%02d", i)), 3, false,
                    Map.of("status", "finished"));
            address.append(String.format(Locale.ROOT, "run=run%02d&", i));
        }
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address() + address.toString());
            By lines = By.cssSelector("#curve-runs svg.swatch line");
            waiting().until(ExpectedConditions.numberOfElementsToBe(lines, 20));
            List<String> styles = browser.findElements(lines).stream()
                    .map(line -> line.getAttribute("stroke") + " " + line.getAttribute("stroke-dasharray")).toList();
            assertEquals(20, styles.stream().distinct().count(), "twenty runs, twenty lines told apart: " + styles);
        }
    }

    @Test
    void moreRunsComparedThanLinesToldApartAreSaidToRepeatLines(@TempDir Path runsDir) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 34; i++) {
            names.add(String.format(Locale.ROOT, "run%02d", i));
            RunFolders.writeMetrics(runsDir.resolve(names.get(i - 1)), 2, false, Map.of("status", "finished"));
        }
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            By said = By.id("lines-repeat");
            browser.get(runs.board.address() + "#/curves?run=" + String.join("&run=", names));
            waiting().until(ExpectedConditions.visibilityOfElementLocated(said));
            assertEquals("34 runs are drawn, and 32 lines can be told apart: the last 2 (from run33 on) repeat the "
                    + "lines of the first 2; untick some runs to tell every line apart.", textOf(said));
            browser.get(runs.board.address() + "#/curves?run=" + String.join("&run=", names.subList(0, 32)));
            waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#curve-runs svg.swatch line"),
                    32));
            assertFalse(browser.findElement(said).isDisplayed(), "32 runs, 32 lines told apart");
        }
    }

    @Test
    void runFoldersDeeperThanTheBoardLooksAreNamedWithHowToSeeThem(@TempDir Path runsDir) throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("a/b/c/deep"), 2, false, Map.of("status", "finished"));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address().toString());
            By said = By.id("too-deep");
            waiting().until(ExpectedConditions.visibilityOfElementLocated(said));
            assertEquals("A run folder lies more than 3 levels below this board's folder, deeper than the board "
                    + "looks for runs, so it is not shown: a/b/c/deep. To see it, start a board on the folder that "
                    + "holds it: ./softmax4j board DIR/a/b/c, DIR being this board's folder.", textOf(said));
            assertEquals("", textOf(By.cssSelector("section > p.hint:not(#too-deep)")),
                    "not told the folder has no run folders");
            RunFolders.writeMetrics(runsDir.resolve("a/b/c/deeper"), 2, false, Map.of("status", "finished"));
            waiting().until(ExpectedConditions.textMatches(said, Pattern.compile("^2 run folders lie .*: "
                    + "a/b/c/deep, a/b/c/deeper\\. To see them, .*")));
            RunFolders.writeMetrics(runsDir.resolve("x/y/z/other"), 2, false, Map.of("status", "finished"));
            waiting().until(ExpectedConditions.textMatches(said, Pattern.compile("^3 run folders lie .*")));
            assertTrue(textOf(said).endsWith("To see them, start a board on each folder that holds them: "
                    + "./softmax4j board DIR/a/b/c, ./softmax4j board DIR/x/y/z, DIR being this board's folder."),
                    textOf(said));
        }
    }

    @Test
    void aRunsThreeChartsShareARowOnAWideWindowEvenOnceAScrollbarAppears(@TempDir Path runsDir) throws IOException {
        RunFolders.writeMetrics(runsDir.resolve("wide"), 3, false, Map.of("status", "finished"));
        // a tall picture, which makes the page scroll once it has loaded, after the charts are drawn: the
        // scrollbar then takes its width from the charts' row
        Files.write(runsDir.resolve("wide/curves.png"), BoardApiTest.png(new BufferedImage(300, 3000,
                BufferedImage.TYPE_INT_RGB), "png"));
        try (BoardClient runs = new BoardClient(runsDir, null)) {
            browser.get(runs.board.address() + "#/run/wide");
            By charts = By.cssSelector(".charts .chart");
            waiting().until(ExpectedConditions.numberOfElementsToBe(charts, 3));
            waiting().until(driver -> ((JavascriptExecutor) driver).executeScript("return document.querySelector("
                    + "'.pictures img').complete;"));
            assertEquals(true, ((JavascriptExecutor) browser).executeScript("return document.documentElement"
                    + ".scrollHeight > document.documentElement.clientHeight;"), "the page scrolls");
            assertEquals(1, browser.findElements(charts).stream().map(chart -> chart.getLocation().getY()).distinct()
                    .count(), "one row");
        }
    }

    @Test
    void anAddressWithABrokenEncodingSaysSoInsteadOfABlankPage() {
        for (String address : List.of("#/run/%zz", "#/sweep/%E0%A4%A")) {
            browser.get(client.board.address() + address);
            By error = By.cssSelector("#view p.error");
            waiting().until(ExpectedConditions.presenceOfElementLocated(error));
            assertEquals("This address names no run or sweep the board can read (" + address.substring(2)
                    + " is not percent-encoded); choose one from the Runs list.", textOf(error));
        }
    }

    private static RunResult result(String name, double learningRate, long seed, double valAccuracy) {
        return new RunResult(name, Map.of("learning_rate", learningRate), seed, RunStatus.FINISHED, 2, valAccuracy,
                0.5, Double.NaN, 1.0);
    }

    @Test
    void figuresAreRoundedAsTheCommandLineRoundsThem() throws IOException {
        // 0.84805 is stored as 0.848049999...: JavaScript's toFixed(4) gives 0.8480, the command line 0.8481
        Map<String, Object> epoch = RunFolders.epoch(1);
        epoch.put("train_acc", 0.84805);
        RunFolders.writeEpochs(dir.resolve("rounding"), List.of(epoch));
        browser.get(client.board.address().toString());
        By trainAcc = By.cssSelector("tr[data-run='rounding'] td:nth-child(7)");
        waiting().until(ExpectedConditions.presenceOfElementLocated(trainAcc));
        assertEquals("0.8481", textOf(trainAcc));

        double[] values = {0.84805, 0.00005, 0.00004, 1.005, 0.99995, 123.456789, -0.84805, 1e-10, 0.0, 2.5};
        int[] digits = {4, 4, 4, 2, 4, 4, 4, 4, 4, 0};
        List<String> java = new ArrayList<>();
        List<Object> pairs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            java.add(String.format(Locale.ROOT, "%." + digits[i] + "f", values[i]));
            pairs.add(List.of(values[i], digits[i]));
        }
        Object page = ((JavascriptExecutor) browser).executeAsyncScript("const pairs = arguments[0];"
                + "const done = arguments[arguments.length - 1];"
                + "import('/app/figures.js').then(m => done(pairs.map(([value, digits]) => m.fmt(value, digits))));",
                pairs);
        assertEquals(java, page);
    }

    @Test
    void aRunInProgressGainsEpochsWithoutAReload() throws IOException {
        Map<String, Object> running = Map.of("status", "running", "pid", ProcessHandle.current().pid());
        RunFolders.writeMetrics(dir.resolve("in-progress"), 1, false, running);
        browser.get(client.board.address().toString());
        waiting().until(ExpectedConditions.textToBe(By.cssSelector("tr[data-run='in-progress'] td.epoch"), "1"));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
        for (int epochs = 2; epochs <= 4; epochs++) {
            RunFolders.writeMetrics(dir.resolve("in-progress"), epochs, false, running);
            waiting().until(ExpectedConditions.textToBe(By.cssSelector("tr[data-run='in-progress'] td.epoch"),
                    String.valueOf(epochs)));
        }
        assertEquals(true, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"),
                "the page was not reloaded");
        browser.get(client.board.address() + "#/curves?run=in-progress");
        By firstChart = By.cssSelector("#charts .chart");
        waiting().until(ExpectedConditions.attributeToBe(firstChart, "data-last-epoch", "4"));
        RunFolders.writeMetrics(dir.resolve("in-progress"), 5, false, running);
        waiting().until(ExpectedConditions.attributeToBe(firstChart, "data-last-epoch", "5"));
    }

    @Test
    void anUploadedPictureIsClassifiedAsTheModelDoes() throws IOException {
        Path picture = Files.write(dir.resolve("shirt.png"),
                BoardApiTest.png(BoardApiTest.shirt(), "png"));
        String expected = new Classifier(RunFolders.model(7)).classify(picture).label();
        browser.get(client.board.address() + "#/classify?run=finished-run");
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#classify-run option[value='finished-run']")));
        browser.findElement(By.id("classify-file")).sendKeys(picture.toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("prediction-label")));
        assertEquals(expected, textOf(By.id("prediction-label")));
        assertEquals(5, browser.findElements(By.cssSelector(".bar-row")).size());
        assertEquals(1, browser.findElements(By.cssSelector("#classify-result canvas.pixels")).size());
    }

    @Test
    void aGarmentDrawnWithTheMouseIsClassifiedAsTheModelDoes() throws IOException {
        browser.get(client.board.address() + "#/classify?run=finished-run");
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#classify-run option[value='finished-run']")));
        WebElement pad = browser.findElement(By.id("pad"));
        new Actions(browser).moveToElement(pad, -60, -90).clickAndHold().moveByOffset(120, 0).moveByOffset(0, 180)
                .moveByOffset(-120, 0).moveByOffset(0, -180).release().perform();
        browser.findElement(By.id("classify-drawing")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("prediction-label")));
        String drawn = (String) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('pad').toDataURL('image/png');");
        byte[] png = Base64.getDecoder().decode(drawn.substring(drawn.indexOf(',') + 1));
        byte[] pixels = ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(png, "drawing.png"));
        int bright = 0;
        for (byte pixel : pixels) {
            bright += (pixel & 0xFF) > 128 ? 1 : 0;
        }
        assertTrue(bright > 50, "the mouse drew a garment: " + bright + " bright pixels of 784");
        String expected = new Classifier(RunFolders.model(7)).classifyPixels(pixels).label();
        assertEquals(expected, textOf(By.id("prediction-label")));
    }

    @Test
    void anEmptyFileOrABlankPadIsSaidToHoldNothingInsteadOfBeingSent() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        // a page of its own: the same address again would only move within the last test's page and its drawing
        browser.get("about:blank");
        browser.get(client.board.address() + "#/classify?run=finished-run");
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#classify-run option[value='finished-run']")));
        By error = By.cssSelector("#classify-result .error");
        browser.findElement(By.id("classify-file")).sendKeys(empty.toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(error));
        assertEquals("empty.png: the file is empty (0 bytes); choose a picture, such as a PNG or JPEG.", textOf(error));
        browser.findElement(By.id("classify-drawing")).click();
        waiting().until(ExpectedConditions.textMatches(error, Pattern.compile("^Nothing is drawn yet: draw a garment "
                + "on the black square, light on dark, then classify the drawing\\.$")));
    }

    @Test
    void aCellOfTheConfusionMatrixShowsItsTestImages() {
        RealData.dir();
        browser.get(client.board.address() + "#/run/finished-run");
        By cell = By.cssSelector("#confusion tbody tr:nth-child(7) td:nth-child(2)");
        waiting().until(ExpectedConditions.presenceOfElementLocated(cell));
        int count = Integer.parseInt(textOf(cell));
        browser.findElement(cell).click();
        waiting().until(ExpectedConditions.textMatches(By.cssSelector("#cell-images h3"),
                Pattern.compile("^" + count + " test images of Shirt predicted as T-shirt/top")));
        assertEquals(Math.min(count, ConfusionCellRoute.MAX_IMAGES),
                browser.findElements(By.cssSelector("#cell-images canvas")).size());
    }
}
