package org.jointworks.overdue;

import java.util.List;
import java.util.Set;
import org.jointworks.clock.BusinessClock;
import org.jointworks.notifications.Notice;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.ProjectService;
import org.jointworks.reports.ReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the overdue notices: reads what {@link OverdueRules} finds overdue on the business date
 * ({@link BusinessClock}) and, for each item not yet told, records it and publishes its notice
 * ({@code project.overdue.started|completed}, {@code report.overdue}, to the county's users)
 * in one transaction.
 *
 * <p>Once per item and milestone: the record's unique key (migration V142) holds across restarts
 * and across instances sharing the store: two instances racing on one item both see it unsent,
 * one insert wins, the other fails on the key and rolls its notice back. Runs are serialised
 * within an instance. Thread-safe.
 */
@Service
public class OverdueJob {
  private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);
  private final ProjectService projects;
  private final ReportService reports;
  private final ProgrammeProperties programme;
  private final OverdueRepository repository;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final BusinessClock clock;

  OverdueJob(ProjectService projects, ReportService reports, ProgrammeProperties programme,
      OverdueRepository repository, ApplicationEventPublisher events, TransactionTemplate tx,
      BusinessClock clock) {
    this.projects = projects;
    this.reports = reports;
    this.programme = programme;
    this.repository = repository;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** One run; the number of notices it sent. */
  public synchronized int run() {
    var today = clock.today();
    List<OverdueItem> items = OverdueRules.of(projects.all(), programme,
        reports.assess(today), today);
    int sent = 0;
    for (OverdueItem item : items) {
      try {
        Boolean told = tx.execute(s -> tell(item));
        sent += Boolean.TRUE.equals(told) ? 1 : 0;
      } catch (DuplicateKeyException another) {
        log.debug("overdue {} {} {} told by another instance", item.kind(), item.ref(),
            item.milestone());
      }
    }
    if (sent > 0) {
      log.info("overdue notices: {} sent ({} overdue items on {})", sent, items.size(), today);
    }
    return sent;
  }

  private boolean tell(OverdueItem item) {
    if (repository.sent(item)) {
      return false;
    }
    repository.record(item, clock.now());
    boolean project = item.kind().equals("project");
    String message = project
        ? "project " + item.ref() + " (" + item.args().get("name") + ") has not "
            + item.milestone() + " by " + item.dueOn()
        : "the monthly report of " + item.county() + " for " + item.milestone()
            + " was due on " + item.dueOn() + " and is missing";
    String kind = project ? "project.overdue." + item.milestone() : "report.overdue";
    events.publishEvent(new Notice(kind, project ? "projects" : "reports",
        item.subjectId(), Set.of(), false, "system", message, item.args(),
        item.county() == null ? Set.of() : Set.of(item.county())));
    return true;
  }
}
