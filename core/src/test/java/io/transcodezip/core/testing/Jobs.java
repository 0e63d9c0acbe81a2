package io.transcodezip.core.testing;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.PollPolicy;
import io.transcodezip.core.domain.Tenant;
import io.transcodezip.core.domain.ZipName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Builders of jobs and links for tests. */
public final class Jobs {

    public static final Tenant TENANT = Tenant.of("acme");
    public static final Tenant OTHER_TENANT = Tenant.of("globex");
    public static final AccountName ACCOUNT = AccountName.DEFAULT;

    private Jobs() {
    }

    public static DownloadJob pending(long fileId, Instant now) {
        return pending(TENANT, ACCOUNT, fileId, "movie.zip", now);
    }

    public static DownloadJob pending(Tenant tenant, AccountName account, long fileId, String zipName, Instant now) {
        return DownloadJob.submit(UUID.randomUUID(), tenant, account, FileId.of(fileId), ZipName.of(zipName), now,
                PollPolicy.DEFAULT);
    }

    /** A link shaped like the platform's, whose token expires at {@code exp}. */
    public static String platformUrl(Instant exp) {
        long iat = exp.getEpochSecond() - 300;
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"exp\":" + exp.getEpochSecond() + ",\"iat\":" + iat
                + ",\"id\":1814435971,\"mail\":\"\",\"nickname\":\"15323701134\",\"username\":15323701134,\"v\":98}");
        return "https://dev3.123pan.com:8443/a/api/uncompress/statics/b3c048da66b362be09d93b18727bf104_3219013/"
                + "1080p_480p_222.mp4.zip?fileId=2875054&token=Bearer " + header + "." + payload + ".c2lnbmF0dXJl";
    }

    public static DownloadUrl url(Instant exp) {
        return DownloadUrl.parse(platformUrl(exp), exp.minusSeconds(300));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
