package io.transcodezip.core.usecase;

import static io.transcodezip.core.testing.ScriptedTranscodeGateway.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.PollPolicy;
import io.transcodezip.core.domain.ZipName;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import io.transcodezip.core.port.out.TranscodeGatewayException.Kind;
import io.transcodezip.core.testing.ClockSleeper;
import io.transcodezip.core.testing.Jobs;
import io.transcodezip.core.testing.MutableClock;
import io.transcodezip.core.testing.ScriptedTranscodeGateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DownloadAllPollerTest {

    private static final PollPolicy POLICY = new PollPolicy(Duration.ofSeconds(10), 0.1, Duration.ofMinutes(5),
            Duration.ofMinutes(2), 3, Duration.ofSeconds(60));
    private static final FileId FILE = FileId.of(2875008);
    private static final ZipName ZIP = ZipName.of("good.mp4");
    private static final DownloadAllResult PACKAGING = new DownloadAllResult.Packaging();

    private final MutableClock clock = new MutableClock();
    private final ClockSleeper sleeper = new ClockSleeper(clock);
    private final ScriptedTranscodeGateway gateway = new ScriptedTranscodeGateway();
    private final DownloadAllPoller poller = new DownloadAllPoller(gateway, POLICY, clock, sleeper);

    @Test
    void pollsEveryIntervalWithJitter_untilReady() throws InterruptedException {
        DownloadAllResult.Ready ready = new DownloadAllResult.Ready(
                DownloadUrl.parse(Jobs.platformUrl(clock.instant().plusSeconds(600)), clock.instant()));
        gateway.script(FILE, PACKAGING, PACKAGING, failure(Kind.UNAVAILABLE, 1, "internal error"), ready);

        DownloadAllResult result = poller.await(AccountName.DEFAULT, FILE, ZIP);

        assertThat(result).isEqualTo(ready);
        assertThat(gateway.callsFor(FILE)).isEqualTo(4);
        assertThat(sleeper.sleeps()).hasSize(3)
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(11)));
    }

    @Test
    void returnsSpaceFull() throws InterruptedException {
        gateway.script(FILE, new DownloadAllResult.SpaceFull());
        assertThat(poller.await(AccountName.DEFAULT, FILE, ZIP)).isInstanceOf(DownloadAllResult.SpaceFull.class);
    }

    @Test
    void throwsARejection_atOnce() {
        gateway.script(FILE, failure(Kind.REJECTED, 5066, "file does not exist"));
        assertThatThrownBy(() -> poller.await(AccountName.DEFAULT, FILE, ZIP))
                .isInstanceOfSatisfying(TranscodeGatewayException.class,
                        e -> assertThat(e.upstreamCode()).isEqualTo(5066));
        assertThat(gateway.callsFor(FILE)).isEqualTo(1);
    }

    @Test
    void givesUpAfterTooManyTransientFailuresInARow() {
        gateway.script(FILE, failure(Kind.UNAVAILABLE, null, "HTTP 503"));
        assertThatThrownBy(() -> poller.await(AccountName.DEFAULT, FILE, ZIP))
                .isInstanceOfSatisfying(TranscodeGatewayException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(gateway.callsFor(FILE)).isEqualTo(3);
    }

    @Test
    void timesOutAfterTheMaxWait() {
        gateway.script(FILE, PACKAGING);
        assertThatThrownBy(() -> poller.await(AccountName.DEFAULT, FILE, ZIP))
                .isInstanceOf(DownloadAllPoller.TimedOutException.class)
                .hasMessageContaining("within PT2M");
        assertThat(clock.instant()).isBefore(MutableClock.EPOCH.plus(Duration.ofMinutes(2)));
        assertThat(gateway.callsFor(FILE)).isBetween(11L, 14L);
    }
}
