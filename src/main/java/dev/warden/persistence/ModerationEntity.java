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

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Table {@code moderation}: one row per accepted request, completed at once (sync) or pending until its job ends it
 * (async). {@code content} is the text a pending job still needs; it is never rendered and is null once the work
 * ended.
 */
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

    /** Null until the moderation is completed. */
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

    /** When the work ended: completed, or failed. */
    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(nullable = false)
    public String mode;

    @Column(name = "callback_url")
    public String callbackUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    public StoredContent content;

    /** The providers an async moderation planned, in policy order; null for sync ones (their outcomes are all). */
    @Column(name = "planned_providers")
    public String[] plannedProviders;

    @Column(name = "failure_reason")
    public String failureReason;

    @OneToMany(mappedBy = "moderation", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<ProviderOutcomeEntity> outcomes = new ArrayList<>();

    /**
     * The content, kept as JSON while pending work needs it. An object rather than a bare array: Hibernate Reactive
     * reads a JSON column as an object.
     */
    public record StoredContent(List<StoredPart> parts) {
    }

    /** One part of the content: {@code text} or {@code url} by type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoredPart(String type, String text, String url) {
    }

    /** A category's aggregated score as decided at the time, kept as JSON. */
    public record StoredCategory(double score, String action, List<String> providers) {
    }
}
