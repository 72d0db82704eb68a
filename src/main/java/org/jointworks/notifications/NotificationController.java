package org.jointworks.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.system.Audit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in user's inbox over HTTP: the messages (newest first), the unread count, marking
 * read, and {@code GET /api/notifications/stream} ({@code text/event-stream}: an {@code unread}
 * event on connect, then a {@code notification} event per new message). HTTP only.
 */
@RestController
class NotificationController {
  private final Inbox inbox;

  NotificationController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/api/notifications")
  Map<String, Object> list(@RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(required = false) Integer limit) {
    String me = Audit.currentActor();
    List<Message> messages = inbox.list(me, unread, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unread", inbox.unread(me));
    out.put("numberReturned", messages.size());
    out.put("messages", messages);
    return out;
  }

  @GetMapping("/api/notifications/unread")
  Map<String, Object> unread() {
    return Map.of("unread", inbox.unread(Audit.currentActor()));
  }

  @PostMapping("/api/notifications/{id:[0-9]+}/read")
  ResponseEntity<Void> read(@PathVariable long id) {
    inbox.markRead(Audit.currentActor(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/notifications/read-all")
  Map<String, Object> readAll() {
    return Map.of("marked", inbox.markAllRead(Audit.currentActor()));
  }

  @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream() {
    return inbox.stream(Audit.currentActor());
  }
}
