package org.sanrong.roadshow;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.UploadedDocument;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Roadshow events with their presenters and registrations; decks, invitations and interests beside them. */
@Repository
class Roadshows {

    private final JdbcClient jdbc;

    Roadshows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Roadshow r) {
        Roadshow.Details d = r.details();
        jdbc.sql("""
                INSERT INTO roadshow.event (id, organiser_id, organiser_name, by_government, title, theme, format, venue,
                    starts_at, industries, capacity, presenter_slots, status, created_at, created_by, row_version)
                VALUES (:id, :org, :orgName, :gov, :title, :theme, :format, :venue, :starts, CAST(:industries AS varchar[]), :capacity,
                    :slots, :status, :created, :by, 0)""")
                .param("id", r.id().value())
                .param("org", r.organiser().organisationId())
                .param("orgName", r.organiser().name())
                .param("gov", r.organiser().government())
                .param("title", d.title())
                .param("theme", d.theme())
                .param("format", d.format().name())
                .param("venue", d.venue())
                .param("starts", Timestamp.from(d.startsAt()))
                .param("industries", "{" + String.join(",", d.industries()) + "}")
                .param("capacity", d.capacity())
                .param("slots", d.presenterSlots())
                .param("status", r.status().name())
                .param("created", Timestamp.from(r.createdAt()))
                .param("by", r.createdBy())
                .update();
    }

    /** Saves the state, presenters and registrations, refusing a concurrent change. */
    void update(Roadshow r) {
        int n = jdbc.sql("""
                UPDATE roadshow.event SET status = :status, held_at = :held, cancel_note = :note,
                    row_version = row_version + 1 WHERE id = :id AND row_version = :version""")
                .param("id", r.id().value()).param("version", r.version()).param("status", r.status().name())
                .param("held", r.heldAt() == null ? null : Timestamp.from(r.heldAt()))
                .param("note", r.cancelNote()).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("路演已被他人修改，请刷新后重试");
        }
        r.versionSaved(r.version() + 1);
        for (Roadshow.Presenter p : r.presenters()) {
            jdbc.sql("""
                    INSERT INTO roadshow.presenter (event_id, credit_code, enterprise_name, enterprise_org_id,
                        industry_code, pitch, amount_sought_fen, deck_id, status, applied_at, applied_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (event_id, credit_code) DO UPDATE SET status = EXCLUDED.status""")
                    .params(r.id().value(), p.creditCode(), p.enterpriseName(), p.enterpriseOrganisationId(),
                            p.industryCode(), p.pitch(), p.amountSoughtFen(), p.deckId(), p.status().name(),
                            Timestamp.from(p.appliedAt()), p.appliedBy())
                    .update();
        }
        for (Roadshow.Registration g : r.registrations()) {
            jdbc.sql("""
                    INSERT INTO roadshow.registration (event_id, institution_id, institution_name, registered_at,
                        registered_by, attended) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (event_id, institution_id) DO UPDATE SET attended = EXCLUDED.attended""")
                    .params(r.id().value(), g.institutionId(), g.institutionName(), Timestamp.from(g.registeredAt()),
                            g.registeredBy(), g.attended())
                    .update();
        }
    }

    Optional<Roadshow> find(Roadshow.Id id) {
        return load("SELECT * FROM roadshow.event WHERE id = ?", id.value());
    }

    Optional<Roadshow> findForUpdate(Roadshow.Id id) {
        return load("SELECT * FROM roadshow.event WHERE id = ? FOR UPDATE", id.value());
    }

    private Optional<Roadshow> load(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Roadshows::head).optional().map(h -> h.with(presenters(id),
                registrations(id)));
    }

    /** Events newest first, without their children (list pages read those by {@link #presentersOf} etc.). */
    List<Roadshow> recent(int limit) {
        List<Head> heads = jdbc.sql("SELECT * FROM roadshow.event ORDER BY starts_at DESC LIMIT ?").param(limit)
                .query(Roadshows::head).list();
        List<Roadshow> out = new ArrayList<>();
        for (Head h : heads) {
            out.add(h.with(presenters(h.id), registrations(h.id)));
        }
        return out;
    }

    UUID storeDeck(UploadedDocument d, String by, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO roadshow.deck (id, file_name, content_type, size_bytes, sha256, content, uploaded_at,
                    uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, d.fileName(), d.contentType(), d.size(), d.sha256(), d.content(), Timestamp.from(now), by)
                .update();
        return id;
    }

    /** The deck with the event and presenter it belongs to. */
    Optional<RoadshowDeck> deck(UUID id) {
        return jdbc.sql("""
                SELECT d.id, d.file_name, d.content_type, d.content, p.event_id, p.credit_code FROM roadshow.deck d
                JOIN roadshow.presenter p ON p.deck_id = d.id WHERE d.id = ?""").param(id)
                .query((rs, n) -> new RoadshowDeck(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBytes("content"), rs.getObject("event_id", UUID.class),
                        rs.getString("credit_code")))
                .optional();
    }

    void invite(Roadshow.Id id, UUID invitee, String name, String reasons, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO roadshow.invitation (event_id, invitee_id, invitee_name, reasons, invited_at, invited_by)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id.value(), invitee, name, reasons.length() > 1000 ? reasons.substring(0, 999) + "…" : reasons,
                        Timestamp.from(at), by).update();
    }

    List<UUID> invited(Roadshow.Id id) {
        return jdbc.sql("SELECT invitee_id FROM roadshow.invitation WHERE event_id = ?").param(id.value())
                .query(UUID.class).list();
    }

    boolean interested(Roadshow.Id id, UUID institution, String creditCode) {
        return jdbc.sql("SELECT count(*) FROM roadshow.interest WHERE event_id = ? AND institution_id = ? AND "
                + "credit_code = ?").params(id.value(), institution, creditCode).query(Long.class).single() > 0;
    }

    void recordInterest(Roadshow.Id id, UUID institution, String institutionName, Roadshow.Presenter p, UUID deal,
            @Nullable String note, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO roadshow.interest (event_id, institution_id, institution_name, credit_code, enterprise_name,
                    deal_id, note, marked_at, marked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), institution, institutionName, p.creditCode(), p.enterpriseName(), deal, note,
                        Timestamp.from(at), by).update();
    }

    List<Interest> interests(Roadshow.Id id) {
        return jdbc.sql("SELECT * FROM roadshow.interest WHERE event_id = ? ORDER BY marked_at").param(id.value())
                .query((rs, n) -> new Interest(rs.getObject("institution_id", UUID.class),
                        rs.getString("institution_name"), rs.getString("credit_code"), rs.getString("enterprise_name"),
                        rs.getObject("deal_id", UUID.class), rs.getString("note"),
                        rs.getTimestamp("marked_at").toInstant(), rs.getString("marked_by"))).list();
    }

    record Interest(UUID institutionId, String institutionName, String creditCode, String enterpriseName, UUID dealId,
            @Nullable String note, Instant markedAt, String markedBy) {
    }

    private List<Roadshow.Presenter> presenters(UUID event) {
        return jdbc.sql("SELECT p.*, d.file_name FROM roadshow.presenter p JOIN roadshow.deck d ON d.id = p.deck_id "
                + "WHERE p.event_id = ? ORDER BY p.applied_at").param(event)
                .query((rs, n) -> new Roadshow.Presenter(rs.getString("credit_code"), rs.getString("enterprise_name"),
                        rs.getObject("enterprise_org_id", UUID.class), rs.getString("industry_code"),
                        rs.getString("pitch"), rs.getLong("amount_sought_fen"), rs.getObject("deck_id", UUID.class),
                        rs.getString("file_name"), Roadshow.PresenterStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("applied_at").toInstant(), rs.getString("applied_by"))).list();
    }

    private List<Roadshow.Registration> registrations(UUID event) {
        return jdbc.sql("SELECT * FROM roadshow.registration WHERE event_id = ? ORDER BY registered_at").param(event)
                .query((rs, n) -> new Roadshow.Registration(rs.getObject("institution_id", UUID.class),
                        rs.getString("institution_name"), rs.getTimestamp("registered_at").toInstant(),
                        rs.getString("registered_by"), rs.getObject("attended", Boolean.class))).list();
    }

    private record Head(UUID id, Roadshow.Organiser organiser, Roadshow.Details details, Roadshow.Status status,
            Instant createdAt, String createdBy, @Nullable Instant heldAt, @Nullable String cancelNote, int version) {

        Roadshow with(List<Roadshow.Presenter> presenters, List<Roadshow.Registration> registrations) {
            return new Roadshow(new Roadshow.Id(id), organiser, details, status, createdAt, createdBy, heldAt,
                    cancelNote, presenters, registrations, version);
        }
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        Array industries = rs.getArray("industries");
        Timestamp held = rs.getTimestamp("held_at");
        return new Head(rs.getObject("id", UUID.class), new Roadshow.Organiser(rs.getObject("organiser_id", UUID.class),
                rs.getString("organiser_name"), rs.getBoolean("by_government")),
                new Roadshow.Details(rs.getString("title"), rs.getString("theme"),
                        Roadshow.Format.valueOf(rs.getString("format")), rs.getString("venue"),
                        rs.getTimestamp("starts_at").toInstant(),
                        industries == null ? List.of() : Arrays.asList((String[]) industries.getArray()),
                        rs.getInt("capacity"), rs.getInt("presenter_slots")),
                Roadshow.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), held == null ? null : held.toInstant(), rs.getString("cancel_note"),
                rs.getInt("row_version"));
    }
}
