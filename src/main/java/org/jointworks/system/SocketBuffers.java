package org.jointworks.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's per-connection write buffer. Its default of 8 KB cut a 21 KB vector tile into three
 * socket writes, each a system call and a chance to be descheduled mid-answer; at tens of
 * thousands of tiles a second that was most of the latency tail (docs/benchmarks.md). 64 KB
 * takes almost every tile in one write, at 64 KB of heap per open connection.
 */
@Component
class SocketBuffers implements TomcatConnectorCustomizer {
  private final int writeBytes;

  SocketBuffers(@Value("${jointworks.socket-write-buffer-bytes:65536}") int writeBytes) {
    this.writeBytes = writeBytes;
  }

  @Override
  public void customize(org.apache.catalina.connector.Connector connector) {
    connector.setProperty("socket.appWriteBufSize", Integer.toString(writeBytes));
  }
}
