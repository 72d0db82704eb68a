package org.jointworks.comments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code jointworks.comments}. Immutable.
 *
 * @param maxAttachmentBytes the largest attachment accepted (default 10 MiB); larger answers 413
 * @param maxCommentChars the longest comment text
 */
@ConfigurationProperties("jointworks.comments")
public record CommentProperties(
    @DefaultValue("10485760") long maxAttachmentBytes,
    @DefaultValue("4000") int maxCommentChars) {
  public CommentProperties {
    if (maxAttachmentBytes < 1024 || maxAttachmentBytes > 200L * 1024 * 1024) {
      throw new IllegalArgumentException(
          "jointworks.comments.max-attachment-bytes must be 1 KiB..200 MiB");
    }
    if (maxCommentChars < 1 || maxCommentChars > 4000) {
      throw new IllegalArgumentException("jointworks.comments.max-comment-chars must be 1..4000");
    }
  }
}
