package dev.trafficengineer.core.crd;

import dev.trafficengineer.core.validate.CrdReport;

/** The lines the text report puts above the findings when CRDs judged the routes. */
public final class CrdReportText {

  private CrdReportText() {}

  /** Empty without a report. */
  public static String render(CrdReport report) {
    if (report == null) {
      return "";
    }
    StringBuilder text = new StringBuilder("Judged by the ").append(describe(report)).append(".\n");
    if (report.rejectedAfterUpgrade() != null) {
      text.append("Upgrade from bundle ")
          .append(bundle(report.beforeBundleVersion(), report.beforeChannel()))
          .append(": ");
      if (report.rejectedAfterUpgrade().isEmpty()) {
        text.append("every route the old CRD accepts is still accepted.\n");
      } else {
        text.append(report.rejectedAfterUpgrade().size())
            .append(" route(s) accepted before are rejected after it: ")
            .append(String.join(", ", report.rejectedAfterUpgrade()))
            .append('\n');
      }
    }
    return text.append('\n').toString();
  }

  private static String describe(CrdReport report) {
    return String.join(" and ", report.kinds())
        + " CRD"
        + (report.kinds().size() > 1 ? "s" : "")
        + " of bundle "
        + bundle(report.bundleVersion(), report.channel());
  }

  private static String bundle(String version, String channel) {
    return (version == null ? "(unknown version)" : version)
        + (channel == null ? "" : ", " + channel + " channel");
  }
}
