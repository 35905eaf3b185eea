package org.auscult.app.examination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatientStepsTest {

    private static final List<String> ROWS = List.of("1", "1", "1", "2", "3", "3", "1");

    @Test
    void forwardToTheFirstRecordingOfTheNextPatient() {
        assertEquals(3, PatientSteps.next(ROWS, 0, true));
        assertEquals(3, PatientSteps.next(ROWS, 2, true));
        assertEquals(4, PatientSteps.next(ROWS, 3, true));
        assertEquals(6, PatientSteps.next(ROWS, 5, true), "a second run of patient 1 is a stop of its own");
        assertEquals(6, PatientSteps.next(ROWS, 6, true), "no patient below: stay");
    }

    @Test
    void backToTheFirstRecordingOfThePatientAbove() {
        assertEquals(4, PatientSteps.next(ROWS, 6, false));
        assertEquals(3, PatientSteps.next(ROWS, 5, false));
        assertEquals(0, PatientSteps.next(ROWS, 3, false), "the first of patient 1's three");
        assertEquals(1, PatientSteps.next(ROWS, 1, false), "no patient above: stay");
    }

    @Test
    void nothingSelectedStartsAtTheTopAndAnEmptyListHasNothing() {
        assertEquals(0, PatientSteps.next(ROWS, -1, true));
        assertEquals(-1, PatientSteps.next(List.of(), 0, true));
    }
}
