package org.sanrong.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Home pages show live counts from the database, and charts where people would rather look than read. */
@SanrongTest
class HomePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void governmentHomeCountsTheRegistryAndDrawsItsCharts() {
        WebClient gov = new WebClient(port);
        gov.login("gov", TestData.DEMO_PASSWORD);
        String page = gov.follow("/").body();
        long total = jdbc.sql("SELECT count(*) FROM enterprise.enterprise").query(Long.class).single();
        assertThat(page).contains("政府工作台").contains("id=\"registry-total\">" + total + "<");
        assertThat(page).contains("id=\"chart-stages\"").contains("成长期").contains("data-chart=");
        assertThat(page).contains("/js/charts.js");
        long published = jdbc.sql("SELECT count(*) FROM catalog.product WHERE status = 'PUBLISHED'")
                .query(Long.class).single();
        assertThat(page).contains("在架金融产品").contains("id=\"products-published\">" + published + "<")
                .contains("id=\"chart-demands\"");
    }

    @Test
    void operatorHomeReportsTheMatchingIndex() {
        WebClient admin = new WebClient(port);
        admin.login("admin", TestData.DEMO_PASSWORD);
        assertThat(admin.follow("/").body()).contains("运营工作台").contains("匹配索引").containsPattern("已索引 \\d");
    }

    @Test
    void enterpriseHomeLinksItsProfile() {
        WebClient enterprise = new WebClient(port);
        enterprise.login("enterprise", TestData.DEMO_PASSWORD);
        assertThat(enterprise.follow("/").body()).contains("企业工作台").contains("href=\"/enterprise/profile\"")
                .contains("我的融资需求");
    }
}
