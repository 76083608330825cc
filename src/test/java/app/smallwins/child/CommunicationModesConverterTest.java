package app.smallwins.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommunicationModesConverterTest {

    private final CommunicationModesConverter converter = new CommunicationModesConverter();

    @Test
    void aColumnReadsAsTheModesInItsOrderAndBack() {
        List<CommunicationMode> modes = List.of(CommunicationMode.values()[1], CommunicationMode.values()[0]);
        String column = converter.convertToDatabaseColumn(modes);
        assertEquals(modes, converter.convertToEntityAttribute(column));
        assertEquals(List.of(), converter.convertToEntityAttribute(""));
        assertEquals("", converter.convertToDatabaseColumn(null));
    }

    @Test
    void aColumnReadBeforeGivesTheSameImmutableList() {
        String column = CommunicationMode.values()[0].name();
        List<CommunicationMode> first = CommunicationModesConverter.modes(column);
        assertSame(first, CommunicationModesConverter.modes(new String(column)));
        assertThrows(UnsupportedOperationException.class, () -> first.add(CommunicationMode.values()[0]));
    }

    @Test
    void aColumnThatIsNoModeIsRefusedEveryTime() {
        assertThrows(IllegalArgumentException.class, () -> CommunicationModesConverter.modes("TELEPATHY"));
        assertThrows(IllegalArgumentException.class, () -> CommunicationModesConverter.modes("TELEPATHY"));
    }
}
