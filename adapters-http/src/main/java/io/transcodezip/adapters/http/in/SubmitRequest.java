package io.transcodezip.adapters.http.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transcodezip.adapters.http.in.Problem.FieldError;
import io.transcodezip.core.domain.AccountName;
import io.transcodezip.core.domain.FileId;
import io.transcodezip.core.domain.ZipName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A submission body, read strictly: every wrong field is named in one answer, and nothing unknown or
 * mistyped slips through as a default.
 */
record SubmitRequest(FileId fileId, ZipName zipName, AccountName account) {

    static final int MAX_BYTES = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("fileId", "zipName", "account");

    static SubmitRequest parse(byte[] body, ObjectMapper json) {
        if (body.length > MAX_BYTES) {
            throw new ProblemException(Problem.of(413, "Content Too Large",
                    "the body is " + body.length + " bytes; at most " + MAX_BYTES + " are accepted"));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (java.io.IOException | RuntimeException malformed) {
            throw ProblemException.field("body", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.field("body", "must be a JSON object with fileId and zipName");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a known field (fileId, zipName, account)"));
            }
        }
        FileId fileId = fileId(root.get("fileId"), errors);
        ZipName zipName = zipName(root.get("zipName"), errors);
        AccountName account = account(root.get("account"), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        return new SubmitRequest(fileId, zipName, account);
    }

    private static FileId fileId(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("fileId", "is required"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            errors.add(new FieldError("fileId", "must be a whole number (not a string), at most " + Long.MAX_VALUE));
            return null;
        }
        return valid("fileId", () -> FileId.of(node.longValue()), errors);
    }

    private static ZipName zipName(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("zipName", "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("zipName", "must be a string"));
            return null;
        }
        return valid("zipName", () -> ZipName.of(node.textValue()), errors);
    }

    private static AccountName account(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return AccountName.DEFAULT;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("account", "must be a string"));
            return null;
        }
        return valid("account", () -> AccountName.of(node.textValue()), errors);
    }

    private static <T> T valid(String field, java.util.function.Supplier<T> make, List<FieldError> errors) {
        try {
            return make.get();
        } catch (IllegalArgumentException invalid) {
            errors.add(new FieldError(field, invalid.getMessage()));
            return null;
        }
    }
}
