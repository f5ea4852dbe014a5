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
        byte[] bytes = Json.write(body).getBytes(UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
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
