package app.smallwins.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.smallwins.common.security.Role;

/**
 * The narrative a team member wrote for one goal in one report period. Append-only: the newest
 * row of a (goal, period) is the narrative, the older ones its history.
 */
@Entity
@Table(name = "report_narrative")
public class ReportNarrative {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Column(nullable = false)
    public String text;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_capacity", nullable = false)
    public Role authorCapacity;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;
}
