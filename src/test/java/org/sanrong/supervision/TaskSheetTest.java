package org.sanrong.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.Spreadsheets;

/** Task tables as offices make them: the 2014 table, and an Excel table with a title row and merged cells. */
class TaskSheetTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void readsTheFiftyThreeMeasuresOfThe2014Table() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("src/main/resources/stats/responsibility-table-2014.csv"));
        TaskSheet.Parsed p = TaskSheet.parse(CsvLines.read(csv), TODAY);
        assertThat(p.rows()).hasSize(53);
        assertThat(p.badRows()).isEmpty();
        assertThat(p.title()).isEmpty();
        TaskSheet.Row first = p.rows().getFirst();
        assertThat(first.no()).isEqualTo("1");
        assertThat(first.targetTask()).isEqualTo("(一)构建依托于金融科技产业融合的产业体系");
        assertThat(first.measure()).startsWith("突出发展战略性新兴产业");
        assertThat(first.leadUnits()).containsExactly("市发改局", "市经信局", "市科技局");
        assertThat(first.coUnits()).isEmpty();
        TaskSheet.Row fifth = p.rows().get(4);
        assertThat(fifth.coUnits()).containsExactly("市委政研室(市跨境办)", "市国税局", "市地税局", "人民银行东莞市中心支行");
        assertThat(p.rows()).extracting(TaskSheet.Row::targetTask).doesNotContainNull();
        assertThat(p.rows().stream().map(TaskSheet.Row::targetTask).distinct().count()).isEqualTo(17);
        assertThat(p.rows().getLast().no()).isEqualTo("53");
    }

    @Test
    void readsAnExcelTableWithATitleRowMergedCellsAndOneUnitColumn() {
        List<TaskSheet.Line> lines = new ArrayList<>();
        Spreadsheets.read(new ByteArrayInputStream(TaskSheetTestData.officeTable()), r -> lines.add(new TaskSheet.Line(r.line(),
                r.cells())));
        TaskSheet.Parsed p = TaskSheet.parse(lines, TODAY);
        assertThat(p.title()).isEqualTo("东莞市科技金融重点工作任务分解表 （2026年）");
        assertThat(p.hasDeadlineColumn()).isTrue();
        assertThat(p.rows()).extracting(TaskSheet.Row::no).containsExactly("1", "2", "3", "7");
        TaskSheet.Row one = p.rows().getFirst();
        assertThat(one.leadUnits()).as("the first unit of 责任单位 leads").containsExactly("市财政局");
        assertThat(one.coUnits()).containsExactly("市科技局", "市府金融工作局");
        assertThat(one.deadline()).isEqualTo(LocalDate.of(2027, 6, 30));
        TaskSheet.Row three = p.rows().get(2);
        assertThat(three.targetTask()).as("merged target task").isEqualTo("一、完善科技信贷风险补偿");
        assertThat(three.measure()).as("merged measure").isEqualTo("建立不良贷款容忍度考核机制");
        assertThat(three.deadline()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(p.rows().getLast().deadline()).as("长期坚持 has no deadline").isNull();
        assertThat(p.badRows()).extracting(TaskSheet.BadRow::line, TaskSheet.BadRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7, "没有牵头单位"),
                org.assertj.core.groups.Tuple.tuple(8, "序号 2 与第5行重复"),
                org.assertj.core.groups.Tuple.tuple(9, "完成时限 2025-01-31 已过"),
                org.assertj.core.groups.Tuple.tuple(10, "完成时限看不懂：尽快"));
    }

    @Test
    void refusesAFileWithoutAHeaderOrWithoutAUnitColumn() {
        assertThatThrownBy(() -> TaskSheet.parse(List.of(new TaskSheet.Line(1, List.of("a", "b"))), TODAY))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("找不到表头");
        assertThatThrownBy(() -> TaskSheet.parse(List.of(new TaskSheet.Line(1, List.of("序号", "具体措施", "完成时限")),
                new TaskSheet.Line(2, List.of("1", "x", "2027年"))), TODAY))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("缺少列：牵头单位");
    }

    @Test
    void scheduleLightsFollowTheLagBehindTimeElapsed() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = LocalDate.of(2026, 12, 31); // 364 days
        LocalDate mid = LocalDate.of(2026, 7, 2); // 182 days: 50%
        assertThat(Schedule.of(start, end, mid, 45, 10, 30)).isEqualTo(new Schedule(50, 5, Schedule.Light.GREEN));
        assertThat(Schedule.of(start, end, mid, 40, 10, 30)).isEqualTo(new Schedule(50, 10, Schedule.Light.YELLOW));
        assertThat(Schedule.of(start, end, mid, 20, 10, 30)).isEqualTo(new Schedule(50, 30, Schedule.Light.YELLOW));
        assertThat(Schedule.of(start, end, mid, 19, 10, 30)).isEqualTo(new Schedule(50, 31, Schedule.Light.RED));
        assertThat(Schedule.of(start, end, LocalDate.of(2027, 1, 1), 95, 10, 30).light()).as("past the deadline")
                .isEqualTo(Schedule.Light.RED);
        assertThat(Schedule.of(start, end, LocalDate.of(2027, 1, 1), 100, 10, 30).light()).isEqualTo(
                Schedule.Light.GREEN);
        assertThat(Schedule.of(start, null, mid, 0, 10, 30).light()).isEqualTo(Schedule.Light.NONE);
    }
}
