package io.plugsync.common.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** Framework errors (unknown path, wrong method or media type, ...) as problem documents. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        String title = original.getStatusInfo().getReasonPhrase();
        String reason = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        Throwable cause = exception.getCause();
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return JsonErrorMappers.map(json);
        }
        String detail = exception.getMessage() == null || exception.getMessage().startsWith("HTTP ")
                ? title
                : exception.getMessage();
        Response.ResponseBuilder builder = Response.fromResponse(original)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, reason, title, detail));
        return builder.build();
    }
}
