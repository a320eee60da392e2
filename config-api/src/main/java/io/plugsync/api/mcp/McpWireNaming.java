package io.plugsync.api.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The MCP extension serialises its protocol records with the application's ObjectMapper, whose
 * global snake_case naming turns {@code isError} into {@code is_error} and {@code mimeType} into
 * {@code mime_type}, which MCP clients do not understand. This wraps the configured naming strategy
 * so that the extension's own types keep the protocol's names while every API record stays
 * snake_case.
 */
@Singleton
public class McpWireNaming implements ObjectMapperCustomizer {
    static final String MCP_PACKAGE = "io.quarkiverse.mcp.";

    @Override
    public int priority() {
        // after the configured naming strategy is in place, so that it can be wrapped
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        PropertyNamingStrategy configured = mapper.getPropertyNamingStrategy();
        if (configured != null && !(configured instanceof ProtocolNamesKept)) {
            mapper.setPropertyNamingStrategy(new ProtocolNamesKept(configured));
        }
    }

    /** The configured strategy, except for members declared by the MCP extension. */
    static final class ProtocolNamesKept extends PropertyNamingStrategy {
        private final PropertyNamingStrategy delegate;

        ProtocolNamesKept(PropertyNamingStrategy delegate) {
            this.delegate = delegate;
        }

        private static boolean protocol(AnnotatedMember member) {
            return member != null && member.getDeclaringClass().getName().startsWith(MCP_PACKAGE);
        }

        @Override
        public String nameForField(MapperConfig<?> config, AnnotatedField field, String defaultName) {
            return protocol(field) ? defaultName : delegate.nameForField(config, field, defaultName);
        }

        @Override
        public String nameForGetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
            return protocol(method) ? defaultName : delegate.nameForGetterMethod(config, method, defaultName);
        }

        @Override
        public String nameForSetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
            return protocol(method) ? defaultName : delegate.nameForSetterMethod(config, method, defaultName);
        }

        @Override
        public String nameForConstructorParameter(
                MapperConfig<?> config, AnnotatedParameter parameter, String defaultName) {
            return protocol(parameter)
                    ? defaultName
                    : delegate.nameForConstructorParameter(config, parameter, defaultName);
        }
    }
}
