package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Upload and export safety of spreadsheets (等保 入侵防范): text that looks like a formula is exported as text, never as
 * a formula Excel would run; a compressed "zip bomb" disguised as a workbook is refused before it is inflated.
 */
class SpreadsheetsSafetyTest {

    @Test
    void formulaLookingTextIsExportedAsTextNotAsAFormula() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> dangerous = List.of("=HYPERLINK(\"http://evil\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)");
        Spreadsheets.write(out, "导出", List.of("企业名称"), dangerous.stream().map(s -> List.<Object>of(s)).iterator());
        String sheet = entry(out.toByteArray(), "xl/worksheets/sheet1.xml");
        assertThat(sheet).doesNotContain("<f>").doesNotContain("<f ");
        List<String> read = new ArrayList<>();
        Spreadsheets.read(new ByteArrayInputStream(out.toByteArray()), r -> read.add(r.cell(0)));
        assertThat(read).containsExactly("企业名称", dangerous.get(0), dangerous.get(1), dangerous.get(2),
                dangerous.get(3));
    }

    @Test
    void aZipBombDisguisedAsAWorkbookIsRefused() throws Exception {
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        Spreadsheets.write(good, "表", List.of("a"), List.<List<Object>>of(List.of("b")).iterator());
        // the same workbook, its sheet padded with 40 MB of blanks that compress about a thousandfold
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("book", ".xlsx");
        java.nio.file.Files.write(file, good.toByteArray());
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
                ZipOutputStream zip = new ZipOutputStream(bomb)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] content = in.getInputStream(e).readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    xml = xml.replace("<sheetData>", "<sheetData>" + " ".repeat(40_000_000));
                    zip.write(xml.getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        assertThat(bomb.size()).isLessThan(1_000_000);
        assertThatThrownBy(() -> Spreadsheets.read(new ByteArrayInputStream(bomb.toByteArray()), r -> { }))
                .hasStackTraceContaining("Zip bomb");
    }

    private static String entry(byte[] zip, String name) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("book", ".xlsx");
        java.nio.file.Files.write(file, zip);
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile())) {
            ZipEntry e = in.getEntry(name);
            assertThat(e).as(name).isNotNull();
            return new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
