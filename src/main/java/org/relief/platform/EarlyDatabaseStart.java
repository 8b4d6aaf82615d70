package org.relief.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is read, so the cluster's
 * creation and start (initdb on a fresh data directory, then the server: one to two seconds) run while Spring builds
 * the application, instead of after it, when the first bean asks for a connection. Registered by
 * {@code ReliefApplication.main} only: tests and an external database ({@code RELIEF_DATABASE_URL}) start the usual
 * way. The beans in {@link EmbeddedDatabaseConfiguration} take what was started here (waiting for it if need be) when
 * the data directory is the same; a failure here is the same failure, raised where it would have been. If the
 * application stops before taking it, a shutdown hook stops the server, so no PostgreSQL is left running.
 */
public final class EarlyDatabaseStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    record Started(
            String dataDir, boolean ephemeral, EmbeddedDatabaseCredentials credentials, EmbeddedPostgres postgres) {}

    private static final Object LOCK = new Object();
    private static CompletableFuture<Started> pending;
    private static String pendingDir;
    private static boolean pendingEphemeral;
    private static boolean claimed;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        if (!env.getProperty("relief.database.url", "").isBlank()) {
            return;
        }
        String dataDir = env.getProperty("relief.data-dir", "./data");
        boolean ephemeral = env.getProperty("relief.database.embedded.ephemeral", Boolean.class, false);
        synchronized (LOCK) {
            if (pending != null) {
                return;
            }
            pendingDir = dataDir;
            pendingEphemeral = ephemeral;
            pending = CompletableFuture.supplyAsync(() -> {
                try {
                    var credentials = EmbeddedDatabaseConfiguration.credentials(dataDir, ephemeral);
                    return new Started(
                            dataDir,
                            ephemeral,
                            credentials,
                            EmbeddedDatabaseConfiguration.start(dataDir, ephemeral, credentials));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(EarlyDatabaseStart::stopIfUnclaimed, "early-db-stop"));
        }
    }

    /** What was started early for this data directory (waiting for it), or null when nothing was. */
    static Started claim(String dataDir, boolean ephemeral) throws IOException {
        CompletableFuture<Started> started;
        synchronized (LOCK) {
            if (pending == null || !pendingDir.equals(dataDir) || pendingEphemeral != ephemeral) {
                return null;
            }
            claimed = true;
            started = pending;
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void stopIfUnclaimed() {
        CompletableFuture<Started> started;
        synchronized (LOCK) {
            if (pending == null || claimed) {
                return; // Spring closes a claimed server after everything that uses it
            }
            started = pending;
        }
        try {
            started.join().postgres().close();
        } catch (IOException | RuntimeException e) {
            // stopping anyway: the next start stops a server left running (EmbeddedDatabaseConfiguration)
        }
    }
}
