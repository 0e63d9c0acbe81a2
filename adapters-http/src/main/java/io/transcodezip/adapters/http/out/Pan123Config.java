package io.transcodezip.adapters.http.out;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the 123pan Open Platform, and with which accounts. The account {@code default} is
 * configured at the top level ({@code pan123.client-id}, …); more under {@code pan123.accounts."name"}.
 */
@ConfigMapping(prefix = "pan123")
public interface Pan123Config {

    /** The platform's base URL. Env {@code PAN123_BASE_URL}. */
    @WithDefault("https://open-api.123pan.com")
    URI baseUrl();

    /** Client id of the {@code default} account. Env {@code PAN123_CLIENT_ID}. */
    Optional<String> clientId();

    /** Client secret of the {@code default} account. Env {@code PAN123_CLIENT_SECRET}. */
    Optional<String> clientSecret();

    /** A fixed access token for the {@code default} account instead of id and secret. Env {@code PAN123_ACCESS_TOKEN}. */
    Optional<String> accessToken();

    /** Further accounts by name. */
    Map<String, Account> accounts();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("15s")
    Duration readTimeout();

    /** A token is refreshed this long before it expires. */
    @WithDefault("5m")
    Duration tokenRefreshMargin();

    /** After the platform refused the credentials, no new token is asked for during this time. */
    @WithDefault("60s")
    Duration tokenFailureBackoff();

    /** How long the retry after a token refresh may wait for a call slot of the account's budget. */
    @WithDefault("3s")
    Duration retrySlotWait();

    Rate rate();

    /** The platform's per-account call rates. */
    interface Rate {
        /** download-all calls per second per account, across every instance. */
        @WithName("download-all")
        @WithDefault("1")
        double downloadAll();
    }

    /** One more account: id and secret, or a fixed token; optionally its own base URL. */
    interface Account {
        Optional<String> clientId();

        Optional<String> clientSecret();

        Optional<String> accessToken();

        Optional<URI> baseUrl();
    }
}
