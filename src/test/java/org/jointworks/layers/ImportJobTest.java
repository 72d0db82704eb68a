package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Decision 62 through HTTP: an asynchronous import answers 202 with the job's location, the job
 * reports its progress to its owner and to ADMIN only, ends succeeded with everything stored or
 * failed with nothing stored, and an id of another run reads as failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportJobTest {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
    // Bodies over 200 KB run as jobs without asking.
    registry.add("jointworks.imports.async-bytes", () -> "200000");
  }

  private long communities() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM communities", Long.class);
  }

  private JsonNode finished(Http http, String location) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Http.Response r = http.get(location);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode job = r.json();
      String state = job.get("state").asString();
      assertThat(state).isIn("queued", "running", "succeeded", "failed");
      assertThat(job.get("percent").asInt()).isBetween(0, 100);
      if (state.equals("succeeded") || state.equals("failed")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the job did not end in a minute");
  }

  @Test
  void anAsyncImportAnswers202AndItsJobEndsWithEverythingStored() throws Exception {
    Http admin = Http.anonymous(port).as("admin");
    long before = communities();
    Http.Response r = admin.post("/api/import/communities?async=true",
        ImportHandOverTest.communities(0, 2500));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    String location = r.header("Location");
    assertThat(location).startsWith("/api/imports/jobs/").isEqualTo("/api/imports/jobs/"
        + r.json().get("id").asString());
    assertThat(r.json().get("owner").asString()).isEqualTo("admin");
    assertThat(r.json().get("bytesTotal").asLong()).isPositive();

    JsonNode job = finished(admin, location);
    assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.get("imported").asInt()).isEqualTo(2500);
    assertThat(job.get("rowsParsed").asLong()).isEqualTo(2500);
    assertThat(job.get("rowsStored").asLong()).isEqualTo(2500);
    assertThat(job.get("percent").asInt()).isEqualTo(100);
    assertThat(job.has("error")).isFalse();
    assertThat(communities()).isEqualTo(before + 2500);
    // The first answer after the job's import sees every feature it stored.
    assertThat(admin.get("/api/communities?limit=10000").json().get("features").size())
        .isEqualTo((int) (before + 2500));

    // Another user may not read it; anonymous users are refused before the controller.
    assertThat(Http.anonymous(port).as("gas").get(location).status()).isEqualTo(403);
    assertThat(Http.anonymous(port).get(location).status()).isEqualTo(401);
  }

  @Test
  void aLargeBodyRunsAsAJobAndOneBadFeatureStoresNothing() throws Exception {
    Http planner = Http.anonymous(port).as("planner");
    long before = communities();
    String body = ImportHandOverTest.communities(5000, 1500).replaceFirst(
        "(?s)(.*)\"households\":[0-9]+", "$1\"households\":-3");
    assertThat(body.length()).isGreaterThan(200_000);
    Http.Response r = planner.send(planner.builder("/api/import/communities")
        .header("Content-Type", "application/geo+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    String location = r.header("Location");
    JsonNode job = finished(planner, location);
    assertThat(job.get("state").asString()).isEqualTo("failed");
    assertThat(job.at("/error/status").asInt()).isEqualTo(422);
    assertThat(job.at("/error/errors/0/index").asInt()).isEqualTo(1499);
    // Each problem carries the preview's code and its arguments, the English sentence kept.
    assertThat(job.at("/error/errors/0/errors/0/code").asString()).isEqualTo("range");
    assertThat(job.at("/error/errors/0/errors/0/field").asString()).isEqualTo("households");
    assertThat(job.at("/error/errors/0/errors/0/args/field").asString()).isEqualTo("households");
    assertThat(job.at("/error/errors/0/errors/0/message").asString()).startsWith("households: ");
    assertThat(job.at("/error/errors/0/problems/0").asString()).startsWith("households: ");
    assertThat(job.get("rowsStored").asLong()).isZero();
    assertThat(communities()).isEqualTo(before);
    // ADMIN reads any job.
    assertThat(Http.anonymous(port).as("admin").get(location).status()).isEqualTo(200);
  }

  @Test
  void aFeatureOfAnotherOrganisationIsListedWithItsCodeAndArguments() {
    Http gas = Http.anonymous(port).as("gas");
    Http.Response r = gas.post("/api/import/pipelines", org.jointworks.support.Fixtures.collection(
        org.jointworks.support.Fixtures.pipeline("gas", 113.85, 35.30),
        org.jointworks.support.Fixtures.pipeline("power", 113.86, 35.30)));
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.json().at("/errors/0/index").asInt()).isEqualTo(1);
    JsonNode e = r.json().at("/errors/0/errors/0");
    assertThat(e.get("code").asString()).as(r.body()).isEqualTo("not_yours");
    assertThat(e.at("/args/value").asString()).isEqualTo("power");
    assertThat(e.at("/args/organisation").asString()).isEqualTo("gas");
    assertThat(e.get("message").asString()).contains("is not your organisation");
  }

  @Test
  void anIdOfAnotherRunReadsAsFailedAndAnUnknownOneIs404() {
    Http admin = Http.anonymous(port).as("admin");
    JsonNode lost = admin.get("/api/imports/jobs/zz0other-7").json();
    assertThat(lost.get("state").asString()).isEqualTo("failed");
    assertThat(lost.at("/error/code").asString()).isEqualTo("import.job_lost");
    Http.Response unknown = admin.get("/api/imports/jobs/not_a_job");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("code").asString()).isEqualTo("import.job_unknown");
  }
}
