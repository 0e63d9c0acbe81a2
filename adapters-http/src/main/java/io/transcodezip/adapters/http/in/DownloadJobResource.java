package io.transcodezip.adapters.http.in;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.transcodezip.adapters.http.in.DownloadJobJson.PageJson;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.DownloadJob;
import io.transcodezip.core.domain.DownloadUrl;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.JobState;
import io.transcodezip.core.port.in.CancelDownloadJobUseCase;
import io.transcodezip.core.port.in.FreshDownloadUrlUseCase;
import io.transcodezip.core.port.in.GetDownloadJobUseCase;
import io.transcodezip.core.port.in.ListDownloadJobsUseCase;
import io.transcodezip.core.port.in.RetryDownloadJobUseCase;
import io.transcodezip.core.port.in.StartDownloadAllCommand;
import io.transcodezip.core.port.in.StartDownloadAllUseCase;
import io.transcodezip.core.port.in.StartedJob;
import io.transcodezip.core.port.out.JobPage;
import io.transcodezip.core.port.out.JobQuery;
import io.transcodezip.core.port.out.PageCursor;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The jobs API: submit, read, wait for, list, cancel, retry, and download through a fresh link. */
@Path("/api/v1/download-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "download jobs", description = "Package every rendition of a 123pan video into one zip")
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "Authorization: Bearer <API key>"),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-API-Key", description = "X-API-Key: <API key>")})
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "No API key, or an unknown one", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DownloadJobResource {

    private static final String EXAMPLE_JOB = "{\"id\":\"d81ec1c7-999f-4ad5-b0c2-a4fb249c95c1\",\"account\":\"default\","
            + "\"fileId\":2875008,\"zipName\":\"good.mp4\",\"state\":\"PENDING\",\"downloadUrl\":null,"
            + "\"downloadUrlExpiresAt\":null,\"calls\":0,\"createdAt\":\"2026-12-04T16:31:49.140Z\","
            + "\"updatedAt\":\"2026-12-04T16:31:49.140Z\",\"nextPollAt\":\"2026-12-04T16:31:49.140Z\","
            + "\"deadline\":\"2026-12-04T17:31:49.140Z\",\"finishedAt\":null,\"error\":null}";
    private static final String EXAMPLE_PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"fileId: must be a whole number (not a string)\",\"errors\":[{\"field\":\"fileId\","
            + "\"message\":\"must be a whole number (not a string)\"}]}";

    static final int MAX_WAIT_SECONDS = 30;

    @Inject
    StartDownloadAllUseCase start;
    @Inject
    GetDownloadJobUseCase get;
    @Inject
    ListDownloadJobsUseCase list;
    @Inject
    CancelDownloadJobUseCase cancel;
    @Inject
    RetryDownloadJobUseCase retry;
    @Inject
    FreshDownloadUrlUseCase freshUrl;
    @Inject
    RequestTenant tenant;
    @Inject
    ObjectMapper json;

    @Operation(summary = "Submit a job", description = "Download every rendition of fileId as zipName. Submitting "
            + "a job that is already active for the tenant returns it with 200.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmitJson.class),
            examples = @ExampleObject(name = "submit", value = "{\"fileId\": 2875008, \"zipName\": \"good.mp4\"}")))
    @APIResponse(responseCode = "201", description = "A new job", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DownloadJobJson.class), examples = @ExampleObject(name = "job", value = EXAMPLE_JOB)))
    @APIResponse(responseCode = "200", description = "The same job, already active", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DownloadJobJson.class), examples = @ExampleObject(name = "job", value = EXAMPLE_JOB)))
    @APIResponse(responseCode = "400", description = "A field is missing, unknown or invalid", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "problem", value = EXAMPLE_PROBLEM)))
    @APIResponse(responseCode = "413", description = "The body is over 16 KiB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(byte[] body) {
        SubmitRequest request = SubmitRequest.parse(body == null ? new byte[0] : body, json);
        StartedJob started = start.start(new StartDownloadAllCommand(tenant.get(), request.account(),
                request.fileId(), request.zipName()));
        DownloadJobJson job = DownloadJobJson.from(started.job());
        if (!started.created()) {
            return Response.ok(job).build();
        }
        return Response.created(URI.create("/api/v1/download-jobs/" + job.id())).entity(job).build();
    }

    @Operation(summary = "Read a job", description = "With wait (1-30 s), a long poll: answers as soon as the job "
            + "is READY or finished, or when the wait is over.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DownloadJobJson.class), examples = @ExampleObject(name = "job", value = EXAMPLE_JOB)))
    @APIResponse(responseCode = "400", description = "wait is not 1 to 30", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("/{id}")
    public DownloadJobJson job(@PathParam("id") String id, @QueryParam("wait") String wait) throws InterruptedException {
        UUID jobId = jobId(id);
        if (wait == null) {
            return DownloadJobJson.from(get.get(tenant.get(), jobId));
        }
        return DownloadJobJson.from(get.awaitSettled(tenant.get(), jobId, Duration.ofSeconds(waitSeconds(wait))));
    }

    @Operation(summary = "List jobs", description = "Newest first; follow nextCursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of jobs", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageJson.class)))
    @APIResponse(responseCode = "400", description = "A filter, the limit or the cursor is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    public PageJson jobs(@QueryParam("state") String state, @QueryParam("fileId") String fileId,
                         @QueryParam("account") String account, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        JobQuery query = new JobQuery(tenant.get(),
                parse("state", state, s -> JobState.valueOf(s.toUpperCase(Locale.ROOT)),
                        "must be one of PENDING, PACKAGING, READY, SPACE_FULL, FAILED, TIMED_OUT, CANCELLED"),
                parse("fileId", fileId, f -> FileId.of(Long.parseLong(f)), "must be a positive whole number"),
                parse("account", account, AccountName::of, null),
                parse("limit", limit, Integer::parseInt, "must be a whole number from 1 to " + JobQuery.MAX_LIMIT)
                        .map(l -> requireRange("limit", l, 1, JobQuery.MAX_LIMIT)).orElse(JobQuery.DEFAULT_LIMIT),
                parse("cursor", cursor, PageCursor::decode, null));
        JobPage page = list.list(query);
        return new PageJson(page.items().stream().map(DownloadJobJson::from).collect(Collectors.toList()),
                page.next().map(PageCursor::encode).orElse(null));
    }

    @Operation(summary = "Cancel a job that is not finished")
    @APIResponse(responseCode = "200", description = "The job, CANCELLED", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DownloadJobJson.class), examples = @ExampleObject(name = "job", value = EXAMPLE_JOB)))
    @APIResponse(responseCode = "404", description = "No such job for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job is already finished", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("/{id}/cancel")
    public DownloadJobJson cancel(@PathParam("id") String id) {
        return DownloadJobJson.from(cancel.cancel(tenant.get(), jobId(id)));
    }

    @Operation(summary = "Retry a job that ended SPACE_FULL, FAILED or TIMED_OUT")
    @APIResponse(responseCode = "200", description = "The job, PENDING again", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DownloadJobJson.class), examples = @ExampleObject(name = "job", value = EXAMPLE_JOB)))
    @APIResponse(responseCode = "404", description = "No such job for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job cannot be retried, or the same file and zip name "
            + "are active in another job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("/{id}/retry")
    public DownloadJobJson retry(@PathParam("id") String id) {
        return DownloadJobJson.from(retry.retry(tenant.get(), jobId(id)));
    }

    @Operation(summary = "Download the zip", description = "Redirects to a link valid for at least 60 s more; "
            + "a stored link about to expire is re-minted first (within the account's call budget).")
    @APIResponse(responseCode = "302", description = "Found: the Location header is the link")
    @APIResponse(responseCode = "404", description = "No such job for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job is not READY", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No fresh link within 10 s; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    /** A redirect to the zip, through a link valid for at least a minute more. */
    @GET
    @Path("/{id}/download")
    public Response download(@PathParam("id") String id) throws InterruptedException {
        DownloadUrl url = freshUrl.freshUrl(tenant.get(), jobId(id));
        return Response.status(Response.Status.FOUND).location(URI.create(url.url().replace(" ", "%20")))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no download job '" + id + "'"));
        }
    }

    private static int waitSeconds(String wait) {
        int seconds = parse("wait", wait, Integer::parseInt, "must be a whole number of seconds from 1 to "
                + MAX_WAIT_SECONDS).orElseThrow();
        return requireRange("wait", seconds, 1, MAX_WAIT_SECONDS);
    }

    private static int requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ProblemException.field(field, "must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    private static <T> Optional<T> parse(String field, String raw, java.util.function.Function<String, T> parser,
                                         String message) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw));
        } catch (IllegalArgumentException invalid) {
            throw ProblemException.field(field, message != null ? message : invalid.getMessage());
        }
    }
}
