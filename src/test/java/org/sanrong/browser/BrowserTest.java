package org.sanrong.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sanrong.SanrongTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test that walks the real pages in headless Chromium: one fresh browser per test, closed after it. */
@SanrongTest
abstract class BrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
