package dev.jcoder.coderd.database;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts the URL forms users pass to {@code --postgres-url}: Coder's libpq style
 * ({@code postgres://user:pass@host:5432/db?sslmode=disable}) or a JDBC URL, and returns JDBC.
 */
public final class PostgresUrls {
    private PostgresUrls() {}

    public static String toJdbc(String url) {
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return trimmed;
        }
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
            throw new IllegalArgumentException("The PostgreSQL URL must start with postgres://, postgresql:// or jdbc:postgresql: (got \""
                    + redact(trimmed) + "\").");
        }
        URI uri = URI.create(trimmed);
        List<String> parameters = new ArrayList<>();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            parameters.add("user=" + encode(decode(parts[0])));
            if (parts.length == 2) {
                parameters.add("password=" + encode(decode(parts[1])));
            }
        }
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            parameters.add(uri.getRawQuery());
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
        return "jdbc:postgresql://" + host + port + path + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    /** The URL with any password replaced, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]+:)[^@]*@", "$1****@").replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
