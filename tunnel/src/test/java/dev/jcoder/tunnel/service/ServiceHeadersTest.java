package dev.jcoder.tunnel.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceHeadersTest {

    private static ServiceRequest roundTrip(ServiceRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServiceHeaders.writeRequest(out, request);
        out.write(new byte[] {1, 2, 3}); // payload after the header must stay unread
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        ServiceRequest read = ServiceHeaders.readRequest(in);
        assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        return read;
    }

    @Test
    void everyRequestRoundTrips() throws Exception {
        List<ServiceRequest> requests = List.of(
                new ServiceRequest.Ssh(),
                new ServiceRequest.ReconnectingPty(UUID.randomUUID(), 24, 80, "bash -l\n# ünïcode"),
                new ServiceRequest.ReconnectingPty(UUID.randomUUID(), 0, 0, ""),
                ServiceRequest.Tcp.loopback(3000),
                new ServiceRequest.Tcp("localhost", 65535),
                new ServiceRequest.Speedtest(0),
                new ServiceRequest.Speedtest(1L << 40));
        for (ServiceRequest request : requests) {
            assertThat(roundTrip(request)).isEqualTo(request);
        }
    }

    @Test
    void requestWireFormatIsVersionLengthAndStrings() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServiceHeaders.writeRequest(out, new ServiceRequest.Ssh());
        assertThat(out.toByteArray()).containsExactly(1, 0, 5, 0, 3, 's', 's', 'h');
    }

    @Test
    void responsesRoundTrip() throws Exception {
        for (ServiceResponse response : List.of(ServiceResponse.ok(),
                ServiceResponse.error(ServiceStatus.REFUSED, "Nothing is listening on 127.0.0.1:3000."),
                ServiceResponse.error(ServiceStatus.FAILED, ""))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ServiceHeaders.writeResponse(out, response);
            assertThat(ServiceHeaders.readResponse(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(response);
        }
    }

    @Test
    void unknownServiceAndBadArgumentsAreUnsupported() throws Exception {
        assertThatThrownBy(() -> ServiceHeaders.readRequest(new ByteArrayInputStream(
                new byte[] {1, 0, 6, 0, 4, 'f', 't', 'p', '!'})))
                .isInstanceOf(ServiceHeaderException.class)
                .hasMessageContaining("ftp!")
                .extracting(e -> ((ServiceHeaderException) e).status()).isEqualTo(ServiceStatus.UNSUPPORTED);

        byte[] badPort = raw("tcp", "host", "127.0.0.1", "port", "99999");
        assertThatThrownBy(() -> ServiceHeaders.readRequest(new ByteArrayInputStream(badPort)))
                .isInstanceOf(ServiceHeaderException.class).hasMessageContaining("port");
    }

    @Test
    void unknownArgumentsAreIgnoredForForwardCompatibility() throws Exception {
        assertThat(ServiceHeaders.readRequest(new ByteArrayInputStream(raw("tcp", "host", "::1", "port", "22", "proxy", "v2"))))
                .isEqualTo(new ServiceRequest.Tcp("::1", 22));
    }

    /** A version-1 request with the given strings in its body. */
    private static byte[] raw(String... strings) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        java.io.DataOutputStream data = new java.io.DataOutputStream(body);
        for (String s : strings) {
            byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            data.writeShort(bytes.length);
            data.write(bytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(body.size() >>> 8);
        out.write(body.size());
        body.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void unknownVersionIsUnsupportedAndTruncationIsAnEndOfStream() {
        assertThatThrownBy(() -> ServiceHeaders.readRequest(new ByteArrayInputStream(new byte[] {2, 0, 0})))
                .isInstanceOf(ServiceHeaderException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> ServiceHeaders.readRequest(new ByteArrayInputStream(new byte[] {1, 0, 9, 0})))
                .isInstanceOf(java.io.EOFException.class);
        assertThatThrownBy(() -> ServiceHeaders.readRequest(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(java.io.EOFException.class);
    }
}
