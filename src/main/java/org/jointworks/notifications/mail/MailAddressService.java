package org.jointworks.notifications.mail;

import org.jointworks.system.Audit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes a user's e-mail address and mail language; each change is audited ({@code
 * email}, subject {@code users}, the username with the old and the new address and language) in
 * the same transaction.
 */
@Service
class MailAddressService {
  private final MailAddresses addresses;
  private final Audit audit;

  MailAddressService(MailAddresses addresses, Audit audit) {
    this.addresses = addresses;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  MailAddresses.Settings get(String username) {
    return addresses.get(username);
  }

  @Transactional
  MailAddresses.Settings set(String username, String email, String lang) {
    MailAddresses.Settings before = addresses.get(username);
    MailAddresses.Settings after = addresses.set(username, email, lang);
    audit.record("email", "users", null, json(username, before), json(username, after));
    return after;
  }

  private static String json(String username, MailAddresses.Settings s) {
    // Usernames, addresses and languages hold no quote, backslash or control character (all are
    // checked where they enter), so they are quoted as they are.
    return "{\"username\":\"" + username + "\",\"email\":"
        + (s.email() == null ? "null" : "\"" + s.email() + "\"") + ",\"lang\":\"" + s.lang()
        + "\"}";
  }
}
