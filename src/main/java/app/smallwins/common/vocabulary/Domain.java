package app.smallwins.common.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The developmental area a goal or observation belongs to. */
@Schema(name = "Domain", description = """
        The developmental area:
        - `COMMUNICATION`: understanding and expressing (speech, signs, AAC, pictures).
        - `SOCIAL`: being with others: turns, play, greetings.
        - `EMOTIONAL_REGULATION`: coping, calming, transitions.
        - `ACADEMIC`: school learning: colours, letters, numbers.
        - `MOTOR`: fine and gross motor skills.
        - `SELF_CARE`: dressing, eating, toileting, sleep.
        - `VOCATIONAL`: work and independent-living tasks.
        - `OTHER`: anything else.""")
public enum Domain {
    COMMUNICATION, SOCIAL, EMOTIONAL_REGULATION, ACADEMIC, MOTOR, SELF_CARE, VOCATIONAL, OTHER
}
