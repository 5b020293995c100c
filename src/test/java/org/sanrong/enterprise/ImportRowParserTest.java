package org.sanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanrong.TestData;
import org.sanrong.enterprise.ImportRowParser.Accepted;
import org.sanrong.enterprise.ImportRowParser.Rejected;
import org.sanrong.enterprise.ImportRowParser.Result;

/** Row checks and the exact 万元 to fen conversion, without a database. */
class ImportRowParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /** Knows one town and two industry codes. */
    static final class FixedCodes extends ReferenceCodes {
        FixedCodes() {
            super(null);
        }

        @Override
        boolean townExists(String code) {
            return code.equals("441900401");
        }

        @Override
        boolean industryExists(String code) {
            return Set.of("C3982", "I6513").contains(code);
        }
    }

    final ImportRowParser parser = new ImportRowParser(new FixedCodes(), TODAY);

    String[] row(String code) {
        String[] cells = new String[EnterpriseSheet.values().length];
        cells[EnterpriseSheet.CREDIT_CODE.ordinal()] = code;
        cells[EnterpriseSheet.NAME.ordinal()] = "东莞测试电子有限公司";
        return cells;
    }

    EnterpriseRecord accepted(String[] cells) {
        Result r = parser.parse(cells);
        assertThat(r).isInstanceOf(Accepted.class);
        return ((Accepted) r).record();
    }

    String rejected(String[] cells) {
        Result r = parser.parse(cells);
        assertThat(r).isInstanceOf(Rejected.class);
        return ((Rejected) r).reason();
    }

    @Test
    void convertsWanToFenExactly() {
        String[] cells = row(TestData.creditCode());
        cells[EnterpriseSheet.YEAR.ordinal()] = "2025";
        for (var c : List.of(
                new String[] {"1234.56", "1234560000"}, new String[] {"0.000001", "1"},
                new String[] {"1234.567891", "1234567891"}, new String[] {"0.1", "100000"},
                new String[] {"99999999.999999", "99999999999999"}, new String[] {"1,234.5", "1234500000"},
                new String[] {"0", "0"}, new String[] {"12.300000", "12300000"})) {
            cells[EnterpriseSheet.REVENUE.ordinal()] = c[0];
            assertThat(accepted(cells).revenueFen()).as(c[0]).isEqualTo(Long.parseLong(c[1]));
        }
    }

    @Test
    void rejectsMoreThanSixDecimalsNegativesAndAbsurdAmounts() {
        String[] cells = row(TestData.creditCode());
        cells[EnterpriseSheet.YEAR.ordinal()] = "2025";
        cells[EnterpriseSheet.REVENUE.ordinal()] = "0.0000001";
        assertThat(rejected(cells)).contains("最多保留6位小数");
        cells[EnterpriseSheet.REVENUE.ordinal()] = "-1";
        assertThat(rejected(cells)).contains("营业收入(万元)不能为负数");
        cells[EnterpriseSheet.REVENUE.ordinal()] = "100000001";
        assertThat(rejected(cells)).contains("超过1万亿元");
        cells[EnterpriseSheet.REVENUE.ordinal()] = "一百";
        assertThat(rejected(cells)).contains("不是数字");
    }

    @Test
    void reportsEveryProblemOfARowAtOnce() {
        String[] cells = row(TestData.creditCodeWithWrongCheck());
        cells[EnterpriseSheet.NAME.ordinal()] = " ";
        cells[EnterpriseSheet.TOWN.ordinal()] = "441900999";
        cells[EnterpriseSheet.INDUSTRY.ordinal()] = "c3999";
        cells[EnterpriseSheet.REGISTERED_ON.ordinal()] = "2026-12-01";
        cells[EnterpriseSheet.HEADCOUNT.ordinal()] = "10";
        cells[EnterpriseSheet.RD_STAFF.ordinal()] = "11";
        cells[EnterpriseSheet.INVENTION_PATENTS.ordinal()] = "2.5";
        String reason = rejected(cells);
        assertThat(reason).contains("校验位").contains("企业名称为空").contains("所属镇街代码“441900999”不存在")
                .contains("行业代码“C3999”").contains("成立日期“2026-12-01”晚于今天").contains("缺少年度")
                .contains("研发人员（11）多于从业人数（10）").contains("发明专利“2.5”不是整数");
    }

    @Test
    void namesTheBrokenCreditCodeRule() {
        assertThat(rejected(row("91441900MA4W7K3L"))).contains("应为18位，当前为16位");
        assertThat(rejected(row("91441900MA4W7K3LOX"))).contains("第17位字符“O”不合法");
    }

    @Test
    void readsCommonDateFormatsAndNormalisesCodes() {
        String code = TestData.creditCode();
        String[] cells = row(" " + code.toLowerCase() + " ");
        cells[EnterpriseSheet.INDUSTRY.ordinal()] = "i6513";
        cells[EnterpriseSheet.TOWN.ordinal()] = "441900401";
        for (String d : List.of("2018-06-01", "2018/6/1", "20180601", "2018年6月1日", "2018-06-01 00:00:00",
                "43252")) {
            cells[EnterpriseSheet.REGISTERED_ON.ordinal()] = d;
            EnterpriseRecord r = accepted(cells);
            assertThat(r.registeredOn()).as(d).isEqualTo(LocalDate.of(2018, 6, 1));
            assertThat(r.creditCode()).isEqualTo(code);
            assertThat(r.industryCode()).isEqualTo("I6513");
        }
    }
}
