package dev.jcoder.terraform.provider.launch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The server certificate for go-plugin's AutoMTLS, written as DER by hand: a library such as
 * BouncyCastle costs a third of a second of class loading on every launch. Shaped like go-plugin's
 * own: EC P-256, CA, SAN DNS:localhost (Go verifies against that name and ignores the CN).
 */
public record SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate, byte[] der) {

  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  public static SelfSignedCertificate generate() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keyPair = generator.generateKeyPair();
    byte[] algorithm = sequence(oid("1.2.840.10045.4.3.2"));
    byte[] name = sequence(
        set(sequence(oid("2.5.4.10"), utf8("HashiCorp"))),
        set(sequence(oid("2.5.4.3"), utf8("localhost"))));
    Instant now = Instant.now();
    byte[] tbs = sequence(
        tlv(0xA0, integer(BigInteger.TWO)),
        integer(new BigInteger(64, new SecureRandom())),
        algorithm,
        name,
        sequence(utcTime(now.minus(Duration.ofMinutes(1))), utcTime(now.plus(Duration.ofDays(3650)))),
        name,
        keyPair.getPublic().getEncoded(),
        tlv(0xA3, sequence(
            sequence(oid("2.5.29.15"), bool(true), octets(new byte[] {0x03, 0x02, 0x02, (byte) 0xAC})),
            sequence(oid("2.5.29.37"), octets(sequence(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2")))),
            sequence(oid("2.5.29.19"), bool(true), octets(sequence(bool(true)))),
            sequence(oid("2.5.29.17"), octets(sequence(tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII))))))));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keyPair.getPrivate());
    signer.update(tbs);
    byte[] signature = signer.sign();
    byte[] der = sequence(tbs, algorithm, bitString(signature));
    X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
    return new SelfSignedCertificate(keyPair, certificate, der);
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xFF);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] sequence(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  private static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  private static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  private static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
  }

  private static byte[] octets(byte[] content) {
    return tlv(0x04, content);
  }

  private static byte[] bitString(byte[] content) {
    return tlv(0x03, concat(new byte[] {0}, content));
  }

  private static byte[] utf8(String text) {
    return tlv(0x0C, text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] utcTime(Instant instant) {
    return tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long value = Long.parseLong(parts[i]);
      byte[] groups = new byte[10];
      int count = 0;
      do {
        groups[count++] = (byte) (value & 0x7F);
        value >>= 7;
      } while (value > 0);
      for (int j = count - 1; j >= 0; j--) {
        out.write(groups[j] | (j > 0 ? 0x80 : 0));
      }
    }
    return tlv(0x06, out.toByteArray());
  }
}
