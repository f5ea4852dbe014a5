package dev.chatstore.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * One HTTP/1.1 connection kept alive across requests, written out by hand so that the measurement is the server's
 * time plus one loopback round trip, not a client library's. Each request is one write (TCP_NODELAY on). Not
 * thread-safe: one per client thread.
 */
final class KeepAliveClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String head;

    KeepAliveClient(URI base, String secret) {
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + base, e);
        }
        head = "POST /telegram/webhook HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/json\r\n"
                + (secret == null ? "" : "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\n");
    }

    /** Posts one body and reads the whole response; returns its status. */
    int post(byte[] body) {
        try {
            byte[] headers = (head + "Content-Length: " + body.length + "\r\n\r\n").getBytes(ISO_8859_1);
            byte[] request = new byte[headers.length + body.length];
            System.arraycopy(headers, 0, request, 0, headers.length);
            System.arraycopy(body, 0, request, headers.length, body.length);
            out.write(request);
            out.flush();
            String statusLine = line();
            int contentLength = 0;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(header.substring("content-length:".length()).trim());
                }
            }
            in.readNBytes(contentLength);
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(ISO_8859_1);
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
