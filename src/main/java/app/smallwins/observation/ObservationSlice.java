package app.smallwins.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.smallwins.media.MediaView;
import app.smallwins.user.Names;

/**
 * Observations with their cheers, and cheers shown on their own, loaded together for another
 * feature's page (the timeline): it names everyone the page shows in one lookup
 * ({@link #authorIds()}), then asks for the views.
 */
public final class ObservationSlice {

    private final List<ObservationRow> observations;
    private final Map<UUID, List<CheerRow>> cheersOn;
    private final List<CheerRow> cheers;

    ObservationSlice(List<ObservationRow> observations, Map<UUID, List<CheerRow>> cheersOn, List<CheerRow> cheers) {
        this.observations = observations;
        this.cheersOn = cheersOn;
        this.cheers = cheers;
    }

    /** Everyone the slice names: authors of the observations and of every cheer. */
    public List<UUID> authorIds() {
        List<UUID> ids = new ArrayList<>(observations.stream().map(ObservationRow::authorId).toList());
        cheersOn.values().forEach(list -> list.forEach(c -> ids.add(c.authorId())));
        cheers.forEach(c -> ids.add(c.authorId()));
        return ids;
    }

    public Map<UUID, ObservationView> observations(Names names, Map<UUID, List<MediaView>> attachments) {
        return observations.stream().map(o -> ObservationView.of(o, cheersOn.getOrDefault(o.id(), List.of()), names,
                attachments.getOrDefault(o.id(), List.of())))
                .collect(Collectors.toMap(ObservationView::id, Function.identity()));
    }

    public Map<UUID, CheerView> cheers(Names names) {
        return cheers.stream().map(c -> CheerView.of(c, names))
                .collect(Collectors.toMap(CheerView::id, Function.identity()));
    }
}
