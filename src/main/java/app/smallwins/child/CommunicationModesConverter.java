package app.smallwins.child;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the ordered list of modes as "SPEECH,PICTURES": small, readable, and enum names hold no commas. */
@Converter
public class CommunicationModesConverter implements AttributeConverter<List<CommunicationMode>, String> {

    /**
     * Columns already read: few children have a combination of their own, and a list of thirty
     * children read each one (about 2 % of the app's work on that list, docs/benchmarks.md).
     * The lists are immutable; past {@link #MAX_KNOWN} combinations the rest are parsed each time.
     */
    private static final Map<String, List<CommunicationMode>> KNOWN = new ConcurrentHashMap<>();
    private static final int MAX_KNOWN = 1_000;

    @Override
    public String convertToDatabaseColumn(List<CommunicationMode> modes) {
        return modes == null ? "" : modes.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public List<CommunicationMode> convertToEntityAttribute(String column) {
        return modes(column);
    }

    /** The modes a column holds (also for typed reads of the column). */
    static List<CommunicationMode> modes(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        List<CommunicationMode> known = KNOWN.get(column);
        if (known != null) {
            return known;
        }
        List<CommunicationMode> modes = Arrays.stream(column.split(",")).map(CommunicationMode::valueOf).toList();
        if (KNOWN.size() < MAX_KNOWN) {
            KNOWN.put(column, modes);
        }
        return modes;
    }
}
