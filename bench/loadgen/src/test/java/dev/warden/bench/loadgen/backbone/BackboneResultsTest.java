package dev.warden.bench.loadgen.backbone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's verdicts on the targets: met, missed by how much, or missed because work was left. */
class BackboneResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void targetsMetAreSaidMet() {
        String md = BackboneResults.markdown("", List.of(scenario(2500, true, 40, true)));

        assertTrue(md.contains("draining a backlog of 20000: 2500/s, **met**"), md);
        assertTrue(md.contains("at a steady 2000/s: 40.0 ms, **met**"), md);
        assertTrue(md.contains("highest steady rate tried with p99 ≤ 50 ms: 2000/s"), md);
    }

    @Test
    void targetsMissedSayByHowMuch() {
        String md = BackboneResults.markdown("", List.of(scenario(1500, true, 62.5, true)));

        assertTrue(md.contains("1500/s, **missed** by 500.0/s"), md);
        assertTrue(md.contains("62.5 ms, **missed** by 12.5 ms"), md);
        assertTrue(md.contains("highest steady rate tried with p99 ≤ 50 ms: none"), md);
    }

    @Test
    void aSteadyPhaseWhoseEnqueuerFellShortOfItsRateDoesNotCount() {
        ObjectNode scenario = (ObjectNode) scenario(2500, true, 40, true);
        ((ObjectNode) scenario.path("phases").get(1)).put("enqueueRate", 1800);

        String md = BackboneResults.markdown("", List.of(scenario));

        assertTrue(md.contains("highest steady rate tried with p99 ≤ 50 ms: none"), md);
    }

    @Test
    void aPhaseWithUndeliveredWorkMissesWhateverItsFigures() {
        String md = BackboneResults.markdown("", List.of(scenario(2500, false, 40, false)));

        assertTrue(md.contains("2500/s, **missed** (not every callback was delivered in time)"), md);
        assertTrue(md.contains("40.0 ms, **missed** (not every callback was delivered in time)"), md);
        assertTrue(md.contains("| 19000/20000 **incomplete** |"), md);
    }

    private static JsonNode scenario(double backlogRate, boolean backlogComplete, double p99, boolean steadyComplete) {
        ObjectNode scenario = JSON.createObjectNode().put("label", "one process").put("processes", 1);
        scenario.putArray("phases").add(phase("backlog", 0, backlogRate, backlogComplete, 900))
                .add(phase("steady 2000/s", 2000, 2000, steadyComplete, p99));
        return scenario;
    }

    private static ObjectNode phase(String name, double targetRate, double rate, boolean complete, double p99) {
        ObjectNode phase = JSON.createObjectNode().put("name", name).put("targetRate", targetRate)
                .put("queued", 20000).put("delivered", complete ? 20000 : 19000).put("complete", complete)
                .put("deliveriesPerSecond", rate).put("enqueueRate", targetRate).put("lateEnqueues", 100);
        phase.putObject("commitToDeliveryMs").put("p50", p99 / 4).put("p99", p99);
        return phase;
    }
}
