package org.jointworks.notifications;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams, per user, at most
 * {@link NotificationProperties#maxStreamsPerUser} each: opening one more completes that user's
 * oldest (a reloading page, a forgotten tab). A stream that fails to take an event is dropped.
 *
 * <p>Thread-safe: the map is guarded by its own lock; events are written outside it, each
 * emitter being safe for one writer at a time (SseEmitter synchronises its sends). Limit: one
 * instance — streams of another service instance on the same store are not reached.
 */
@Component
class StreamHub {
  private final NotificationProperties settings;
  private final Map<String, Deque<SseEmitter>> streams = new HashMap<>();

  StreamHub(NotificationProperties settings) {
    this.settings = settings;
  }

  /** Opens a stream for {@code user}, closing their oldest beyond the bound. */
  SseEmitter open(String user) {
    SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
    SseEmitter evicted = null;
    synchronized (streams) {
      Deque<SseEmitter> mine = streams.computeIfAbsent(user, u -> new ArrayDeque<>());
      mine.addLast(emitter);
      if (mine.size() > settings.maxStreamsPerUser()) {
        evicted = mine.pollFirst();
      }
    }
    Runnable drop = () -> drop(user, emitter);
    emitter.onCompletion(drop);
    emitter.onTimeout(drop);
    emitter.onError(e -> drop.run());
    if (evicted != null) {
      evicted.complete();
    }
    return emitter;
  }

  /** How many streams {@code user} holds open now. */
  int count(String user) {
    synchronized (streams) {
      Deque<SseEmitter> mine = streams.get(user);
      return mine == null ? 0 : mine.size();
    }
  }

  /** Sends one named event with a JSON body to every stream of {@code user}. */
  void send(String user, String name, Object body) {
    List<SseEmitter> targets;
    synchronized (streams) {
      Deque<SseEmitter> mine = streams.get(user);
      targets = mine == null ? List.of() : List.copyOf(mine);
    }
    for (SseEmitter e : targets) {
      sendTo(user, e, name, body);
    }
  }

  /** Sends to one stream; a stream that cannot take it is dropped. */
  void sendTo(String user, SseEmitter e, String name, Object body) {
    try {
      e.send(SseEmitter.event().name(name).data(body, MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException ex) {
      drop(user, e);
    }
  }

  private void drop(String user, SseEmitter emitter) {
    synchronized (streams) {
      Deque<SseEmitter> mine = streams.get(user);
      if (mine != null) {
        mine.remove(emitter);
        if (mine.isEmpty()) {
          streams.remove(user);
        }
      }
    }
  }
}
