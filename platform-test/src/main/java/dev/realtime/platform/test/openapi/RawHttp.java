package dev.realtime.platform.test.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately minimal HTTP/1.1 client over a socket. The guard needs to send what {@code java.net.http}
 * refuses to build: malformed percent-encodings, over-long targets, bodies that are not what their
 * {@code Content-Type} says. One connection per request ({@code Connection: close}).
 */
public final class RawHttp {

    private static final int TIMEOUT_MS = 10_000;

    private RawHttp() {
    }

    /** A response as received; header names lower-cased. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends one request as given, byte for byte, and reads the whole response. */
    public static Response send(String host, int port, String method, String target, Map<String, String> headers,
            byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream(), method);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(target) + " failed", e);
        }
    }

    private static Response read(InputStream in, String method) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        byte[] body;
        if ("HEAD".equals(method) || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
            body.write(in.readNBytes(size));
            line(in);
        }
        String trailer;
        do {
            trailer = line(in);
        } while (!trailer.isEmpty());
        return body.toByteArray();
    }

    private static int chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon >= 0 ? line.substring(0, semicolon) : line).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("connection closed before the response was complete");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + " chars)";
    }
}
