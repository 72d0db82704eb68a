package org.jointworks.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Marks a test class (or method) that drives external programs: without them (and not under
 * {@code CI=true}) JUnit reports it skipped with the reason, before any Spring context starts.
 * See {@link ExternalTools} for the rule and the overrides.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsTools.Condition.class)
public @interface NeedsTools {
  ExternalTools[] value();

  /** Evaluates {@link NeedsTools}; stateless. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getElement()
          .flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsTools.class))
          .map(n -> missing(n.value()))
          .orElse(ConditionEvaluationResult.enabled("no external tools needed"));
    }

    static ConditionEvaluationResult missing(ExternalTools[] tools) {
      if (ExternalTools.ci()) {
        return ConditionEvaluationResult.enabled("CI=true: external tools must be installed");
      }
      String missing = Arrays.stream(tools).filter(t -> !t.installed())
          .map(ExternalTools::notice).collect(Collectors.joining("; "));
      if (missing.isEmpty()) {
        return ConditionEvaluationResult.enabled("external tools installed");
      }
      System.err.println("NOTICE skipped: " + missing);
      return ConditionEvaluationResult.disabled(missing);
    }
  }
}
