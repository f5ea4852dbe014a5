package dev.chatstore.host;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Writes a JSON response and completes the request's callback. */
final class HttpJson {
    private HttpJson() {
    }

    static void send(Response response, Callback callback, int status, Object body) {
        sendBytes(response, callback, status, bytes(body));
    }

    /** The body {@link #send} writes for {@code body}, for a response sent often enough to be built once. */
    static byte[] bytes(Object body) {
        return Json.write(body).getBytes(UTF_8);
    }

    /** Sends {@code json}, which must be a body made by {@link #bytes}; it is not changed. */
    static void sendBytes(Response response, Callback callback, int status, byte[] json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
        // Jetty moves the buffer's position only, never its bytes: a shared body stays intact.
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    /**
     * Sends the response and closes the connection after it: for a request whose body is left unread (refused
     * before reading, or too large), so the client learns at once that the rest will not be read.
     */
    static void sendAndClose(Response response, Callback callback, int status, Object body) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        send(response, callback, status, body);
    }
}
