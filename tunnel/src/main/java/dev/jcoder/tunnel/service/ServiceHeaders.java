package dev.jcoder.tunnel.service;

import dev.jcoder.tunnel.yamux.Stream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Codec of the stream header (docs/tunnel.md, "Stream header"). Version 1:
 * <pre>
 * request  = version:u8 (1) | body-length:u16 | body
 * body     = string(service) { string(key) string(value) }
 * response = version:u8 (1) | status:u8 | string(message)
 * string   = length:u16 | UTF-8 bytes
 * </pre>
 * All integers are big endian. The body is at most {@value #MAX_BODY} bytes.
 */
public final class ServiceHeaders {
    /** The header version this code writes. */
    public static final int VERSION = 1;
    /** Upper bound of a request body, so a broken opener cannot make the acceptor allocate much. */
    public static final int MAX_BODY = 16 * 1024;

    private ServiceHeaders() {
    }

    // ---- opener ----

    /** How long {@link #connect(Stream, ServiceRequest)} waits for the answer. */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** {@link #connect(Stream, ServiceRequest, Duration)} with {@link #DEFAULT_ANSWER_TIMEOUT}. */
    public static void connect(Stream stream, ServiceRequest request) throws IOException {
        connect(stream, request, DEFAULT_ANSWER_TIMEOUT);
    }

    /**
     * Writes {@code request} and waits at most {@code timeout} for the acceptor's answer (a
     * {@code SocketTimeoutException} then; the stream is reset). On a refusal the stream is
     * closed and the acceptor's status and message are thrown as {@link ServiceHeaderException}.
     */
    public static void connect(Stream stream, ServiceRequest request, Duration timeout) throws IOException {
        writeRequest(stream.outputStream(), request);
        ServiceResponse response;
        Duration previous = stream.readTimeout();
        stream.setReadTimeout(timeout);
        try {
            response = readResponse(stream.inputStream());
        } catch (IOException e) {
            stream.reset();
            throw e;
        } finally {
            stream.setReadTimeout(previous);
        }
        if (!response.isOk()) {
            stream.close();
            throw new ServiceHeaderException(response.status(), response.message());
        }
    }

    /** Encodes {@code request} and writes it in one call. */
    public static void writeRequest(OutputStream out, ServiceRequest request) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        writeString(data, request.service());
        for (Map.Entry<String, String> argument : request.arguments().entrySet()) {
            writeString(data, argument.getKey());
            writeString(data, argument.getValue());
        }
        if (body.size() > MAX_BODY) {
            throw new IllegalArgumentException("The stream header is larger than " + MAX_BODY + " bytes.");
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(3 + body.size());
        frame.write(VERSION);
        frame.write(body.size() >>> 8);
        frame.write(body.size());
        body.writeTo(frame);
        out.write(frame.toByteArray());
    }

    /** Reads the acceptor's answer. */
    public static ServiceResponse readResponse(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int version = readByte(data);
        if (version != VERSION) {
            throw new ServiceHeaderException(ServiceStatus.UNSUPPORTED,
                    "The workspace agent answered with an unsupported stream header version " + version + ".");
        }
        ServiceStatus status = ServiceStatus.fromCode(readByte(data));
        String message = readString(data);
        return new ServiceResponse(status, message);
    }

    // ---- acceptor ----

    /**
     * Reads the opener's request. A request this side cannot serve throws
     * {@link ServiceHeaderException} whose status and message should be sent back with
     * {@link #reject}.
     */
    public static ServiceRequest readRequest(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int version = readByte(data);
        if (version != VERSION) {
            throw new ServiceHeaderException(ServiceStatus.UNSUPPORTED,
                    "Stream header version " + version + " is not supported; this side speaks version " + VERSION + ".");
        }
        int length = data.readUnsignedShort();
        if (length > MAX_BODY) {
            throw new ServiceHeaderException(ServiceStatus.UNSUPPORTED, "The stream header is too large.");
        }
        byte[] body = data.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("The stream ended inside its header.");
        }
        DataInputStream fields = new DataInputStream(new java.io.ByteArrayInputStream(body));
        String service = readString(fields);
        List<String> rest = new ArrayList<>();
        while (fields.available() > 0) {
            rest.add(readString(fields));
        }
        if (rest.size() % 2 != 0) {
            throw new ServiceHeaderException(ServiceStatus.UNSUPPORTED, "The stream header has a key without a value.");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 0; i < rest.size(); i += 2) {
            arguments.put(rest.get(i), rest.get(i + 1));
        }
        return toRequest(service, arguments);
    }

    /** Answers OK: the opener may now exchange payload. */
    public static void accept(Stream stream) throws IOException {
        writeResponse(stream.outputStream(), ServiceResponse.ok());
    }

    /** Answers with a refusal and half-closes the stream. */
    public static void reject(Stream stream, ServiceStatus status, String message) throws IOException {
        writeResponse(stream.outputStream(), ServiceResponse.error(status, message));
        stream.closeWrite();
    }

    /** Encodes {@code response} and writes it in one call. */
    public static void writeResponse(OutputStream out, ServiceResponse response) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(frame);
        data.writeByte(VERSION);
        data.writeByte(response.status().code());
        writeString(data, response.message());
        out.write(frame.toByteArray());
    }

    private static ServiceRequest toRequest(String service, Map<String, String> arguments) throws ServiceHeaderException {
        try {
            return switch (service) {
                case ServiceRequest.Ssh.NAME -> new ServiceRequest.Ssh();
                case ServiceRequest.ReconnectingPty.NAME -> new ServiceRequest.ReconnectingPty(
                        UUID.fromString(required(arguments, "id")),
                        Integer.parseInt(required(arguments, "height")),
                        Integer.parseInt(required(arguments, "width")),
                        arguments.getOrDefault("command", ""));
                case ServiceRequest.Tcp.NAME -> new ServiceRequest.Tcp(
                        required(arguments, "host"), Integer.parseInt(required(arguments, "port")));
                case ServiceRequest.Speedtest.NAME -> new ServiceRequest.Speedtest(
                        Long.parseLong(arguments.getOrDefault("download_bytes", "0")));
                default -> throw new ServiceHeaderException(ServiceStatus.UNSUPPORTED,
                        "The service \"" + service + "\" is not supported by this agent.");
            };
        } catch (IllegalArgumentException e) {
            throw new ServiceHeaderException(ServiceStatus.UNSUPPORTED,
                    "The " + service + " stream header is invalid: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> arguments, String key) {
        String value = arguments.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return value;
    }

    private static int readByte(DataInputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("The stream ended before its header.");
        }
        return b;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("A stream header string is longer than 65535 bytes.");
        }
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("The stream ended inside its header.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ServiceHeaderException(ServiceStatus.UNSUPPORTED, "The stream header is not valid UTF-8.");
        }
    }
}
