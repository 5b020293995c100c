package org.sanrong.riskshare;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.UploadedDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents attached to a compensation claim. The claim's bank uploads them while the claim is open (under review,
 * approved or held); each is checked by its content ({@link UploadedDocument}: PDF, PNG or JPEG, at most
 * {@code sanrong.riskshare.claim-documents.max-bytes}, default 10 MB) and stored in the database under a random id,
 * never in a served folder. They are listed on the claim and downloadable by whoever may see the claim: its bank and
 * government. A refused upload is audited and keeps nothing.
 */
@Service
public class ClaimDocuments {

    /** The type a bank may always give, beside the documents its scheme lists. */
    public static final String OTHER = "其他材料";

    private final JdbcClient jdbc;
    private final Claims claims;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxBytes;

    ClaimDocuments(JdbcClient jdbc, Claims claims, AuditTrail audit, Clock clock,
            @Value("${sanrong.riskshare.claim-documents.max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public record Document(UUID id, UUID claimId, String documentType, String fileName, String contentType,
            int sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
    }

    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** The types the bank may give: the documents the claim lists, then {@link #OTHER}. */
    public List<String> types(Claim.Id id, SignedInUser user) {
        Claim c = visibleClaim(id, user);
        Set<String> out = new LinkedHashSet<>(c.application().documents());
        out.add(OTHER);
        return List.copyOf(out);
    }

    /** Whether the user may attach documents now: the claim's bank, while the claim is open. */
    @Transactional(readOnly = true)
    public boolean canUpload(Claim.Id id, SignedInUser user) {
        Claim c = visibleClaim(id, user);
        return user.hasRole(Role.INSTITUTION) && c.application().institutionId().equals(user.organisationId())
                && OPEN.contains(c.status());
    }

    private static final Set<ClaimStatus> OPEN = EnumSet.of(ClaimStatus.UNDER_REVIEW, ClaimStatus.APPROVED,
            ClaimStatus.HELD);

    @Transactional
    public UUID upload(Claim.Id id, @Nullable String documentType, @Nullable String fileName,
            byte @Nullable [] bytes, SignedInUser user) {
        Claim c = claims.find(id).orElseThrow(ClaimNotFound::new);
        String target = RiskCompensation.claimTarget(id);
        boolean own = user.hasRole(Role.INSTITUTION) && c.application().institutionId().equals(user.organisationId());
        if (!own) {
            audit.recordIndependently(user.username(), user.organisationId(), "UPLOAD_CLAIM_DOCUMENT", target,
                    Outcome.DENIED, "非申请机构");
            if (user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN)) {
                throw new AccessDeniedException("只有申请机构可以上传补偿申请材料");
            }
            throw new ClaimNotFound();
        }
        if (!OPEN.contains(c.status())) {
            String why = "补偿申请已" + c.status().label() + "，不能再上传材料";
            fail(user, target, why);
            throw InvalidRequestException.conflict("file", why);
        }
        Set<String> types = new LinkedHashSet<>(c.application().documents());
        types.add(OTHER);
        String type = documentType == null ? "" : documentType.strip();
        if (!types.contains(type)) {
            String why = "材料类型须为：" + String.join("、", types);
            fail(user, target, why);
            throw new InvalidRequestException("documentType", why);
        }
        UploadedDocument d;
        try {
            d = UploadedDocument.check("file", fileName, bytes, EnumSet.allOf(UploadedDocument.Kind.class), maxBytes);
        } catch (InvalidRequestException e) {
            fail(user, target, String.join("；", e.fieldErrors().values()));
            throw e;
        }
        UUID docId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO riskshare.claim_document (id, claim_id, document_type, file_name, content_type, size_bytes,
                    sha256, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(docId, id.value(), type, d.fileName(), d.contentType(), d.size(), d.sha256(), d.content(),
                        user.username(), Timestamp.from(clock.instant()))
                .update();
        audit.record(user.username(), user.organisationId(), "UPLOAD_CLAIM_DOCUMENT", target, Outcome.SUCCESS,
                type + "：" + d.fileName() + "（" + d.size() + " 字节，SHA-256 " + d.sha256().substring(0, 12) + "…）");
        return docId;
    }

    @Transactional(readOnly = true)
    public List<Document> list(Claim.Id id, SignedInUser user) {
        visibleClaim(id, user);
        return jdbc.sql("""
                SELECT id, claim_id, document_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                FROM riskshare.claim_document WHERE claim_id = ? ORDER BY uploaded_at, id""").param(id.value())
                .query((rs, n) -> new Document(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant())).list();
    }

    /** The document's bytes, for the claim's bank and government only (others: not found). */
    @Transactional(readOnly = true)
    public Content download(UUID documentId, SignedInUser user) {
        record Row(UUID claim, String name, String type, byte[] bytes) {
        }
        Row r = jdbc.sql("SELECT claim_id, file_name, content_type, content FROM riskshare.claim_document WHERE id = ?")
                .param(documentId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBytes(4))).optional().orElseThrow(DocumentNotFound::new);
        Claim c = claims.find(new Claim.Id(r.claim())).orElseThrow(DocumentNotFound::new);
        if (!maySee(c, user)) {
            audit.recordIndependently(user.username(), user.organisationId(), "DOWNLOAD_CLAIM_DOCUMENT",
                    "claim-document:" + documentId, Outcome.DENIED, "无权查看该补偿申请");
            throw new DocumentNotFound();
        }
        return new Content(r.name(), r.type(), r.bytes());
    }

    private Claim visibleClaim(Claim.Id id, SignedInUser user) {
        Claim c = claims.find(id).orElseThrow(ClaimNotFound::new);
        if (!maySee(c, user)) {
            throw new ClaimNotFound();
        }
        return c;
    }

    /** Who may see a claim sees its documents: its bank, government (and the platform's administrators). */
    private static boolean maySee(Claim c, SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN)
                || c.application().institutionId().equals(user.organisationId());
    }

    private void fail(SignedInUser user, String target, String why) {
        audit.recordIndependently(user.username(), user.organisationId(), "UPLOAD_CLAIM_DOCUMENT", target,
                Outcome.FAILURE, why);
    }

    private static final class ClaimNotFound extends NotFoundException {
        ClaimNotFound() {
            super("补偿申请不存在");
        }
    }

    private static final class DocumentNotFound extends NotFoundException {
        DocumentNotFound() {
            super("材料不存在");
        }
    }
}
