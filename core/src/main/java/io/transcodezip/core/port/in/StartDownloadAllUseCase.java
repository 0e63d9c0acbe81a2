package io.transcodezip.core.port.in;

/** Submit "download all renditions of file X as zip Y"; the same active job is returned, not doubled. */
public interface StartDownloadAllUseCase {

    StartedJob start(StartDownloadAllCommand command);
}
