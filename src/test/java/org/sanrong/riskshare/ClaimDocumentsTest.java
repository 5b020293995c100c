package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.deal.DealFixtures.json;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Claim documents: the bank uploads PDF/PNG/JPEG files to its claim (checked by content and size, a listed document
 * type), they are listed on the claim page and downloadable by the bank and government but by nobody else; bad
 * uploads are refused with the rule named, nothing kept, audited.
 */
@SanrongTest
class ClaimDocumentsTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Autowired
    JdbcClient jdbc;

    RiskshareFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new RiskshareFixtures(port, registry, membership);
    }

    private HttpResponse<String> api(String method, String path, String user, String body) {
        return fx.deals.api(method, path, user, body);
    }

    /** A hand-filed GZ loan reported non-performing and claimed by a fresh bank: the claim's id. */
    private String claim(DealFixtures.Lender bank) {
        String credit = fx.creditCodeOf(fx.enterprise("440111"));
        HttpResponse<String> filed = api("POST", "/api/v1/riskshare/filings", bank.username(), """
                {"scheme": "GZ-2025-BANK", "loanNumber": "DOC-%s", "enterpriseCreditCode": "%s", "productType": "CREDIT_LOAN",
                 "amount": "3000000.00", "disbursedOn": "%s", "maturityOn": "%s", "termMonths": 12}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), credit, RiskshareFixtures.today(),
                        RiskshareFixtures.today().plusMonths(12)));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode f = json(filed);
        String id = f.path("id").asText();
        HttpResponse<String> status = api("POST", "/api/v1/riskshare/filings/" + id + "/loan-status", bank.username(),
                "{\"status\": \"NON_PERFORMING\", \"asOf\": \"%s\", \"outstanding\": \"3000000.00\"}"
                        .formatted(RiskshareFixtures.today()));
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        List<String> docs = new ArrayList<>();
        f.path("requiredDocuments").forEach(d -> docs.add("\"" + d.asText() + "\""));
        HttpResponse<String> c = api("POST", "/api/v1/riskshare/claims", bank.username(), """
                {"filingId": "%s", "loss": "1000000.00", "lawsuitCaseNo": "（2026）粤0104民初%d号", "lawsuitAcceptedOn": "%s",
                 "documents": [%s]}""".formatted(id, 1000 + (int) (Math.random() * 9000), RiskshareFixtures.today(),
                String.join(", ", docs)));
        assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
        return json(c).path("id").asText();
    }

    private HttpResponse<String> upload(String claim, String user, String type, String fileName, byte[] content)
            throws Exception {
        String boundary = "----rs" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (type != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\n"
                    + type + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/riskshare/claims/"
                        + claim + "/documents"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + RiskshareFixtures.PW)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> download(String doc, String user) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/riskshare/claim-documents/" + doc))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + RiskshareFixtures.PW)
                        .getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    private long stored(String claim) {
        return jdbc.sql("SELECT count(*) FROM riskshare.claim_document WHERE claim_id = ?::uuid").param(claim)
                .query(Long.class).single();
    }

    private long audited(String claim, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'UPLOAD_CLAIM_DOCUMENT' AND target = ? "
                + "AND outcome = ?").params("claim:" + claim, outcome).query(Long.class).single();
    }

    @Test
    void theBankAttachesDocumentsThePartiesToTheClaimDownloadThem() throws Exception {
        DealFixtures.Lender bank = fx.deals.lender();
        String claim = claim(bank);
        HttpResponse<String> up = upload(claim, bank.username(), "补偿申请表", "申请表.pdf", PDF);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        JsonNode d = json(up);
        assertThat(d.path("documentType").asText()).isEqualTo("补偿申请表");
        assertThat(d.path("contentType").asText()).isEqualTo("application/pdf");
        String doc = d.path("id").asText();
        assertThat(audited(claim, "SUCCESS")).isEqualTo(1);

        // listed for the bank and government; downloadable by both with its name and type, never sniffed
        assertThat(json(api("GET", "/api/v1/riskshare/claims/" + claim + "/documents", "gov", null))
                .findValuesAsString("fileName")).containsExactly("申请表.pdf");
        HttpResponse<byte[]> byGov = download(doc, "gov");
        assertThat(byGov.statusCode()).isEqualTo(200);
        assertThat(byGov.body()).isEqualTo(PDF);
        assertThat(byGov.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(byGov.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(byGov.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download(doc, bank.username()).statusCode()).isEqualTo(200);
        // another bank sees neither the list nor the file
        DealFixtures.Lender other = fx.deals.lender();
        assertThat(download(doc, other.username()).statusCode()).isEqualTo(404);
        assertThat(api("GET", "/api/v1/riskshare/claims/" + claim + "/documents", other.username(), null)
                .statusCode()).isEqualTo(404);

        // the claim page lists it with a link, and offers the bank the upload form
        WebClient web = new WebClient(port);
        web.login(bank.username(), RiskshareFixtures.PW);
        String page = web.get("/riskshare/claims/" + claim).body();
        assertThat(page).contains("申请表.pdf").contains("/riskshare/claim-documents/" + doc).contains("id=\"document-form\"");
        // uploading through the page: a file named as a PDF that is not one comes back next to the field
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String boundary = "----rs" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("documentType", ClaimDocuments.OTHER);
        fields.put("_csrf", m.group(1));
        for (var e : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                    + "\"\r\n\r\n" + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"x.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\nnot a pdf\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = web.postMultipart("/riskshare/claims/" + claim + "/documents", boundary,
                body.toByteArray());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("document-error").contains("按文件内容判断");
        assertThat(stored(claim)).isEqualTo(1);
    }

    @Test
    void badUploadsAreRefusedNamingTheRuleNothingKeptAudited() throws Exception {
        DealFixtures.Lender bank = fx.deals.lender();
        String claim = claim(bank);
        HttpResponse<String> fake = upload(claim, bank.username(), "补偿申请表", "申请表.pdf",
                "MZ this is an executable".getBytes(StandardCharsets.US_ASCII));
        assertThat(fake.statusCode()).isEqualTo(400);
        assertThat(json(fake).path("errors").path("file").asText()).contains("PDF").contains("按文件内容判断");
        HttpResponse<String> renamed = upload(claim, bank.username(), "补偿申请表", "申请表.png", PDF);
        assertThat(json(renamed).path("errors").path("file").asText()).contains("内容与文件名不符");
        HttpResponse<String> empty = upload(claim, bank.username(), "补偿申请表", "申请表.pdf", new byte[0]);
        assertThat(json(empty).path("errors").path("file").asText()).contains("空");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        HttpResponse<String> tooBig = upload(claim, bank.username(), "补偿申请表", "申请表.pdf", big);
        assertThat(json(tooBig).path("errors").path("file").asText()).contains("不能超过 10MB");
        HttpResponse<String> type = upload(claim, bank.username(), "营业执照原件照片", "申请表.pdf", PDF);
        assertThat(json(type).path("errors").path("documentType").asText()).contains("材料类型须为").contains("其他材料");
        // government does not upload the bank's documents
        assertThat(upload(claim, "gov", "补偿申请表", "申请表.pdf", PDF).statusCode()).isEqualTo(403);
        assertThat(stored(claim)).isZero();
        assertThat(audited(claim, "FAILURE")).isEqualTo(5);
    }
}
