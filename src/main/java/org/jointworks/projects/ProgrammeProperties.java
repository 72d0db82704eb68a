package org.jointworks.projects;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The settings under {@code jointworks.programme}: the plan's dates per programme year, the
 * consent threshold, the monthly report's due day and the evaluation's weights. Immutable.
 *
 * @param year the programme year new projects belong to unless they say otherwise
 * @param consentThreshold the share of a project's households that must consent to the scheme
 *     and to the property-management model before it may start (the plan: 80%)
 * @param reportDueDay the day of the following month by which a month's report is due
 * @param deadlines the plan's dates, per programme year
 * @param weights the evaluation's component weights; they add up to 1
 * @param sampleProgramme whether the sample city also receives the sample 2023 programme (with
 *     {@code jointworks.sample-data}); it adds one community to the communities layer
 */
@ConfigurationProperties("jointworks.programme")
public record ProgrammeProperties(
    @DefaultValue("2023") int year,
    @DefaultValue("0.8") double consentThreshold,
    @DefaultValue("10") int reportDueDay,
    Map<Integer, Deadlines> deadlines,
    Weights weights,
    @DefaultValue("true") boolean sampleProgramme) {

  public ProgrammeProperties {
    if (!(consentThreshold > 0 && consentThreshold <= 1)) {
      throw new IllegalArgumentException("jointworks.programme.consent-threshold must be in (0, 1]");
    }
    if (reportDueDay < 1 || reportDueDay > 28) {
      throw new IllegalArgumentException("jointworks.programme.report-due-day must be 1..28");
    }
    deadlines = deadlines == null ? Map.of() : Map.copyOf(new TreeMap<>(deadlines));
    if (!deadlines.containsKey(year)) {
      throw new IllegalArgumentException(
          "jointworks.programme.deadlines has no dates for the programme year " + year);
    }
    weights = weights == null ? Weights.DEFAULT : weights;
  }

  /** The dates of {@code programmeYear}; a year without dates is a client error upstream. */
  public Deadlines deadlinesOf(int programmeYear) {
    Deadlines d = deadlines.get(programmeYear);
    if (d == null) {
      throw new IllegalArgumentException("no deadlines are set for " + programmeYear);
    }
    return d;
  }

  /** The dates of the plan (domain.md), in the order they fall. */
  public record Deadlines(
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate planFiled,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate schemeFixed,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate started,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adjustmentCloses,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate midInspection,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completed,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate yearInspection) {
    public Deadlines {
      LocalDate[] inOrder = {planFiled, schemeFixed, started, midInspection, completed,
          yearInspection};
      for (int i = 0; i < inOrder.length; i++) {
        if (inOrder[i] == null || adjustmentCloses == null) {
          throw new IllegalArgumentException("every deadline of a programme year must be set");
        }
        if (i > 0 && inOrder[i].isBefore(inOrder[i - 1])) {
          throw new IllegalArgumentException("deadlines must fall in the plan's order: "
              + inOrder[i - 1] + " then " + inOrder[i]);
        }
      }
    }
  }

  /**
   * The evaluation's component weights (see docs/programme.md); non-negative, the five components
   * adding up to 1. {@code planFiled} is the share, within the reporting component, of the county's
   * annual plan filed with the city office by 02-25 (the rest is the monthly reports); in [0, 1].
   */
  public record Weights(double progress, double schedule, double consent, double reporting,
      double quality, @DefaultValue("0.2") double planFiled) {
    static final Weights DEFAULT = new Weights(0.30, 0.25, 0.15, 0.15, 0.15, 0.2);

    public Weights {
      if (!(planFiled >= 0 && planFiled <= 1)) {
        throw new IllegalArgumentException(
            "jointworks.programme.weights.plan-filed must be in [0, 1]");
      }
      double[] all = {progress, schedule, consent, reporting, quality};
      double sum = 0;
      for (double w : all) {
        if (!(w >= 0)) {
          throw new IllegalArgumentException("evaluation weights must not be negative");
        }
        sum += w;
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException(
            "jointworks.programme.weights must add up to 1, they add up to " + sum);
      }
    }
  }
}
