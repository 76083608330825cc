package app.smallwins.child;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the ordered list of modes as "SPEECH,PICTURES": small, readable, and enum names hold no commas. */
@Converter
public class CommunicationModesConverter implements AttributeConverter<List<CommunicationMode>, String> {

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
        return Arrays.stream(column.split(",")).map(CommunicationMode::valueOf).toList();
    }
}
