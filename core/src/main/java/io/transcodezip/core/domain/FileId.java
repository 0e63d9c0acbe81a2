package io.transcodezip.core.domain;

/** The 123pan id of the uploaded video whose renditions are packaged; a positive 64-bit number. */
public record FileId(long value) {

    public FileId {
        if (value <= 0) {
            throw new IllegalArgumentException("fileId must be a positive number, got " + value);
        }
    }

    public static FileId of(long value) {
        return new FileId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
