package dev.jcoder.tunnel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Test data helpers: deterministic pseudo-random bytes and SHA-256 of what flows. */
public final class Bytes {
    private Bytes() {
    }

    /** Writes {@code total} pseudo-random bytes from {@code seed} in odd-sized writes; returns their SHA-256. */
    public static String writeRandom(OutputStream out, long total, long seed) throws IOException {
        Random random = new Random(seed);
        MessageDigest digest = sha256();
        byte[] buffer = new byte[100_003];
        long left = total;
        while (left > 0) {
            int n = (int) Math.min(left, 1 + random.nextInt(buffer.length));
            random.nextBytes(buffer);
            out.write(buffer, 0, n);
            digest.update(buffer, 0, n);
            left -= n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads to the end; returns the SHA-256 and count as "hex/count". */
    public static String readAll(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[37_000];
        long count = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
            count += n;
        }
        return HexFormat.of().formatHex(digest.digest()) + "/" + count;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
