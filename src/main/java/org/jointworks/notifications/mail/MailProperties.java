package org.jointworks.notifications.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code jointworks.notifications.smtp}. Immutable.
 *
 * @param enabled whether messages are e-mailed at all (off by default: the inbox is enough)
 * @param host the SMTP relay (plain SMTP, no TLS or AUTH: a relay on the host or the private
 *     network, such as the city's postfix, which forwards with its own credentials)
 * @param from the envelope and header sender
 * @param queueCapacity messages waiting to be sent at most; a further one is dropped and logged
 * @param attempts tries per message before it is given up (and logged)
 * @param retryDelay the wait between tries, doubled each time
 * @param timeout connect and read timeout of one SMTP conversation
 */
@ConfigurationProperties("jointworks.notifications.smtp")
public record MailProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("127.0.0.1") String host,
    @DefaultValue("25") int port,
    @DefaultValue("jointworks@localhost.localdomain") String from,
    @DefaultValue("1000") int queueCapacity,
    @DefaultValue("3") int attempts,
    @DefaultValue("2s") Duration retryDelay,
    @DefaultValue("10s") Duration timeout) {
  public MailProperties {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("jointworks.notifications.smtp.port must be 1..65535");
    }
    if (queueCapacity < 1 || queueCapacity > 1_000_000) {
      throw new IllegalArgumentException(
          "jointworks.notifications.smtp.queue-capacity must be 1..1000000");
    }
    if (attempts < 1 || attempts > 20) {
      throw new IllegalArgumentException("jointworks.notifications.smtp.attempts must be 1..20");
    }
    if (from == null || !MailAddresses.valid(from)) {
      throw new IllegalArgumentException("jointworks.notifications.smtp.from is not an address");
    }
  }
}
