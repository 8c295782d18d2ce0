package dev.realtime.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The strictness every REST body is read with (the findings of the REST-surface review, one per test). */
class StrictJsonTest {

    record Booking(String tourId, LocalDate startsOn, Integer guests, int seats) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    private Booking read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Booking.class);
    }

    @Test
    void aWellFormedBodyIsRead() throws Exception {
        Booking booking = read("{\"tourId\":\"t-1\",\"startsOn\":\"2030-01-02\",\"guests\":2,\"seats\":1}");
        assertEquals(new Booking("t-1", LocalDate.of(2030, 1, 2), 2, 1), booking);
    }

    @Test
    void aMemberNamedTwiceIsRefused() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> read("{\"tourId\":\"a\",\"tourId\":\"b\"}"));
        assertTrue(e.getMessage().contains("Duplicate field 'tourId'"), e.getMessage());
    }

    @Test
    void contentAfterTheValueIsRefused() {
        assertThrows(MismatchedInputException.class, () -> read("{\"tourId\":\"a\"}xyz"));
        assertThrows(JsonProcessingException.class, () -> read("{\"tourId\":\"a\"} {}"));
    }

    @Test
    void aFractionIsNotAnInteger() {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> read("{\"guests\":1.5}"));
        assertEquals("guests", e.getPath().get(0).getFieldName());
    }

    @Test
    void numbersAndBooleansAreNotStrings() {
        assertThrows(MismatchedInputException.class, () -> read("{\"tourId\":42}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"tourId\":true}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"tourId\":{}}"));
    }

    @Test
    void stringsAreNotNumbersAndNullIsNotAPrimitive() {
        assertThrows(MismatchedInputException.class, () -> read("{\"guests\":\"2\"}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"seats\":null}"));
    }

    @Test
    void controlCharactersOtherThanWhitespaceAreRefused() throws Exception {
        MismatchedInputException nul = assertThrows(MismatchedInputException.class,
                () -> read("{\"tourId\":\"a\\u0000b\"}"));
        assertEquals("tourId", nul.getPath().get(0).getFieldName());
        assertThrows(MismatchedInputException.class, () -> read("{\"tourId\":\"\\u0007\"}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"tourId\":\"\\u007f\"}"));
        assertEquals("a\tb\nc\r", read("{\"tourId\":\"a\\tb\\nc\\r\",\"seats\":1}").tourId());
    }

    @Test
    void aMissingPrimitiveIsRefusedRatherThanReadAsZero() {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> read("{\"tourId\":\"a\"}"));
        assertTrue(e.getMessage().contains("seats"), e.getMessage());
    }

    @Test
    void wrongWholeBodiesAreRefused() {
        assertThrows(MismatchedInputException.class, () -> read("[]"));
        assertThrows(MismatchedInputException.class, () -> read("42"));
    }
}
