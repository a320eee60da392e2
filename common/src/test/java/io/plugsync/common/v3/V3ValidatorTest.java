package io.plugsync.common.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class V3ValidatorTest {
    private static final V3Validator VALIDATOR = V3Validator.get();

    private static List<V3Error> errors(String json) {
        return VALIDATOR.validate(V3Document.parse(json));
    }

    private static List<String> pointers(String json) {
        return errors(json).stream().map(V3Error::pointer).toList();
    }

    @Test
    void demoDocumentIsValid() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/demo-connector.json")) {
            String demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(errors(demo)).isEmpty();
        }
    }

    @Test
    void emptyDocumentIsValid() {
        assertThat(VALIDATOR.validate(V3Document.empty())).isEmpty();
    }

    @Test
    void acceptancePatchResultIsValid() {
        assertThat(errors("{\"entities\":{\"contact\":{\"fields\":{\"email\":{\"type\":\"string\"}}}},"
                        + "\"event_flows\":{},\"settings\":{\"acc_marker\":\"m1\"}}"))
                .isEmpty();
    }

    @Test
    void missingSectionsAreRequired() {
        assertThat(errors("{\"entities\":{}}"))
                .extracting(V3Error::pointer, V3Error::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/event_flows", "required"),
                        org.assertj.core.groups.Tuple.tuple("/settings", "required"));
    }

    @Test
    void unknownTopLevelKeyIsRejected() {
        assertThat(errors("{\"entities\":{},\"event_flows\":{},\"settings\":{},\"extra\":1}"))
                .extracting(V3Error::pointer, V3Error::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/extra", "unknown_property"));
    }

    @Test
    void wrongTypesPointAtTheValue() {
        assertThat(pointers("{\"entities\":5,\"event_flows\":{},\"settings\":[]}"))
                .containsExactly("/entities", "/settings");
        assertThat(
                        pointers(
                                "{\"entities\":{\"c\":{\"fields\":{\"f\":{\"type\":\"uuid\"}}}},\"event_flows\":{},\"settings\":{}}"))
                .containsExactly("/entities/c/fields/f/type");
    }

    @Test
    void badNamesAreRejected() {
        assertThat(
                        pointers(
                                "{\"entities\":{\"Contact\":{\"fields\":{}}},\"event_flows\":{\"nosource\":{\"entity\":\"x\"}},\"settings\":{}}"))
                .contains("/entities/Contact", "/event_flows/nosource");
    }

    @Test
    void flowMustReferenceAnExistingEntity() {
        List<V3Error> found = errors(
                "{\"entities\":{},\"event_flows\":{\"hubspot/contact.created\":{\"entity\":\"contact\"}},\"settings\":{}}");
        assertThat(found)
                .extracting(V3Error::pointer, V3Error::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "/event_flows/hubspot~1contact.created/entity", "unknown_entity"));
    }

    @Test
    void mappingKeysAndPrimaryKeyMustBeFields() {
        String doc =
                "{\"entities\":{\"contact\":{\"primary_key\":\"id\",\"fields\":{\"email\":{\"type\":\"string\"}}}},"
                        + "\"event_flows\":{\"hubspot/contact.created\":{\"entity\":\"contact\",\"mapping\":{\"phone\":\"$.p\",\"email\":\"$.e\"}}},"
                        + "\"settings\":{}}";
        assertThat(pointers(doc))
                .containsExactly(
                        "/entities/contact/primary_key", "/event_flows/hubspot~1contact.created/mapping/phone");
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        String doc =
                "{\"entities\":{\"a\":{\"fields\":{\"x\":{}}}},\"event_flows\":{\"s/t\":{\"entity\":\"b\",\"action\":\"explode\"}},\"settings\":{},\"z\":0}";
        assertThat(pointers(doc))
                .contains("/entities/a/fields/x/type", "/event_flows/s~1t/action", "/event_flows/s~1t/entity", "/z");
    }

    @Test
    void notAnObjectIsInvalid() {
        assertThat(errors("[1]")).extracting(V3Error::pointer).containsExactly("");
    }
}
