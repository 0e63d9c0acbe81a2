package io.transcodezip.app;

import io.transcodezip.adapters.http.in.ApiKeys;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The API keys: from {@code transcodezip.api-keys}, or, when none is configured, one key for tenant
 * {@code default} generated on first start into {@code <data-dir>/api-key} (readable by its owner
 * only). The key itself is never logged; the file's path is.
 */
public class ApiKeysProducer {

    private static final Logger LOG = Logger.getLogger(ApiKeysProducer.class);

    @Produces
    @Singleton
    ApiKeys apiKeys(TranscodeZipConfig config) {
        String configured = config.apiKeys().orElse("").trim();
        if (!configured.isEmpty()) {
            ApiKeys keys = ApiKeys.parse(configured);
            if (!keys.isEmpty()) {
                return keys;
            }
        }
        Path file = config.dataDir().resolve("api-key").toAbsolutePath().normalize();
        String key = readOrCreate(file);
        LOG.infof("no transcodezip.api-keys configured: tenant 'default' uses the API key in %s", file);
        return ApiKeys.parse("default:" + key);
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!key.isEmpty()) {
                    return key;
                }
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = "tz_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the API key file " + file, e);
        }
    }
}
