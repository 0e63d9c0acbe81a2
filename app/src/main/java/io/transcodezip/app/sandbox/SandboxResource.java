package io.transcodezip.app.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.transcodezip.app.TranscodeZipConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A simulated 123pan Open Platform (access token, download-all, and the links it hands out), so the
 * service can be tried without an account. Answers 404 unless {@code transcodezip.sandbox.enabled}.
 */
@Path("/sandbox/pan123")
public class SandboxResource {

    @Inject
    TranscodeZipConfig config;
    @Inject
    SandboxPlatform platform;

    @POST
    @Path("/api/v1/access_token")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> accessToken(@HeaderParam("Platform") String platformHeader, JsonNode body) {
        requireEnabled();
        if (!"open_platform".equals(platformHeader)) {
            return envelope(401, "Platform header must be open_platform", null);
        }
        Optional<String[]> token = platform.token(text(body, "clientID"), text(body, "clientSecret"));
        if (token.isEmpty()) {
            return envelope(401, "invalid clientID or clientSecret", null);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accessToken", token.get()[0]);
        data.put("expiredAt", token.get()[1]);
        return envelope(0, "ok", data);
    }

    @POST
    @Path("/api/v1/transcode/file/download/all")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> downloadAll(@HeaderParam("Authorization") String authorization,
                                           @HeaderParam("Platform") String platformHeader, JsonNode body,
                                           @Context UriInfo uri) {
        requireEnabled();
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (!"open_platform".equals(platformHeader) || !platform.knows(token)) {
            return envelope(401, "access_token无效", null);
        }
        if (platform.tooSoon(token)) {
            return envelope(429, "请求太频繁", null);
        }
        JsonNode fileIdNode = body == null ? null : body.get("fileId");
        String zipName = text(body, "zipName");
        if (fileIdNode == null || !fileIdNode.canConvertToLong() || zipName == null || zipName.isBlank()) {
            return envelope(400, "fileId and zipName are required", null);
        }
        long fileId = fileIdNode.asLong();
        if (fileId % 10 == 9) {
            return envelope(5066, "文件不存在", null);
        }
        if (fileId % 10 == 0) {
            return envelope(0, "ok", data(false, true, ""));
        }
        if (platform.call(fileId, zipName) < SandboxPlatform.CALLS_UNTIL_READY) {
            return envelope(0, "ok", data(true, false, ""));
        }
        String link = uri.getBaseUriBuilder().path("sandbox/pan123/files").path(zipName).build().toString()
                + "?fileId=" + fileId + "&token=Bearer " + platform.linkToken();
        return envelope(0, "ok", data(false, false, link));
    }

    /** The zip a link leads to: a small real archive, as long as the link's token is valid. */
    @GET
    @Path("/files/{name}")
    public Response file(@PathParam("name") String name, @QueryParam("token") String token) {
        requireEnabled();
        String jwt = token != null && token.startsWith("Bearer ") ? token.substring(7).trim() : token;
        if (!platform.linkTokenValid(jwt)) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN)
                    .entity("this sandbox link has expired or is not valid\n").build();
        }
        String fileName = name.toLowerCase().endsWith(".zip") ? name : name + ".zip";
        return Response.ok(zip(name), "application/zip")
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    private void requireEnabled() {
        if (!config.sandbox().enabled()) {
            throw new NotFoundException();
        }
    }

    private static byte[] zip(String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (String rendition : new String[] {"1080p", "720p", "480p"}) {
                zip.putNextEntry(new ZipEntry(rendition + "/" + name.replaceAll("(?i)\\.zip$", "") + ".txt"));
                zip.write(("Transcode Zip sandbox: stands in for the " + rendition + " rendition of '" + name
                        + "'. No real video was packaged.\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, Object> data(boolean downloading, boolean full, String url) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("isDownloading", downloading);
        data.put("isFull", full);
        data.put("downloadUrl", url);
        return data;
    }

    private static Map<String, Object> envelope(int code, String message, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("message", message);
        envelope.put("data", data);
        envelope.put("x-traceID", "sandbox-" + UUID.randomUUID());
        return envelope;
    }

    private static String text(JsonNode body, String field) {
        return body == null || !body.hasNonNull(field) ? null : body.get(field).asText();
    }
}
