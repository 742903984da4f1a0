package dev.jcoder.coderd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this build was made as, in Coder's {@code v<semver>} form. */
public final class BuildVersion {
    private static final String VERSION = load();

    private BuildVersion() {}

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "0.0.0-devel");
            return "v" + (version.startsWith("$") ? "0.0.0-devel" : version.replace("-SNAPSHOT", "-devel"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
