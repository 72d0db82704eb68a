package org.jointworks.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of comments and attachments. Bound parameters only; bytes as a JDBC byte array. */
@Repository
class CommentRepository {
  private static final String ATTACHMENT_COLUMNS = "id, subject, subject_id, filename,"
      + " media_type, size_bytes, sha256, uploaded_by, organisation, created_at";
  private final NamedParameterJdbcTemplate jdbc;

  CommentRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Comment insertComment(String subject, long subjectId, String author, String organisation,
      String body, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO comments (subject, subject_id, author, organisation, body, created_at)
        VALUES (:s, :id, :a, :o, :b, :at)""", new MapSqlParameterSource().addValue("s", subject)
        .addValue("id", subjectId).addValue("a", author).addValue("o", organisation)
        .addValue("b", body).addValue("at", Timestamp.from(at)), keys, new String[] {"id"});
    return new Comment(keys.getKey().longValue(), subject, subjectId, author, organisation, body,
        at);
  }

  List<Comment> comments(String subject, long subjectId) {
    return jdbc.query("SELECT * FROM comments WHERE subject = :s AND subject_id = :id"
        + " ORDER BY id", new MapSqlParameterSource().addValue("s", subject)
        .addValue("id", subjectId), (rs, i) -> new Comment(rs.getLong("id"),
        rs.getString("subject"), rs.getLong("subject_id"), rs.getString("author"),
        rs.getString("organisation"), rs.getString("body"),
        rs.getTimestamp("created_at").toInstant()));
  }

  Attachment insertAttachment(Attachment a, byte[] content) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO attachments (subject, subject_id, filename, media_type, size_bytes, sha256,
          uploaded_by, organisation, created_at, content)
        VALUES (:s, :id, :f, :m, :n, :h, :u, :o, :at, :c)""",
        new MapSqlParameterSource().addValue("s", a.subject()).addValue("id", a.subjectId())
            .addValue("f", a.filename()).addValue("m", a.mediaType())
            .addValue("n", a.sizeBytes()).addValue("h", a.sha256())
            .addValue("u", a.uploadedBy()).addValue("o", a.organisation())
            .addValue("at", Timestamp.from(a.createdAt())).addValue("c", content),
        keys, new String[] {"id"});
    return new Attachment(keys.getKey().longValue(), a.subject(), a.subjectId(), a.filename(),
        a.mediaType(), a.sizeBytes(), a.sha256(), a.uploadedBy(), a.organisation(),
        a.createdAt());
  }

  List<Attachment> attachments(String subject, long subjectId) {
    return jdbc.query("SELECT " + ATTACHMENT_COLUMNS + " FROM attachments WHERE subject = :s"
        + " AND subject_id = :id ORDER BY id", new MapSqlParameterSource().addValue("s", subject)
        .addValue("id", subjectId), CommentRepository::attachment);
  }

  Optional<Attachment> attachment(long id) {
    return jdbc.query("SELECT " + ATTACHMENT_COLUMNS + " FROM attachments WHERE id = :id",
        new MapSqlParameterSource("id", id), CommentRepository::attachment).stream().findFirst();
  }

  byte[] content(long id) {
    return jdbc.queryForObject("SELECT content FROM attachments WHERE id = :id",
        new MapSqlParameterSource("id", id), (rs, i) -> rs.getBytes(1));
  }

  private static Attachment attachment(ResultSet rs, int i) throws SQLException {
    return new Attachment(rs.getLong("id"), rs.getString("subject"), rs.getLong("subject_id"),
        rs.getString("filename"), rs.getString("media_type"), rs.getLong("size_bytes"),
        rs.getString("sha256"), rs.getString("uploaded_by"), rs.getString("organisation"),
        rs.getTimestamp("created_at").toInstant());
  }
}
