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

/** The jobs API: submit, read, wait for, list, cancel, retry, and download through a fresh link. */
@Path("/api/v1/download-jobs")
@Produces(MediaType.APPLICATION_JSON)
public class DownloadJobResource {

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

    @GET
    @Path("/{id}")
    public DownloadJobJson job(@PathParam("id") String id, @QueryParam("wait") String wait) throws InterruptedException {
        UUID jobId = jobId(id);
        if (wait == null) {
            return DownloadJobJson.from(get.get(tenant.get(), jobId));
        }
        return DownloadJobJson.from(get.awaitSettled(tenant.get(), jobId, Duration.ofSeconds(waitSeconds(wait))));
    }

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

    @POST
    @Path("/{id}/cancel")
    public DownloadJobJson cancel(@PathParam("id") String id) {
        return DownloadJobJson.from(cancel.cancel(tenant.get(), jobId(id)));
    }

    @POST
    @Path("/{id}/retry")
    public DownloadJobJson retry(@PathParam("id") String id) {
        return DownloadJobJson.from(retry.retry(tenant.get(), jobId(id)));
    }

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
