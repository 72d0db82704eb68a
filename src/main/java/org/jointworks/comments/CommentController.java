package org.jointworks.comments;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments and attachments over HTTP. An attachment is uploaded as the raw request body
 * ({@code POST /api/works/{id}/attachments?filename=permit.pdf}, Content-Type as the client
 * believes it) and downloaded with its detected type, as an attachment, never sniffed by the
 * browser. HTTP only.
 */
@RestController
class CommentController {
  private final CommentService service;

  CommentController(CommentService service) {
    this.service = service;
  }

  record CommentBody(String body) {}

  @GetMapping("/api/{subject:works|projects}/{id:[0-9]+}/comments")
  Map<String, Object> thread(@PathVariable String subject, @PathVariable long id) {
    return service.thread(subject, id);
  }

  @PostMapping("/api/{subject:works|projects}/{id:[0-9]+}/comments")
  ResponseEntity<Comment> comment(@PathVariable String subject, @PathVariable long id,
      @RequestBody CommentBody body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(service.comment(subject, id, body.body()));
  }

  @PostMapping("/api/{subject:works|projects}/{id:[0-9]+}/attachments")
  ResponseEntity<Attachment> attach(@PathVariable String subject, @PathVariable long id,
      @RequestParam String filename, HttpServletRequest request) throws IOException {
    Attachment a = service.attach(subject, id, filename, request.getContentType(),
        request.getInputStream());
    return ResponseEntity.created(URI.create("/api/attachments/" + a.id())).body(a);
  }

  @GetMapping("/api/attachments/{id:[0-9]+}")
  ResponseEntity<byte[]> download(@PathVariable long id) {
    Attachment a = service.describe(id);
    byte[] content = service.content(id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(a.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Digest", "sha-256=" + java.util.Base64.getEncoder()
            .encodeToString(java.util.HexFormat.of().parseHex(a.sha256())))
        .body(content);
  }
}
