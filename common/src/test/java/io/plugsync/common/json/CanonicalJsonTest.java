package io.plugsync.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheChecksum() throws Exception {
        var a = json.readTree("{\"b\": 1, \"a\": {\"y\": [1, {\"d\": 2, \"c\": 3}], \"x\": null}}");
        var b = json.readTree("{\"a\":{\"x\":null,\"y\":[1,{\"c\":3,\"d\":2}]},\"b\":1}");
        assertThat(CanonicalJson.write(a)).isEqualTo("{\"a\":{\"x\":null,\"y\":[1,{\"c\":3,\"d\":2}]},\"b\":1}");
        assertThat(CanonicalJson.sha256(a)).isEqualTo(CanonicalJson.sha256(b)).hasSize(64);
    }

    @Test
    void arrayOrderMatters() throws Exception {
        assertThat(CanonicalJson.sha256(json.readTree("[1,2]")))
                .isNotEqualTo(CanonicalJson.sha256(json.readTree("[2,1]")));
    }
}
