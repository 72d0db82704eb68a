package org.jointworks.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link DemoModeGuard.DemoModeException} into Spring Boot's plain "APPLICATION FAILED TO
 * START" report (what failed, what to do), instead of a stack trace. Registered in
 * {@code META-INF/spring.factories}.
 */
class DemoModeFailureAnalyzer extends AbstractFailureAnalyzer<DemoModeGuard.DemoModeException> {
  @Override
  protected FailureAnalysis analyze(Throwable root, DemoModeGuard.DemoModeException cause) {
    return new FailureAnalysis(
        "JointWorks will not listen on " + cause.address() + " with the demo users on and their"
            + " published password '" + DemoModeGuard.PUBLISHED_PASSWORD + "': anyone on the"
            + " network who has read the README could sign in as admin.",
        "Do one of these:\n"
            + "  - leave server.address unset (or 127.0.0.1) to use the demo on this machine only;\n"
            + "  - set jointworks.demo-password to a password of your own"
            + " (e.g. --jointworks.demo-password=...);\n"
            + "  - run without demo users: jointworks.demo-users=false, then create accounts as"
            + " ADMIN (README, \"Running outside demo mode\").",
        cause);
  }
}
