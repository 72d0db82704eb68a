package org.jointworks.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real service in a JVM of its own, started from the test run's own classpath (the compiled
 * main classes and the dependency jars surefire names in {@code surefire.test.class.path}; the
 * test classes are left out so no test bean is scanned), with options that shorten start-up
 * (C1 only, serial GC). Its output goes to a log file, which the tests read for messages.
 * Not thread-safe: one test drives it.
 */
final class ServiceProcess {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final List<String> args;
  private final Path log;
  private final int port;
  private Process process;

  private ServiceProcess(List<String> args, Path log, int port) {
    this.args = args;
    this.log = log;
    this.port = port;
  }

  /** A service on the embedded store in {@code dataDir}; {@code extra} are more {@code --k=v}. */
  static ServiceProcess h2gis(Path dataDir, Path log, String... extra) {
    int port = freePort();
    List<String> a = new ArrayList<>(List.of("--server.port=" + port,
        "--jointworks.data-dir=" + dataDir, "--jointworks.sample-data=false",
        "--jointworks.backup.interval=0"));
    a.addAll(Arrays.asList(extra));
    return new ServiceProcess(a, log, port);
  }

  /** A service on PostGIS at {@code jdbcUrl} (a schema of its own), with the demo users. */
  static ServiceProcess postgis(String jdbcUrl, Path log, String... extra) {
    int port = freePort();
    List<String> a = new ArrayList<>(List.of("--server.port=" + port,
        "--spring.profiles.active=postgis", "--spring.datasource.url=" + jdbcUrl,
        "--jointworks.demo-users=true", "--jointworks.sample-data=false",
        "--spring.datasource.hikari.maximum-pool-size=4"));
    a.addAll(Arrays.asList(extra));
    return new ServiceProcess(a, log, port);
  }

  int port() {
    return port;
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  /** Starts the JVM (its log is appended to); does not wait for it to be ready. */
  ServiceProcess start() {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-Dspring.jmx.enabled=false", "-cp", classpath(), "org.jointworks.JointWorksApplication"));
    cmd.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      process = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** True once the health endpoint answers 200; false if the JVM ended or the time ran out. */
  boolean awaitReady(Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        return false;
      }
      try {
        HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(
                URI.create(base() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      sleep(100);
    }
    return false;
  }

  /** SIGKILL, then waits for the JVM to be gone. */
  void kill9() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
  }

  /** SIGTERM; returns the exit code, or -1 when it did not end within {@code timeout}. */
  int term(Duration timeout) {
    process.destroy();
    return waitFor(timeout);
  }

  int waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classpath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(cp.split(File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
