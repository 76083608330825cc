package app.smallwins.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.smallwins.common.persistence.StringListConverter;
import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;

/** A goal as written in the child's IEP/ITP, with the team's plain-language reading of it. */
@Entity
@Table(name = "goal")
public class Goal {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(nullable = false)
    public String title;

    @Column(name = "plain_language")
    public String plainLanguage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Domain domain;

    public String baseline;

    @Enumerated(EnumType.STRING)
    @Column(name = "mastery_prompt_level")
    public PromptLevel masteryPromptLevel;

    @Column(name = "mastery_settings")
    public Integer masterySettings;

    @Column(name = "mastery_people")
    public Integer masteryPeople;

    @Column(name = "mastery_weeks")
    public Integer masteryWeeks;

    @Column(name = "mastery_success_ratio", precision = 3, scale = 2)
    public BigDecimal masterySuccessRatio;

    @Column(name = "mastery_min_attempts")
    public Integer masteryMinAttempts;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> strategies = List.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GoalStatus status;

    /** When the status last changed (creation counts): the paper-reality gap looks from here on. */
    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "created_capacity", nullable = false)
    public Role createdCapacity;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public Mastery mastery() {
        if (masteryPromptLevel == null) {
            return null;
        }
        return new Mastery(masteryPromptLevel, masterySettings, masteryPeople, masteryWeeks, masterySuccessRatio,
                masteryMinAttempts);
    }

    void setMastery(MasteryInput input) {
        Mastery mastery = input == null ? null : input.criteria();
        masteryPromptLevel = mastery == null ? null : mastery.promptLevel();
        masterySettings = mastery == null ? null : mastery.settingsOrDefault();
        masteryPeople = mastery == null ? null : mastery.peopleOrDefault();
        masteryWeeks = mastery == null ? null : mastery.consecutiveWeeksOrDefault();
        masterySuccessRatio = mastery == null ? null : mastery.successRatio();
        masteryMinAttempts = mastery == null ? null : mastery.minAttemptsPerWeekOrDefault();
    }
}
