package org.jointworks.comments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerService;
import org.jointworks.notifications.Notice;
import org.jointworks.projects.ProjectService;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.JointWorksUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Comments and attachments of a work or a project: the subject must exist; each write is one
 * audited transaction; a comment on a work tells the work's organisation ({@code comment.new}).
 * An attachment is read up to the size limit plus one byte (so a larger one is refused without
 * being held whole), recognised by its first bytes ({@link FileType}) and stored with its
 * SHA-256. Thread-safe.
 */
@Service
class CommentService {
  static final Set<String> SUBJECTS = Set.of("works", "projects");
  private static final int MAX_FILENAME = 200;

  private final CommentRepository repository;
  private final LayerService layers;
  private final ProjectService projects;
  private final CommentProperties settings;
  private final Audit audit;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  CommentService(CommentRepository repository, LayerService layers, ProjectService projects,
      CommentProperties settings, Audit audit, ApplicationEventPublisher events,
      ObjectMapper json) {
    this.repository = repository;
    this.layers = layers;
    this.projects = projects;
    this.settings = settings;
    this.audit = audit;
    this.events = events;
    this.json = json;
  }

  /** The thread of a subject: comments and attachment descriptions, oldest first. */
  @Transactional(readOnly = true)
  Map<String, Object> thread(String subject, long id) {
    owner(subject, id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", subject);
    out.put("id", id);
    out.put("comments", repository.comments(subject, id));
    out.put("attachments", repository.attachments(subject, id));
    return out;
  }

  @Transactional
  Comment comment(String subject, long id, String body) {
    JointWorksUser user = signedIn();
    String owner = owner(subject, id);
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > settings.maxCommentChars()) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "comments.body",
          "a comment has 1 to " + settings.maxCommentChars() + " characters",
          Map.of("max", settings.maxCommentChars()));
    }
    if (text.indexOf('\0') >= 0) {
      // PostgreSQL keeps no NUL in a text: refused by name on both stores, not as a store error.
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "comments.nul",
          "a comment may not hold the character U+0000", Map.of());
    }
    Comment c = repository.insertComment(subject, id, user.getUsername(), user.organisation(),
        text, clock.instant());
    audit.record("comment", subject, id, null, json.writeValueAsString(c));
    if (owner != null) {
      events.publishEvent(new Notice("comment.new", subject, id, Set.of(owner), false,
          user.getUsername(), user.getUsername() + " commented on " + subject + " " + id,
          Map.of("id", id, "comment", c.id(), "author", user.getUsername())));
    }
    return c;
  }

  @Transactional
  Attachment attach(String subject, long id, String filename, String declaredType,
      InputStream body) {
    JointWorksUser user = signedIn();
    owner(subject, id);
    String name = filename == null ? "" : filename.strip();
    if (name.isEmpty() || name.length() > MAX_FILENAME || name.contains("/")
        || name.contains("\\") || name.chars().anyMatch(ch -> ch < 0x20)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "attachments.filename",
          "name the file (?filename=, at most " + MAX_FILENAME + " characters, no path)",
          Map.of("max", MAX_FILENAME));
    }
    byte[] content = readBounded(body);
    FileType type = FileType.sniff(content).orElseThrow(() -> ApiException.of(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachments.type",
        "an attachment is a PDF, JPEG or PNG file; these bytes are none of them",
        Map.of("accepted", "application/pdf, image/jpeg, image/png")));
    if (declaredType != null && !declaredType.isBlank()
        && !declaredType.startsWith("application/octet-stream")
        && !declaredType.startsWith(type.mediaType())) {
      throw ApiException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachments.type_mismatch",
          "the file is " + type.mediaType() + " but was sent as " + declaredType,
          Map.of("detected", type.mediaType(), "declared", declaredType));
    }
    Instant now = clock.instant();
    Attachment a = repository.insertAttachment(new Attachment(0, subject, id, name,
        type.mediaType(), content.length, sha256(content), user.getUsername(),
        user.organisation(), now), content);
    audit.record("attach", subject, id, null, json.writeValueAsString(a));
    return a;
  }

  @Transactional(readOnly = true)
  Attachment describe(long attachmentId) {
    return repository.attachment(attachmentId)
        .orElseThrow(() -> ApiException.notFound("attachment " + attachmentId));
  }

  @Transactional(readOnly = true)
  byte[] content(long attachmentId) {
    describe(attachmentId);
    return repository.content(attachmentId);
  }

  private byte[] readBounded(InputStream in) {
    long max = settings.maxAttachmentBytes();
    try {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (data.length > max) {
        throw ApiException.of(HttpStatus.CONTENT_TOO_LARGE, "attachments.too_large",
            "an attachment has at most " + max + " bytes", Map.of("max", max));
      }
      if (data.length == 0) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "attachments.empty",
            "the body is empty: send the file's bytes", Map.of());
      }
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The organisation to tell of a comment (a work's owner), or null; 404 if absent. */
  private String owner(String subject, long id) {
    return switch (subject) {
      case "works" -> {
        Feature w = layers.get(Layer.WORKS, id);
        yield w.text("owner");
      }
      case "projects" -> {
        projects.get(id);
        yield null;
      }
      default -> throw ApiException.notFound("subject '" + subject + "'");
    };
  }

  private static JointWorksUser signedIn() {
    return JointWorksUser.current().orElseThrow(() -> ApiException.of(HttpStatus.UNAUTHORIZED,
        "auth.required", "sign in to do this", Map.of()));
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> subjects() {
    return List.copyOf(SUBJECTS);
  }
}
