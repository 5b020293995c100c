package org.sanrong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanrong.TestData;
import org.sanrong.demo.PopulationGenerator;
import org.sanrong.enterprise.EnterpriseSheet;

/** The operator uploads an enterprise sheet and watches the progress bar run to the report, in Chromium. */
class EnterpriseImportBrowserTest extends BrowserTest {

    Path file;

    @AfterEach
    void cleanUp() throws Exception {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void operatorUploadsASheetAndSeesTheProgressBarReachTheReport() throws Exception {
        file = Files.createTempFile("企业名单", ".csv");
        PopulationGenerator generator = new PopulationGenerator(ThreadLocalRandom.current().nextLong());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            EnterpriseSheet.writeCsvHeader(out);
            generator.generate(5_000, r -> EnterpriseSheet.writeCsv(out, r));
            String[] bad = EnterpriseSheet.cells(generator.enterprise(5_000));
            bad[EnterpriseSheet.CREDIT_CODE.ordinal()] = TestData.creditCodeWithWrongCheck();
            EnterpriseSheet.writeCsvRow(out, bad);
        }

        browser.login("admin", TestData.DEMO_PASSWORD);
        browser.click("#nav-imports");
        assertThat(browser.text("h1")).isEqualTo("批量导入企业");
        assertThat(browser.text("#import-rules")).contains("整个文件不导入").contains("合格的行导入");
        browser.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.click("#import-submit");

        assertThat(browser.find("#import-bar")).isNotNull();
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("import-report")));
        browser.screenshot("enterprise-import-report");
        assertThat(browser.text("#import-bar")).isEqualTo("100%");
        assertThat(browser.text("#import-state")).isEqualTo("已完成");
        assertThat(browser.text("#import-read")).isEqualTo("5001");
        assertThat(browser.text("#import-applied")).isEqualTo("5000");
        assertThat(browser.text("#import-rejected")).isEqualTo("1");
        assertThat(browser.text("#import-rejections")).contains("5002").contains("校验位");
        assertThat(browser.find("#import-download").getAttribute("href")).endsWith("/rejected.csv");
    }
}
