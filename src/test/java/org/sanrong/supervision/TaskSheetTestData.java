package org.sanrong.supervision;

import cn.idev.excel.FastExcel;
import cn.idev.excel.write.merge.OnceAbsoluteMergeStrategy;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** An office's task table as Excel, for the tests. */
public final class TaskSheetTestData {

    private TaskSheetTestData() {
    }

    /** Title rows, Chinese headers, 责任单位 with the lead first, merged task and measure cells, and bad rows. */
    public static byte[] officeTable() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("东莞市科技金融重点工作任务分解表", "", "", "", ""));
        rows.add(List.of("（2026年）", "", "", "", ""));
        rows.add(List.of("序号", "重点任务", "具体措施", "责任单位", "完成时限"));
        rows.add(List.of("1", "一、完善科技信贷风险补偿", "扩大风险补偿资金池规模", "市财政局、市科技局 市府金融工作局", "2027年6月底"));
        rows.add(List.of("2", "", "建立不良贷款容忍度考核机制", "东莞金融监管分局", "2027-12-31"));
        rows.add(List.of("3", "", "", "人民银行东莞市分行", "2027年底"));
        rows.add(List.of("4", "二、建设融资对接平台", "上线科技金融一站式平台", "", "2027年3月"));
        rows.add(List.of("2", "", "重复序号的措施", "市科技局", "2027年3月"));
        rows.add(List.of("5", "", "已过期的措施", "市科技局", "2025年1月"));
        rows.add(List.of("6", "", "时限看不懂的措施", "市科技局", "尽快"));
        rows.add(List.of("7", "", "长期措施", "市科技局", "长期坚持"));
        rows.add(List.of("", "", "", "", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FastExcel.write(out).needHead(false)
                .registerWriteHandler(new OnceAbsoluteMergeStrategy(3, 5, 1, 1))
                .registerWriteHandler(new OnceAbsoluteMergeStrategy(4, 5, 2, 2))
                .registerWriteHandler(new OnceAbsoluteMergeStrategy(0, 0, 0, 4))
                .sheet("任务").doWrite(rows);
        return out.toByteArray();
    }

}
