package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static dev.trafficengineer.core.validate.Checked.withRules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostnameCheckTest {

  private static String hosts(String host) {
    return CANARY.replace("  rules:", "  hostnames:\n    - \"" + host + "\"\n  rules:");
  }

  @Test
  void dnsNamesAndWildcardsPass() {
    assertThat(run(hosts("api.example.com"), HostnameCheck::check)).isEmpty();
    assertThat(run(hosts("*.example.com"), HostnameCheck::check)).isEmpty();
  }

  @Test
  void urlsPortsAndUpperCaseFail() {
    assertThat(codes(run(hosts("https://api.example.com"), HostnameCheck::check)))
        .containsExactly("TE110");
    assertThat(codes(run(hosts("api.example.com:443"), HostnameCheck::check)))
        .containsExactly("TE110");
    assertThat(codes(run(hosts("API.example.com"), HostnameCheck::check))).containsExactly("TE110");
  }

  @Test
  void ipAddressesFail() {
    assertThat(codes(run(hosts("192.168.0.1"), HostnameCheck::check))).containsExactly("TE110");
  }

  @Test
  void redirectHostnamesMustBePrecise() {
    String yaml =
        withRules(
            "    - filters:\n        - type: RequestRedirect\n          requestRedirect: {hostname: \"*.example.com\"}\n");

    assertThat(run(yaml, HostnameCheck::check))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.path()).isEqualTo("/spec/rules/0/filters/0/requestRedirect/hostname"));
  }
}
