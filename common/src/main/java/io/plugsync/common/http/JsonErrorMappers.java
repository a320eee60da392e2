package io.plugsync.common.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Request bodies that are not valid JSON, carry unknown fields or have wrong types: 400 problem
 * documents with the JSON pointer of the offending field. One mapper per Jackson exception type so
 * they win over the framework's defaults.
 */
public final class JsonErrorMappers {
    private JsonErrorMappers() {}

    static Response map(JsonProcessingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String pointer = ProblemResponses.pointer(unknown.getPath());
            return bad("unknown-field", "unknown field '" + unknown.getPropertyName() + "'", pointer, "unknown_field");
        }
        if (exception instanceof InvalidFormatException || exception instanceof MismatchedInputException) {
            JsonMappingException mapping = (JsonMappingException) exception;
            String pointer = ProblemResponses.pointer(mapping.getPath());
            String expected = mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? mismatch.getTargetType().getSimpleName()
                    : "another type";
            return bad("wrong-type", "wrong type at '" + pointer + "': expected " + expected, pointer, "wrong_type");
        }
        if (exception instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String pointer = ProblemResponses.pointer(mapping.getPath());
            return bad("invalid-field", mapping.getOriginalMessage(), pointer, "invalid");
        }
        String where = exception.getLocation() == null
                ? ""
                : " at line " + exception.getLocation().getLineNr() + ", column "
                        + exception.getLocation().getColumnNr();
        return bad("malformed-json", "the body is not valid JSON" + where, "", "malformed_json");
    }

    private static Response bad(String reason, String detail, String pointer, String code) {
        return ProblemResponses.of(Problem.of(400, reason, "Bad request", detail)
                .withErrors(List.of(new Problem.FieldError(pointer, detail, code))));
    }

    @Provider
    public static class Processing implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            return map(exception);
        }
    }

    @Provider
    public static class Parse implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return map(exception);
        }
    }

    @Provider
    public static class Mismatch implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException exception) {
            return map(exception);
        }
    }

    @Provider
    public static class Unrecognized implements ExceptionMapper<UnrecognizedPropertyException> {
        @Override
        public Response toResponse(UnrecognizedPropertyException exception) {
            return map(exception);
        }
    }

    @Provider
    public static class InvalidFormat implements ExceptionMapper<InvalidFormatException> {
        @Override
        public Response toResponse(InvalidFormatException exception) {
            return map(exception);
        }
    }
}
