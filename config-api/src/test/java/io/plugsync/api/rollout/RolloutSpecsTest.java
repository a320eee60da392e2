package io.plugsync.api.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rollout requests: both forms, the steps they make, and every way they can be wrong. */
class RolloutSpecsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static RolloutSpec parse(String json) throws Exception {
        return RolloutSpecs.parse(JSON.readTree(json), "/rollout").orElseThrow();
    }

    static RolloutSpec parseShort(String text) {
        return RolloutSpecs.parseShort(text, "query:rollout").orElseThrow();
    }

    static List<Integer> shares(RolloutSpec spec) {
        return spec.steps().stream().map(RolloutSpec.Step::basisPoints).toList();
    }

    static List<Problem.FieldError> errors(JsonNode node) {
        try {
            RolloutSpecs.parse(node, "/rollout");
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(422);
            return e.problem().errors();
        }
        throw new AssertionError("no error for " + node);
    }

    @Test
    void linearStepsAddTheSameShareAndEndAtEveryWorker() {
        RolloutSpec spec = parseShort("linear:25%/10m/bake=30m");
        assertThat(shares(spec)).containsExactly(2_500, 5_000, 7_500, 10_000);
        assertThat(spec.stepInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.bake()).isEqualTo(Duration.ofMinutes(30));
        RolloutPlan plan = RolloutPlan.of(spec);
        assertThat(plan.duration(0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.duration(plan.lastStep()))
                .as("the last step is the bake")
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(shares(parseShort("linear:30%/1m"))).containsExactly(3_000, 6_000, 9_000, 10_000);
    }

    @Test
    void exponentialStepsDouble() {
        assertThat(shares(parseShort("exponential:5%/2m"))).containsExactly(500, 1_000, 2_000, 4_000, 8_000, 10_000);
    }

    @Test
    void aCanaryIsAShareOrNamedGroupsThenEveryWorker() throws Exception {
        RolloutSpec share = parse("{\"strategy\":\"canary\",\"percent\":10,\"step_interval\":\"15m\"}");
        assertThat(shares(share)).containsExactly(1_000, 10_000);
        RolloutSpec groups = parseShort("canary:group=eu-canary+staging/15m");
        assertThat(groups.steps().get(0)).isEqualTo(new RolloutSpec.Step(0, List.of("eu-canary", "staging")));
        assertThat(groups.steps().get(1)).isEqualTo(new RolloutSpec.Step(10_000, List.of()));
        assertThat(shares(parseShort("canary"))).as("default 10 %").containsExactly(1_000, 10_000);
    }

    @Test
    void bothFormsReadBackToTheSameSpec() throws Exception {
        RolloutSpec spec = parse("{\"strategy\":\"linear\",\"step_percent\":12.5,\"groups\":[\"eu\"],"
                + "\"step_interval\":\"PT90S\",\"bake_time\":\"1h\",\"thresholds\":{\"max_error_rate_increase\":0.02,"
                + "\"min_reports\":3,\"on_breach\":\"pause\"}}");
        assertThat(RolloutSpecs.parse(spec.toJson(), "/x")).contains(spec);
        assertThat(parseShort(spec.compact()).steps()).isEqualTo(spec.steps());
        assertThat(spec.compact()).isEqualTo("linear:12.5%/group=eu/90s/bake=1h");
        assertThat(spec.thresholds()).isEqualTo(new Thresholds(0.02, 3, Thresholds.OnBreach.PAUSE));
        assertThat(parseShort("linear:25%/10m/min_reports=5/max_error_rate_increase=0.1/on_breach=pause")
                        .thresholds())
                .isEqualTo(new Thresholds(0.1, 5, Thresholds.OnBreach.PAUSE));
    }

    @Test
    void allAtOnceIsTodaysPublishAndTakesNoOtherField() throws Exception {
        assertThat(parse("{\"strategy\":\"all_at_once\"}").allAtOnce()).isTrue();
        assertThat(parseShort("all_at_once").allAtOnce()).isTrue();
        assertThat(errors(JSON.readTree("{\"strategy\":\"all_at_once\",\"step_percent\":5}")))
                .extracting(Problem.FieldError::pointer)
                .containsExactly("/rollout/step_percent");
        assertThat(RolloutSpecs.parse(null, "/rollout")).isEmpty();
        assertThat(RolloutSpecs.parse(JsonNodeFactory.instance.nullNode(), "/rollout"))
                .isEmpty();
    }

    @Test
    void everyInvalidFieldIsReportedAtItsPointer() throws Exception {
        List<Problem.FieldError> errors = errors(
                JSON.readTree(
                        "{\"strategy\":\"linear\",\"step_percent\":0,"
                                + "\"step_interval\":\"soon\",\"bake_time\":\"9d\",\"groups\":[\"Bad Group\"],\"colour\":\"red\","
                                + "\"thresholds\":{\"max_error_rate_increase\":2,\"min_reports\":-1,\"on_breach\":\"panic\",\"x\":1}}"));
        assertThat(errors)
                .extracting(Problem.FieldError::pointer)
                .containsExactlyInAnyOrder(
                        "/rollout/colour",
                        "/rollout/groups/0",
                        "/rollout/step_percent",
                        "/rollout/step_interval",
                        "/rollout/bake_time",
                        "/rollout/thresholds/x",
                        "/rollout/thresholds/max_error_rate_increase",
                        "/rollout/thresholds/min_reports",
                        "/rollout/thresholds/on_breach");
        assertThat(errors(JSON.readTree("{\"strategy\":\"gradual\"}")))
                .extracting(Problem.FieldError::pointer)
                .containsExactly("/rollout/strategy");
        assertThat(errors(JSON.readTree("{\"strategy\":\"canary\",\"step_percent\":10}")))
                .extracting(Problem.FieldError::pointer)
                .containsExactly("/rollout/step_percent");
        assertThat(errors(JSON.readTree("{\"strategy\":\"linear\",\"step_percent\":100}")))
                .extracting(Problem.FieldError::code)
                .containsExactly("range");
        assertThat(errors(JSON.readTree("{\"strategy\":\"linear\",\"step_percent\":0.5}")))
                .as("200 steps are too many")
                .extracting(Problem.FieldError::pointer)
                .containsExactly("/rollout/step_percent");
        assertThat(errors(JSON.readTree("[1]")))
                .extracting(Problem.FieldError::code)
                .containsExactly("type");
        assertThat(errors(JSON.readTree("{\"strategy\":\"linear\",\"step_percent\":12.345}")))
                .extracting(Problem.FieldError::pointer)
                .containsExactly("/rollout/step_percent");
    }

    @Test
    void aBadShortFormIsReportedWhereItWasGiven() {
        assertThatThrownBy(() -> parseShort("linear:25%/soon"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().errors())
                                .extracting(Problem.FieldError::pointer)
                                .containsOnly("query:rollout"));
        assertThatThrownBy(() -> parseShort("linear:lots%/10m")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> parseShort("linear:25%/10m/colour=red")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> parseShort("sideways:25%")).isInstanceOf(ProblemException.class);
        assertThat(RolloutSpecs.parseShort(" ", "query:rollout")).isEmpty();
    }
}
