package io.transcodezip.adapters.http.out;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The two platform endpoints this service uses. Answers come back raw: the body's {@code code}, not
 * the HTTP status, says what happened, so the gateway reads every answer itself.
 */
@RegisterRestClient(configKey = "pan123")
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface Pan123Api {

    String PLATFORM = "open_platform";

    @POST
    @Path("/transcode/file/download/all")
    Response downloadAll(@HeaderParam("Authorization") String authorization, @HeaderParam("Platform") String platform,
                         DownloadAllBody body);

    @POST
    @Path("/access_token")
    Response accessToken(@HeaderParam("Platform") String platform, AccessTokenBody body);

    record DownloadAllBody(long fileId, String zipName) {
    }

    /** Note the platform's capital "ID". */
    record AccessTokenBody(@JsonProperty("clientID") String clientId,
                           @JsonProperty("clientSecret") String clientSecret) {
        @Override
        public String toString() {
            return "AccessTokenBody[clientID=" + clientId + ", clientSecret=<redacted>]";
        }
    }
}
