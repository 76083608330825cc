package app.smallwins.goal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One smaller, achievable step towards a goal. Its id stays stable across edits. */
@Entity
@Table(name = "goal_step")
public class GoalStep {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String description;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
