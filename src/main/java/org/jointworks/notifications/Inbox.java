package org.jointworks.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.notifications.mail.MailOutbox;
import org.jointworks.system.ApiException;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inboxes. A {@link Notice} becomes one stored message per recipient (every enabled user of
 * each named organisation, and the road-works authority's users when asked; never the actor) in
 * the publishing write's transaction, and is pushed to the recipients' open streams only after
 * that transaction commits: a refused or rolled-back write tells nobody, and a committed one is
 * in the inbox even for users who are not connected.
 *
 * <p>Thread-safe.
 */
@Service
public class Inbox {
  private final InboxRepository repository;
  private final StreamHub hub;
  private final NotificationProperties settings;
  private final MailOutbox mail;
  private final Clock clock = Clock.systemUTC();

  Inbox(InboxRepository repository, StreamHub hub, NotificationProperties settings,
      MailOutbox mail) {
    this.repository = repository;
    this.hub = hub;
    this.settings = settings;
    this.mail = mail;
  }

  /** Delivers a notice published inside a write's transaction. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void deliver(Notice notice) {
    Instant now = clock.instant();
    List<Message> stored = new ArrayList<>();
    for (InboxRepository.Recipient r : repository.recipients(notice.organisations(),
        notice.toAuthority(), notice.counties())) {
      if (!r.username().equals(notice.actor())
          && stored.stream().noneMatch(m -> m.recipient().equals(r.username()))) {
        stored.add(repository.insert(r, notice, now));
      }
    }
    if (stored.isEmpty()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        for (Message m : stored) {
          hub.send(m.recipient(), "notification", m);
          // After the commit, never blocking: a slow or absent relay cannot hold the write.
          // The mail is written in the recipient's language when it is sent.
          mail.offer(new MailOutbox.Mail(m.recipient(), m.kind(), m.subjectId(), m.args()));
        }
      }
    });
  }

  @Transactional(readOnly = true)
  public List<Message> list(String user, boolean unreadOnly, Integer limit) {
    int n = limit == null ? settings.maxListed() : limit;
    if (n < 1 || n > settings.maxListed()) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "notifications.limit",
          "limit must be between 1 and " + settings.maxListed(),
          Map.of("max", settings.maxListed()));
    }
    return repository.list(user, unreadOnly, n);
  }

  @Transactional(readOnly = true)
  public long unread(String user) {
    return repository.unread(user);
  }

  @Transactional
  public void markRead(String user, long id) {
    if (!repository.markRead(user, id, clock.instant())) {
      throw ApiException.notFound("notification " + id);
    }
  }

  @Transactional
  public int markAllRead(String user) {
    return repository.markAllRead(user, clock.instant());
  }

  /** Opens a live stream; its first event is the unread count. */
  public SseEmitter stream(String user) {
    SseEmitter e = hub.open(user);
    Map<String, Object> hello = new LinkedHashMap<>();
    hello.put("unread", unread(user));
    hub.sendTo(user, e, "unread", hello);
    return e;
  }
}
