package app.smallwins.goal;

/** The developmental area a goal or observation belongs to. */
public enum Domain {
    COMMUNICATION, SOCIAL, EMOTIONAL_REGULATION, ACADEMIC, MOTOR, SELF_CARE, VOCATIONAL, OTHER
}
