package dev.chatstore.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * One plain socket speaking HTTP/1.1 by hand, for what {@link java.net.http.HttpClient} will not send: half a
 * request, a body shorter than its declared length, invalid UTF-8. Not thread-safe.
 */
final class RawHttp implements AutoCloseable {
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    static RawHttp connect(int port) {
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST's head (request line and headers, ending with the blank line); the body is sent separately. */
    static String postHead(String path, String secret, long contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (secret == null ? "" : WebhookHandler.SECRET_HEADER + ": " + secret + "\r\n")
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /** A complete POST of {@code body}. */
    static byte[] post(String path, String secret, byte[] body) {
        byte[] head = postHead(path, secret, body.length).getBytes(ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    RawHttp send(String text) {
        return send(text.getBytes(UTF_8));
    }

    RawHttp send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response (head and a Content-Length body) within {@code timeout}. */
    Response read(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after " + head.size() + " bytes of a response: " + head);
                }
                head.write(b);
            }
            String headText = head.toString(ISO_8859_1);
            Matcher status = STATUS.matcher(headText);
            Matcher length = LENGTH.matcher(headText);
            if (!status.find()) {
                throw new IOException("not an HTTP/1.1 response: " + headText);
            }
            byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            return new Response(Integer.parseInt(status.group(1)), headText, new String(body, UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits up to {@code timeout} for the server to close the connection, discarding anything it sends first.
     *
     * @return true if it closed (end of stream or reset), false if still open at the timeout
     */
    boolean closedByServerWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            InputStream in = socket.getInputStream();
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                try {
                    if (in.read() < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    return false;
                }
            }
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response read off the socket. */
    record Response(int status, String head, String body) {
    }
}
