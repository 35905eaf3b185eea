package org.auscult.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeViewportTest {

    private final TimeViewport viewport = new TimeViewport();

    @Test
    void zoomKeepsTheAnchorInPlace() {
        viewport.reset(20);
        double anchorX = viewport.xOf(5, 1000);
        viewport.zoom(4, 5);
        assertEquals(5.0, viewport.visible(), 1e-12);
        assertEquals(anchorX, viewport.xOf(5, 1000), 1e-9);
        assertEquals(3.75, viewport.start(), 1e-12);
    }

    @Test
    void viewStaysInsideTheRecording() {
        viewport.reset(10);
        viewport.zoom(2);
        viewport.scrollBy(10);
        assertEquals(5.0, viewport.start(), 1e-12);
        assertEquals(10.0, viewport.end(), 1e-12);
        viewport.scrollBy(-10);
        assertEquals(0.0, viewport.start(), 1e-12);
        viewport.zoom(0.001);
        assertEquals(10.0, viewport.visible(), 1e-12);
        viewport.zoom(1e9);
        assertEquals(TimeViewport.DEFAULT_MINIMUM_VISIBLE_SECONDS, viewport.visible(), 1e-12);
    }

    @Test
    void selectionOrdersItsEndsAndZoomsToIt() {
        viewport.reset(10);
        viewport.select(7, 2.5);
        assertEquals(2.5, viewport.selectionStart(), 0);
        assertEquals(7.0, viewport.selectionEnd(), 0);
        viewport.zoomToSelection();
        assertEquals(2.5, viewport.start(), 1e-12);
        assertEquals(4.5, viewport.visible(), 1e-12);
        viewport.clearSelection();
        assertFalse(viewport.hasSelection());
        viewport.zoomToFit();
        assertEquals(10.0, viewport.visible(), 0);
        viewport.select(-3, 30);
        assertEquals(0.0, viewport.selectionStart(), 0);
        assertEquals(10.0, viewport.selectionEnd(), 0);
        assertTrue(viewport.hasSelection());
    }

    @Test
    void pixelAndTimeMapBothWays() {
        viewport.reset(8);
        viewport.show(2, 4);
        assertEquals(3.0, viewport.timeAt(250, 1000), 1e-12);
        assertEquals(250.0, viewport.xOf(3, 1000), 1e-9);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> viewport.reset(0));
        assertThrows(IllegalArgumentException.class, () -> viewport.reset(Double.NaN));
        viewport.reset(1);
        assertThrows(IllegalArgumentException.class, () -> viewport.zoom(0));
    }
}
