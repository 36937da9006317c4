package dev.warden.persistence;

import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Table {@code provider_outcome}: one row per provider a moderation planned. */
@Entity
@Table(name = "provider_outcome")
public class ProviderOutcomeEntity {

    /** Assigned by Warden, so inserts need no round trip for a generated key and can be batched. */
    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "moderation_id")
    public ModerationEntity moderation;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;

    @Column(nullable = false)
    public int attempts;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Double> scores;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "vendor_scores", nullable = false)
    public Map<String, Double> vendorScores;

    /** The scores before the provider's calibration; null when no calibration applied. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "raw_scores")
    public Map<String, Double> rawScores;

    public String model;

    @Column(name = "error_kind")
    public String errorKind;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "retry_after_ms")
    public Long retryAfterMs;

    /** Why a provider was not called, or called off; which vendor job a pending one waits for. */
    public String reason;

    /** What a vendor that answers by callback posted after the moderation was decided without it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "late_answer")
    public StoredLateAnswer lateAnswer;

    /** Column {@code late_answer}: {@code receivedAt} as ISO-8601 text; the error fields only for an error. */
    public record StoredLateAnswer(String receivedAt, String outcome, Map<String, Double> scores,
            Map<String, Double> vendorScores, String model, String errorKind, String errorMessage) {
    }
}
