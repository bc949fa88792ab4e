package io.smartcloudops.api;

/**
 * The body of every error response: {@code {"error": "...", "detail": "..."}}.
 *
 * @param error  a short, stable description (e.g. {@code "bad parameter"}, {@code "unauthorized"})
 * @param detail what exactly was wrong, naming the field or parameter
 */
public record ApiError(String error, String detail) {
}
