package dev.jcoder.terraform.provider.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {

  @Test
  void certificateIsWhatGoPluginVerifies() throws Exception {
    SelfSignedCertificate generated = SelfSignedCertificate.generate();
    X509Certificate certificate = generated.certificate();

    certificate.checkValidity();
    certificate.verify(generated.keyPair().getPublic());
    assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(2, "localhost"));
    assertThat(certificate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(certificate.getKeyUsage()[0]).isTrue();
    assertThat(certificate.getKeyUsage()[5]).isTrue();
    assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(certificate.getEncoded()).isEqualTo(generated.der());
  }
}
