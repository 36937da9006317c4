package dev.warden.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Table {@code review}: a moderation's human review, opened {@code requested} with its review request and
 * {@code completed} once by the desk's answer. Written by {@link FollowUpRows} (opened) and {@link ReviewWriter}
 * (completed).
 */
@Entity
@Table(name = "review")
public class ReviewEntity {

    @Id
    @Column(name = "moderation_id")
    public UUID moderationId;

    @Column(nullable = false)
    public String partner;

    @Column(nullable = false)
    public String status;

    /** The human decision; null until completed. */
    public String decision;

    /** The taxonomy categories the reviewer confirmed; null until completed. */
    public String[] categories;

    public String reviewer;

    public String note;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The inbox event whose review completed this one. */
    @Column(name = "inbox_event_id")
    public UUID inboxEventId;
}
