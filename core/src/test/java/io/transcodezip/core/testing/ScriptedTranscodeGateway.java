package io.transcodezip.core.testing;

import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.ZipName;
import io.transcodezip.core.port.out.DownloadAllResult;
import io.transcodezip.core.port.out.TranscodeGateway;
import io.transcodezip.core.port.out.TranscodeGatewayException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A gateway that plays back, per file, a script of answers and failures; the last step repeats once
 * the script runs out. A file without a script answers "packaging". Every request is recorded.
 */
public final class ScriptedTranscodeGateway implements TranscodeGateway {

    /** One recorded request. */
    public record Call(AccountName account, FileId fileId, ZipName zipName) {
    }

    private final Map<FileId, Deque<Supplier<DownloadAllResult>>> scripts = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    /** Appends steps to the script of {@code fileId}: results, or exceptions to throw. */
    public synchronized ScriptedTranscodeGateway script(FileId fileId, Object... steps) {
        Deque<Supplier<DownloadAllResult>> script = scripts.computeIfAbsent(fileId, f -> new ArrayDeque<>());
        for (Object step : steps) {
            if (step instanceof DownloadAllResult result) {
                script.add(() -> result);
            } else if (step instanceof RuntimeException failure) {
                script.add(() -> {
                    throw failure;
                });
            } else {
                throw new IllegalArgumentException("a step is a DownloadAllResult or a RuntimeException: " + step);
            }
        }
        return this;
    }

    @Override
    public DownloadAllResult requestDownloadAll(AccountName account, FileId fileId, ZipName zipName) {
        Supplier<DownloadAllResult> step;
        synchronized (this) {
            calls.add(new Call(account, fileId, zipName));
            Deque<Supplier<DownloadAllResult>> script = scripts.get(fileId);
            if (script == null || script.isEmpty()) {
                step = DownloadAllResult.Packaging::new;
            } else {
                step = script.size() > 1 ? script.poll() : script.peek();
            }
        }
        return step.get();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized long callsFor(FileId fileId) {
        return calls.stream().filter(c -> c.fileId().equals(fileId)).count();
    }

    public static TranscodeGatewayException failure(TranscodeGatewayException.Kind kind, Integer code, String message) {
        return new TranscodeGatewayException(kind, code, message, "trace-" + kind.name().toLowerCase());
    }
}
