package org.jointworks.backup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link StoreUnavailableException} as Spring Boot's "APPLICATION FAILED TO START"
 * message — what failed and what to do — instead of a stack trace. Registered in
 * {@code META-INF/spring.factories}.
 */
public class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreUnavailableException> {
  @Override
  protected FailureAnalysis analyze(Throwable root, StoreUnavailableException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), null);
  }
}
