package io.plugsync.common.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7396 Appendix A, every example. */
class MergePatchTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":\"b\"}                 | {\"a\":\"c\"}                 | {\"a\":\"c\"}",
                "{\"a\":\"b\"}                 | {\"b\":\"c\"}                 | {\"a\":\"b\",\"b\":\"c\"}",
                "{\"a\":\"b\"}                 | {\"a\":null}                  | {}",
                "{\"a\":\"b\",\"b\":\"c\"}     | {\"a\":null}                  | {\"b\":\"c\"}",
                "{\"a\":[\"b\"]}               | {\"a\":\"c\"}                 | {\"a\":\"c\"}",
                "{\"a\":\"c\"}                 | {\"a\":[\"b\"]}               | {\"a\":[\"b\"]}",
                "{\"a\":{\"b\":\"c\"}}         | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
                "{\"a\":[{\"b\":\"c\"}]}       | {\"a\":[1]}                   | {\"a\":[1]}",
                "[\"a\",\"b\"]                 | [\"c\",\"d\"]                 | [\"c\",\"d\"]",
                "{\"a\":\"b\"}                 | [\"c\"]                       | [\"c\"]",
                "{\"a\":\"foo\"}               | null                          | null",
                "{\"a\":\"foo\"}               | \"bar\"                       | \"bar\"",
                "{\"e\":null}                  | {\"a\":1}                     | {\"e\":null,\"a\":1}",
                "[1,2]                         | {\"a\":\"b\",\"c\":null}      | {\"a\":\"b\"}",
                "{}                            | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}"
            })
    void appendixAExamples(String target, String patch, String expected) {
        JsonNode result = MergePatch.apply(V3Document.parse(target), V3Document.parse(patch));
        assertThat(result).isEqualTo(V3Document.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"{\"a\":{\"b\":1}} | {\"a\":{\"c\":2}}"})
    void inputsAreNotModified(String target, String patch) {
        JsonNode t = V3Document.parse(target);
        JsonNode p = V3Document.parse(patch);
        MergePatch.apply(t, p);
        assertThat(t).isEqualTo(V3Document.parse(target));
        assertThat(p).isEqualTo(V3Document.parse(patch));
    }
}
