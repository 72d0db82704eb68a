package org.jointworks.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * TERM while a 200 MB import trickles in: the service is gone within 30 s, and after a restart
 * nothing of the upload is stored (the real service in its own JVM).
 */
class GracefulShutdownTest {
  private static final long DECLARED = 200L * 1024 * 1024;

  @Test
  void termStopsTheServiceWithin30SecondsDuringATricklingUploadAndStoresNothing()
      throws Exception {
    Path dir = Files.createTempDirectory("jointworks-term");
    Path logs = Path.of("target", "crash", "term-" + System.nanoTime());
    ServiceProcess service = ServiceProcess.h2gis(dir, logs.resolve("service.log")).start();
    assertThat(service.awaitReady(Duration.ofSeconds(240))).as(service.logText()).isTrue();
    Workload w = new Workload("term");
    w.target(service.base());
    String before = w.send("GET", "/api/communities?limit=10000", null, null).body();

    AtomicLong sent = new AtomicLong();
    Thread upload = new Thread(() -> trickle(service.port(), sent), "trickle");
    upload.setDaemon(true);
    upload.start();
    long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (sent.get() < 200_000 && System.nanoTime() < waitUntil) {
      ServiceProcess.sleep(100);
    }
    assertThat(sent.get()).as("the upload is under way").isGreaterThanOrEqualTo(200_000);

    long t0 = System.nanoTime();
    int exit = service.term(Duration.ofSeconds(60));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    System.out.println("TERM during a trickling upload: exit " + exit + " after "
        + took.toMillis() + " ms, " + sent.get() + " bytes sent");
    assertThat(exit).as("the JVM ended").isNotEqualTo(-1);
    assertThat(took).isLessThan(Duration.ofSeconds(30));

    ServiceProcess again = ServiceProcess.h2gis(dir, logs.resolve("again.log")).start();
    assertThat(again.awaitReady(Duration.ofSeconds(240))).as(again.logText()).isTrue();
    w.target(again.base());
    assertThat(w.send("GET", "/api/communities?limit=10000", null, null).body())
        .as("nothing of the interrupted upload is stored").isEqualTo(before);
    again.term(Duration.ofSeconds(60));
  }

  /** Declares 200 MB and sends valid features slowly, until the connection breaks. */
  private static void trickle(int port, AtomicLong sent) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      String auth = Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
      out.write(("POST /api/import/communities HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Basic " + auth + "\r\nContent-Type: application/geo+json\r\n"
          + "Content-Length: " + DECLARED + "\r\n\r\n"
          + "{\"type\":\"FeatureCollection\",\"features\":[").getBytes(StandardCharsets.UTF_8));
      for (int i = 0; sent.get() < DECLARED; i++) {
        double x = 113.7 + (i % 500) * 0.0012;
        double y = 35.1 + (i / 500) * 0.0012;
        String f = (i == 0 ? "" : ",") + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[" + x + "," + y + "],[" + (x + 0.001) + "," + y + "],["
            + (x + 0.001) + "," + (y + 0.001) + "],[" + x + "," + y + "]]]},\"properties\":"
            + "{\"name\":\"trickle " + i + "\",\"district\":\"weibin\",\"households\":10,"
            + "\"buildings\":1,\"floor_area_m2\":500}}";
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        out.write(b);
        out.flush();
        sent.addAndGet(b.length);
        if (i % 200 == 199) {
          Thread.sleep(50); // about 1 MB/s: the 200 MB would take minutes
        }
      }
    } catch (Exception e) {
      // the service went away: expected
    }
  }
}
