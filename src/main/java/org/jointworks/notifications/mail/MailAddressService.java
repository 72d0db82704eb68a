package org.jointworks.notifications.mail;

import org.jointworks.system.Audit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes a user's e-mail address; each change is audited ({@code email}, subject
 * {@code users}, the username with the old and the new address) in the same transaction.
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
  String get(String username) {
    return addresses.get(username);
  }

  @Transactional
  String set(String username, String email) {
    String before = addresses.get(username);
    String after = addresses.set(username, email);
    audit.record("email", "users", null, json(username, before), json(username, after));
    return after;
  }

  private static String json(String username, String email) {
    // Usernames and addresses hold no quote, backslash or control character (both are checked
    // where they enter), so they are quoted as they are.
    return "{\"username\":\"" + username + "\",\"email\":"
        + (email == null ? "null" : "\"" + email + "\"") + "}";
  }
}
