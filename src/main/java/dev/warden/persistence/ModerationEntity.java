package dev.warden.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Table {@code moderation}: one row per answered request. */
@Entity
@Table(name = "moderation")
public class ModerationEntity {

    @Id
    public UUID id;

    @Column(name = "client_name", nullable = false)
    public String clientName;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_sha256", nullable = false)
    public String requestSha256;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    @Column(nullable = false)
    public String policy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> context;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String decision;

    @Column(nullable = false)
    public boolean degraded;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, StoredCategory> categories;

    @Column(name = "taxonomy_version", nullable = false)
    public String taxonomyVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @OneToMany(mappedBy = "moderation", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<ProviderOutcomeEntity> outcomes = new ArrayList<>();

    /** A category's aggregated score as decided at the time, kept as JSON. */
    public record StoredCategory(double score, String action, List<String> providers) {
    }
}
