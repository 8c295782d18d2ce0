package dev.realtime.platform.problem;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

/** The field at fault in a JSON body, written as a client reads it: {@code guests}, {@code items[2].name}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
