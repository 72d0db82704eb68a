package org.jointworks.notifications.mail;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The e-mails waiting to go out. {@link #offer} never blocks: the inbox calls it after the
 * causing write has committed, and a full queue drops the mail with a warning rather than hold
 * the request (the message is in the inbox anyway). One daemon thread sends each mail, resolving
 * the recipient's address and language at sending time (a user without an address gets none)
 * and writing it in that language ({@link MailTexts}), with
 * {@code attempts} tries and a doubling delay, each failure logged, the last at ERROR.
 *
 * <p>Thread-safe. Limit: the queue lives in memory; mail still queued when the process stops is
 * lost (the inbox keeps every message), and each instance sends the notices its own writes made.
 */
@Component
public class MailOutbox {
  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  /**
   * One mail to a user: an inbox message's kind, subject id and arguments, written when it is
   * sent (the address and language are looked up then).
   */
  public record Mail(String username, String kind, Long subjectId, Map<String, Object> args) {
    public Mail {
      args = args == null ? Map.of() : Map.copyOf(args);
    }
  }

  private final MailProperties settings;
  private final MailAddresses addresses;
  private final MailTexts texts;
  private final SmtpClient smtp;
  private final BlockingQueue<Mail> queue;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread worker;

  MailOutbox(MailProperties settings, MailAddresses addresses, MailTexts texts) {
    this.settings = settings;
    this.addresses = addresses;
    this.texts = texts;
    this.smtp = new SmtpClient(settings);
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    if (settings.enabled()) {
      worker = new Thread(this::drain, "jointworks-mail");
      worker.setDaemon(true);
      worker.start();
    } else {
      worker = null;
    }
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** Queues a mail if delivery is on; never blocks, never throws. */
  public void offer(Mail mail) {
    if (worker == null) {
      return;
    }
    if (!queue.offer(mail)) {
      dropped.incrementAndGet();
      log.warn("mail queue full ({}): dropped the mail to {} ({})", settings.queueCapacity(),
          mail.username(), mail.kind());
    }
  }

  /** Mails sent, given up and dropped since start. */
  public long[] counts() {
    return new long[] {sent.get(), failed.get(), dropped.get()};
  }

  private void drain() {
    while (!Thread.currentThread().isInterrupted()) {
      Mail m;
      try {
        m = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        deliver(m);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        log.error("mail to {} not sent: {}", m.username(), e.toString());
      }
    }
  }

  private void deliver(Mail m) throws InterruptedException {
    MailAddresses.Recipient to = addresses.of(m.username()).orElse(null);
    if (to == null) {
      return;
    }
    MailTexts.Text text = texts.render(to.lang(), m.kind(), m.subjectId(), m.args());
    long delay = settings.retryDelay().toMillis();
    for (int attempt = 1; ; attempt++) {
      try {
        smtp.send(to.email(), text.subject(), text.body());
        sent.incrementAndGet();
        return;
      } catch (java.io.IOException e) {
        if (attempt >= settings.attempts()) {
          failed.incrementAndGet();
          log.error("mail to {} given up after {} tries: {}", m.username(), attempt,
              e.getMessage());
          return;
        }
        log.warn("mail to {} failed (try {} of {}), retrying in {} ms: {}", m.username(),
            attempt, settings.attempts(), delay, e.getMessage());
        Thread.sleep(delay);
        delay *= 2;
      }
    }
  }

  @PreDestroy
  void stop() {
    if (worker != null) {
      worker.interrupt();
    }
  }
}
