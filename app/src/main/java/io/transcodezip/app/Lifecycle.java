package io.transcodezip.app;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.transcodezip.adapters.http.in.ApiKeys;
import io.transcodezip.adapters.http.out.Pan123Accounts;
import io.transcodezip.core.port.in.PollDueJobsUseCase;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/** Says at start what the service runs on, and stops the poller cleanly. */
@ApplicationScoped
class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    void started(@Observes StartupEvent event, TranscodeZipConfig config, Pan123Accounts accounts, ApiKeys keys) {
        String embedded = System.getProperty(TranscodeZipMain.EMBEDDED_MARKER);
        if (embedded != null) {
            LOG.infof("using the embedded PostgreSQL in %s (set QUARKUS_DATASOURCE_JDBC_URL to use your own)", embedded);
        }
        if (config.sandbox().enabled()) {
            LOG.warn("SANDBOX MODE: account 'default' talks to a SIMULATED 123pan platform under /sandbox/pan123; "
                    + "no real file is packaged. Turn transcodezip.sandbox.enabled off for real use.");
        }
        if (accounts.names().isEmpty()) {
            LOG.warn("no 123pan account is configured (pan123.client-id and pan123.client-secret, or "
                    + "pan123.access-token): every submission will be refused");
        } else {
            LOG.infof("123pan accounts: %s", accounts.names());
        }
    }

    /** Last of all shutdown observers: nothing needs the embedded database after the leases are back. */
    void stopEmbeddedDatabase(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) ShutdownEvent event) {
        TranscodeZipMain.stopEmbeddedDatabase();
    }

    void stopping(@Observes ShutdownEvent event, PollDueJobsUseCase poller, TranscodeZipConfig config) {
        try {
            int released = poller.stop(config.shutdownGrace());
            LOG.infof("poller stopped; %d leases given back", released);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            LOG.warn("could not give the leases back; they run out by themselves", failed);
        }
    }
}
