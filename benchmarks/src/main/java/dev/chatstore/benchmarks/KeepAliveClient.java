package dev.chatstore.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * One HTTP/1.1 connection kept alive across requests, written out by hand so that the measurement is the server's
 * time plus one loopback round trip, not a client library's: each request is one write (TCP_NODELAY on) from a
 * buffer kept by the connection, and the response is read in as few reads as the kernel allows and parsed in
 * place. The load test runs its clients on the same cores as the server, so every microsecond spent here is one
 * the server does not get. Not thread-safe: one per client thread.
 */
final class KeepAliveClient implements AutoCloseable {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(ISO_8859_1);

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] head;
    private byte[] request = new byte[1024];
    private byte[] response = new byte[1024];
    // Bytes of the response buffer already read from the socket and not yet consumed.
    private int filled;

    KeepAliveClient(URI base, String secret) {
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + base, e);
        }
        head = ("POST /telegram/webhook HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/json\r\n"
                + (secret == null ? "" : "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\n")
                + "Content-Length: ").getBytes(ISO_8859_1);
    }

    /** Posts one body and reads the whole response; returns its status. */
    int post(byte[] body) {
        try {
            byte[] length = (body.length + "\r\n\r\n").getBytes(ISO_8859_1);
            int size = head.length + length.length + body.length;
            if (request.length < size) {
                request = new byte[size * 2];
            }
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(length, 0, request, head.length, length.length);
            System.arraycopy(body, 0, request, head.length + length.length, body.length);
            out.write(request, 0, size);
            return readResponse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response (status line, headers, a Content-Length body) and returns its status. */
    private int readResponse() throws IOException {
        int headersEnd;
        while ((headersEnd = indexOfBlankLine()) < 0) {
            fill();
        }
        if (headersEnd < 12) {
            throw new IOException("not an HTTP response: " + new String(response, 0, headersEnd, ISO_8859_1));
        }
        int status = (response[9] - '0') * 100 + (response[10] - '0') * 10 + (response[11] - '0');
        int total = headersEnd + contentLength(headersEnd);
        while (filled < total) {
            fill();
        }
        // Keep-alive with one request in flight: nothing follows the body, but keep whatever did.
        System.arraycopy(response, total, response, 0, filled - total);
        filled -= total;
        return status;
    }

    /** The index just past the headers' blank line, or -1 while it has not arrived. */
    private int indexOfBlankLine() {
        for (int i = 3; i < filled; i++) {
            if (response[i] == '\n' && response[i - 1] == '\r' && response[i - 2] == '\n' && response[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private int contentLength(int headersEnd) throws IOException {
        for (int i = 0; i + CONTENT_LENGTH.length < headersEnd; i++) {
            if (response[i] == '\n' && startsWithContentLength(i + 1)) {
                int value = 0;
                for (int j = i + 1 + CONTENT_LENGTH.length; response[j] != '\r'; j++) {
                    if (response[j] != ' ') {
                        value = value * 10 + (response[j] - '0');
                    }
                }
                return value;
            }
        }
        return 0;
    }

    private boolean startsWithContentLength(int at) {
        for (int k = 0; k < CONTENT_LENGTH.length; k++) {
            if (Character.toLowerCase(response[at + k]) != CONTENT_LENGTH[k]) {
                return false;
            }
        }
        return true;
    }

    private void fill() throws IOException {
        if (filled == response.length) {
            response = Arrays.copyOf(response, response.length * 2);
        }
        int read = in.read(response, filled, response.length - filled);
        if (read < 0) {
            throw new IOException("the server closed the connection");
        }
        filled += read;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
